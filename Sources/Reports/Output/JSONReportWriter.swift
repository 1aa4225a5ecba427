import FormCore

/// Writes statistics and responses as one JSON document; the responses array is streamed
/// from the source one object per line, so it is never held in memory.
public struct JSONReportWriter {
    /// The statistics to write first.
    public let model: ReportModel
    /// The template name recorded in the file.
    public let templateName: String

    /// Creates a writer.
    public init(model: ReportModel, templateName: String) {
        self.model = model
        self.templateName = templateName
    }

    /// Writes the document; `stream` supplies the responses (nil: statistics only).
    public func write(responses stream: inout some ResponseStream, to sink: ByteSink, cancelled: () -> Bool = { false }) throws {
        let out = TextOutput(sink: sink)
        try out.write("{\n")
        for member in JSONReportEncoding.head(model, templateName: templateName) {
            try out.write("  " + JSONWriter.compact(.string(member.key)) + ": " + JSONWriter.compact(member.node.value) + ",\n")
        }
        try out.write("  \"responses\": [")
        let fields = ReportFields.answerable(in: model.form)
        var first = true
        while let record = try stream.next() {
            if cancelled() { throw ExportError.cancelled }
            let answers = AnswersFile.encode(JSONReportEncoding.clean(record.answers), fields: fields)
            guard case .object(let members) = answers else { continue }
            let object = JSONValue.object([JSONMember("#", JSONNode(.number(Double(record.number))))] + members)
            try out.write((first ? "\n    " : ",\n    ") + JSONWriter.compact(object))
            first = false
        }
        try out.write(first ? "]\n}\n" : "\n  ]\n}\n")
        try out.flush()
    }
}

/// The statistics part of the JSON report, as JSON values.
enum JSONReportEncoding {
    static func head(_ model: ReportModel, templateName: String) -> [JSONMember] {
        func m(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key, JSONNode(value)) }
        func s(_ text: String) -> JSONValue { .string(TextSanitizer.clean(text)) }
        func num(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
        let fields: [JSONValue] = model.fields.map { field in
            var members = [m("key", s(field.key)), m("label", s(field.label)), m("type", .string(field.type.rawValue)),
                           m("answered", .number(Double(field.answered))), m("missing", .number(Double(field.missing)))]
            switch field.statistics {
            case .number(let n):
                members += [m("mean", num(n.mean)), m("median", num(n.median)), m("min", num(n.min)), m("max", num(n.max)),
                            m("standardDeviation", num(n.standardDeviation)), m("exact", .bool(n.isExact)),
                            m("histogram", .array(n.histogram.map { JSONNode(.object([m("bin", s($0.label)), m("count", .number(Double($0.count)))])) }))]
            case .categories(let c):
                members.append(m("counts", .array(c.entries.map {
                    JSONNode(.object([m("value", s($0.value)), m("label", s($0.label)), m("count", .number(Double($0.count))), m("percent", .number($0.percent))]))
                })))
            case .dates(let d):
                members += [m("earliest", d.earliest.map { .string($0.iso) } ?? .null), m("latest", d.latest.map { .string($0.iso) } ?? .null),
                            m("perMonth", .array(d.perMonth.map { JSONNode(.object([m("month", .string($0.month)), m("count", .number(Double($0.count)))])) }))]
            case .text(let t):
                members.append(m("sample", .array(t.distinctSample.map { JSONNode(s($0)) })))
            }
            return .object(members)
        }
        let tabs: [JSONValue] = model.crossTabs.map { tab in
            .object([m("rows", s(tab.rowKey)), m("columns", s(tab.columnKey)),
                     m("rowLabels", .array(tab.rowLabels.map { JSONNode(s($0)) })), m("columnLabels", .array(tab.columnLabels.map { JSONNode(s($0)) })),
                     m("counts", .array(tab.counts.map { JSONNode(.array($0.map { JSONNode(.number(Double($0))) })) }))])
        }
        let issues: [JSONValue] = model.dataQuality.issues.map { issue in
            .object([m("path", s(issue.path)), m("message", s(issue.message)), m("severity", .string(issue.severity.rawValue)),
                     m("count", .number(Double(issue.count))), m("examples", .array(issue.examples.map { JSONNode(.number(Double($0))) }))])
        }
        return [
            m("format", .string("formwork.report")), m("schemaVersion", .number(1)),
            m("form", .object([m("id", s(model.form.id)), m("title", s(model.form.title)), m("version", .number(Double(model.form.version)))])),
            m("template", s(templateName)), m("generatedAt", .string(HTMLRenderer.timestamp(model.generatedAt))),
            m("responseCount", .number(Double(model.responseCount))),
            m("fields", .array(fields.map { JSONNode($0) })), m("crossTabs", .array(tabs.map { JSONNode($0) })),
            m("dataQuality", .object([m("missing", .array(model.dataQuality.missing.map { JSONNode(.object([m("key", s($0.key)), m("count", .number(Double($0.count)))])) })),
                                      m("issues", .array(issues.map { JSONNode($0) }))])),
            m("insights", .array(model.insights.map { JSONNode(s($0.text)) })),
        ]
    }

    /// The answers with every text cleaned by `TextSanitizer`, to match the other formats.
    static func clean(_ answers: Answers) -> Answers {
        var out = answers
        for (key, value) in answers.values { out.values[key] = clean(value) }
        return out
    }

    static func clean(_ value: Value) -> Value {
        switch value {
        case .string(let text): return .string(TextSanitizer.clean(text))
        case .list(let items): return .list(items.map(clean))
        default: return value
        }
    }
}
