import Foundation
import GRDB

/// The rows each pull from a spreadsheet into a form has imported, kept beside the responses
/// so that storing a batch of responses and remembering their rows is one transaction.
public struct SheetSyncRecords {
    let workspace: Workspace

    /// One sheet row to store: its fingerprint and the response read from it.
    public struct Row: Sendable {
        /// Identifies the row's content in the sheet.
        public var fingerprint: String
        /// The response to store.
        public var response: NewResponse

        /// A row from its parts.
        public init(fingerprint: String, response: NewResponse) {
            self.fingerprint = fingerprint
            self.response = response
        }
    }

    /// The fingerprints already imported from a spreadsheet into a form.
    public func imported(spreadsheet: String, formID: String) throws -> Set<String> {
        try workspace.read { db in
            Set(try String.fetchAll(db, sql: "SELECT fingerprint FROM sheet_sync_row WHERE spreadsheetID = ? AND formID = ?",
                                    arguments: [spreadsheet, formID]))
        }
    }

    /// Stores the responses and records their rows, all or none; returns the response ids.
    /// A row already recorded (a concurrent pull got there first) is skipped, not duplicated.
    @discardableResult
    public func insert(_ rows: [Row], spreadsheet: String, formID: String, version: Int) throws -> [Int64] {
        let encoded = try workspace.responses.encode(rows.map(\.response), formID: formID, version: version)
        return try workspace.write { db in
            let known = Set(try String.fetchAll(db, sql: "SELECT fingerprint FROM sheet_sync_row WHERE spreadsheetID = ? AND formID = ?",
                                                arguments: [spreadsheet, formID]))
            let fresh = zip(rows, encoded).filter { !known.contains($0.0.fingerprint) }
            let ids = try ResponseStore.insert(fresh.map(\.1), formID: formID, version: version, db)
            let now = Date()
            for ((row, _), id) in zip(fresh, ids) {
                try db.execute(sql: """
                    INSERT INTO sheet_sync_row (spreadsheetID, formID, fingerprint, responseID, importedAt) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [spreadsheet, formID, row.fingerprint, id, now])
            }
            return ids
        }
    }
}

extension Workspace {
    /// What sheet pulls have imported.
    public var sheetSync: SheetSyncRecords { SheetSyncRecords(workspace: self) }
}
