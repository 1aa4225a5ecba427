import Foundation

/// What earlier pulls of one spreadsheet into one form imported.
public struct SheetSyncState: Codable, Equatable, Sendable {
    /// The spreadsheet id.
    public var spreadsheetID: String
    /// The form id.
    public var formID: String
    /// Fingerprints of the rows imported so far.
    public var imported: [String]
    /// When the last pull finished.
    public var lastPull: Date?

    /// A state with nothing imported.
    public init(spreadsheetID: String, formID: String, imported: [String] = [], lastPull: Date? = nil) {
        self.spreadsheetID = spreadsheetID
        self.formID = formID
        self.imported = imported
        self.lastPull = lastPull
    }
}

/// Sync state and the editable column mapping of each spreadsheet–form pair, as small JSON
/// files in `<workspace>/sheets/`. The mapping file is meant for people to edit.
public struct SheetSyncStore: Sendable {
    /// The folder holding the files.
    public let directory: URL

    /// A store in `directory`, created on the first save.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The state for a pair (empty when never pulled).
    public func state(spreadsheet: String, form: String) throws -> SheetSyncState {
        try read(file(spreadsheet, form, "state")) ?? SheetSyncState(spreadsheetID: spreadsheet, formID: form)
    }

    /// Saves the state after a pull.
    public func save(_ state: SheetSyncState) throws {
        try write(state, to: file(state.spreadsheetID, state.formID, "state"))
    }

    /// The saved mapping for a pair (empty when none).
    public func mapping(spreadsheet: String, form: String) throws -> SheetColumnMapping {
        try read(file(spreadsheet, form, "mapping")) ?? SheetColumnMapping()
    }

    /// Saves the mapping for a pair.
    public func save(_ mapping: SheetColumnMapping, spreadsheet: String, form: String) throws {
        try write(mapping, to: file(spreadsheet, form, "mapping"))
    }

    /// The path of the mapping file, to tell people where to edit it.
    public func mappingPath(spreadsheet: String, form: String) -> String {
        file(spreadsheet, form, "mapping").path
    }

    private func file(_ spreadsheet: String, _ form: String, _ kind: String) -> URL {
        func safe(_ text: String) -> String { String(text.map { $0.isLetter || $0.isNumber || "-_".contains($0) ? $0 : "_" }) }
        return directory.appendingPathComponent("\(safe(spreadsheet))--\(safe(form)).\(kind).json")
    }

    private func read<T: Decodable>(_ url: URL) throws -> T? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(T.self, from: data) } catch {
            throw ConnectorError.invalidInput("\(url.path) cannot be read: \(error.localizedDescription)")
        }
    }

    private func write<T: Encodable>(_ value: T, to url: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(value).write(to: url, options: .atomic)
    }
}
