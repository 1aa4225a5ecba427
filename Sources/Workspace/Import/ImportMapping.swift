import Foundation
import FormCore

/// One column of a response file and the field it fills.
public struct ColumnMapping: Equatable, Sendable {
    /// The column's name as written in the file.
    public let column: String
    /// The key of the field it fills; nil when the column is not imported.
    public let field: String?
}

extension ResponseImporter {
    /// How the columns of the file at `path` map onto the newest published version of
    /// `formID`: the CSV header, or the keys of the first JSON line, in file order. Shown
    /// before an import so people see what goes where.
    public func columnMapping(_ path: String, formID: String, format: ResponseFormat? = nil) throws -> [ColumnMapping] {
        guard let format = format ?? ResponseFormat.infer(fromPath: path) else {
            throw WorkspaceError.invalid("cannot tell the format of \(path): name it *.csv or *.jsonl")
        }
        let fields = try workspace.forms.latestVersion(formID).pages.flatMap(\.fields)
        let source = try ByteSource(path: path)
        switch format {
        case .csv:
            let header: [String]
            do { header = try CSVReader(source: source).next()?.cells ?? [] } catch { return [] }
            let (map, _) = ColumnMap.build(header: header, fields: fields, line: 1)
            return zip(header, map.columns).map { name, column in
                if case .field(let field) = column { return ColumnMapping(column: name, field: field.key) }
                return ColumnMapping(column: name, field: nil)
            }
        case .jsonLines:
            guard let (_, text) = LineReader(source: source).next(), case .object(let members)? = try? JSONParser.parse(text).value else { return [] }
            let keys = Set(AnswersFile.scopeFields(fields).map(\.key))
            return members.map { ColumnMapping(column: $0.key, field: keys.contains($0.key) ? $0.key : nil) }
        }
    }
}
