import Foundation

/// The editable column mapping of each spreadsheet–form pair, as small JSON files in
/// `<workspace>/sheets/`. They are files, not rows, because people edit them by hand.
public struct SheetMappingStore: Sendable {
    /// The folder holding the files.
    public let directory: URL

    /// A store in `directory`, created on the first save.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The saved mapping for a pair (empty when none).
    public func mapping(spreadsheet: String, form: String) throws -> SheetColumnMapping {
        let url = file(spreadsheet, form)
        guard let data = FileManager.default.contents(atPath: url.path) else { return SheetColumnMapping() }
        do { return try JSONDecoder().decode(SheetColumnMapping.self, from: data) } catch {
            throw ConnectorError.invalidInput("\(url.path) is not a column mapping: \(error.localizedDescription)")
        }
    }

    /// Saves the mapping for a pair.
    public func save(_ mapping: SheetColumnMapping, spreadsheet: String, form: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(mapping).write(to: file(spreadsheet, form), options: .atomic)
    }

    /// The path of the mapping file, to tell people where to edit it.
    public func mappingPath(spreadsheet: String, form: String) -> String {
        file(spreadsheet, form).path
    }

    private func file(_ spreadsheet: String, _ form: String) -> URL {
        func safe(_ text: String) -> String { String(text.map { $0.isLetter || $0.isNumber || "-_".contains($0) ? $0 : "_" }) }
        return directory.appendingPathComponent("\(safe(spreadsheet))--\(safe(form)).mapping.json")
    }
}
