import FormCore
import Foundation

/// What to collect while reading responses, beyond per-field statistics (which are always kept).
public struct ReportBuildOptions: Sendable {
    /// Cross-tabulations as (row field key, column field key).
    public var crossTabs: [CrossTabRequest]
    /// Whether to keep the responses table.
    public var includeTable: Bool
    /// Field keys of the table's columns; empty means every answerable field.
    public var tableColumns: [String]
    /// At most this many table rows (nil: all).
    public var tableLimit: Int?
    /// Whether to keep per-response details.
    public var includeDetails: Bool
    /// At most this many detailed responses (nil: all).
    public var detailLimit: Int?
    /// Whether to run rules and validation over each response for the data-quality section.
    public var validate: Bool
    /// The report's timestamp; also what `today()` means while validating.
    public var now: Date
    /// Numbers kept per field for an exact median (beyond: a reservoir estimate).
    public var exactLimit: Int

    /// Creates options; by default no cross-tabs, no table, validation on.
    public init(crossTabs: [CrossTabRequest] = [], includeTable: Bool = false, tableColumns: [String] = [],
                tableLimit: Int? = nil, includeDetails: Bool = false, detailLimit: Int? = nil, validate: Bool = true, now: Date = Date(),
                exactLimit: Int = 100_000) {
        self.crossTabs = crossTabs
        self.includeTable = includeTable
        self.tableColumns = tableColumns
        self.tableLimit = tableLimit
        self.includeDetails = includeDetails
        self.detailLimit = detailLimit
        self.validate = validate
        self.now = now
        self.exactLimit = exactLimit
    }
}

/// Two field keys to cross-tabulate.
public struct CrossTabRequest: Sendable, Equatable, Codable {
    /// Field whose options become rows.
    public var rows: String
    /// Field whose options become columns.
    public var columns: String

    /// Creates a request.
    public init(rows: String, columns: String) {
        self.rows = rows
        self.columns = columns
    }
}

/// A report could not be built.
public enum ReportBuildError: Error, Equatable, CustomStringConvertible {
    /// A template named a field the form does not have (or one that cannot be used there).
    case unknownField(key: String, context: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .unknownField(key, context): return "\(context): the form has no suitable field \"\(key)\""
        }
    }
}

/// Reads a response stream once and produces a `ReportModel`.
public struct ReportBuilder {
    /// The form version the responses belong to.
    public let form: Form
    /// What to collect.
    public let options: ReportBuildOptions

    /// Prepares a builder.
    public init(form: Form, options: ReportBuildOptions = ReportBuildOptions()) {
        self.form = form
        self.options = options
    }

    /// Consumes `stream`; `progress` is called every 1,000 responses with the count so far.
    public func build(from stream: inout some ResponseStream, insights: InsightWriter = OfflineNarrator(),
                      progress: ((Int) -> Void)? = nil) throws -> ReportModel {
        let fields = ReportFields.answerable(in: form)
        var accumulators = fields.map { FieldAccumulator(field: $0, exactLimit: options.exactLimit) }
        var crossTabs = try options.crossTabs.map { try crossTab($0, fields: fields) }
        let quality = DataQualityAccumulator(form: form, validate: options.validate, now: options.now)
        var table = options.includeTable ? try tableShape(fields) : nil
        var details: [ResponseDetail] = []
        var detailsOmitted = 0
        var count = 0
        while let record = try stream.next() {
            count += 1
            for index in accumulators.indices { accumulators[index].add(record.answers[accumulators[index].field.key]) }
            for index in crossTabs.indices { crossTabs[index].add(record.answers) }
            quality.add(record)
            if var rows = table {
                // Taken out and put back so the append does not copy the rows kept so far.
                table = nil
                if options.tableLimit.map({ rows.rows.count < $0 }) ?? true {
                    rows.rows.append([String(record.number)] + rows.keys.dropFirst().map { AnswerCoding.text(for: record.answers[$0]) })
                } else {
                    rows.omitted += 1
                }
                table = rows
            }
            if options.includeDetails {
                if options.detailLimit.map({ details.count < $0 }) ?? true {
                    details.append(ResponseDetail(number: record.number, answers: record.answers, fields: fields))
                } else {
                    detailsOmitted += 1
                }
            }
            if count % 1000 == 0 { progress?(count) }
        }
        progress?(count)
        let summaries = accumulators.map { $0.summary() }
        let missing = summaries.map {
            DataQuality.Missing(key: $0.key, title: $0.title, count: $0.missing, percent: count == 0 ? 0 : Double($0.missing) / Double(count) * 100)
        }
        var model = ReportModel(
            form: form, responseCount: count, fields: summaries, crossTabs: crossTabs.map { $0.result() },
            dataQuality: DataQuality(missing: missing, issues: quality.issues(), validated: quality.validates),
            codebook: CodebookBuilder.entries(for: form), table: table, details: details, detailsOmitted: detailsOmitted, insights: [], generatedAt: options.now
        )
        model.insights = insights.insights(for: model)
        return model
    }

    private func crossTab(_ request: CrossTabRequest, fields: [Field]) throws -> CrossTabAccumulator {
        func find(_ key: String) throws -> Field {
            guard let field = fields.first(where: { $0.key == key }),
                  ReportFields.isCategorical(field.type) || field.type.answerKind == .list else {
                throw ReportBuildError.unknownField(key: key, context: "cross-tabulation")
            }
            return field
        }
        return CrossTabAccumulator(rowField: try find(request.rows), columnField: try find(request.columns))
    }

    private func tableShape(_ fields: [Field]) throws -> ResponseTable {
        let chosen: [Field] = try options.tableColumns.isEmpty ? fields : options.tableColumns.map { key in
            guard let field = fields.first(where: { $0.key == key }) else { throw ReportBuildError.unknownField(key: key, context: "responses table") }
            return field
        }
        // Column 0 is the response number; its key is "#", never a field key.
        return ResponseTable(keys: ["#"] + chosen.map(\.key), titles: ["#"] + chosen.map { $0.label.isEmpty ? $0.key : $0.label },
                             rows: [], omitted: 0)
    }
}
