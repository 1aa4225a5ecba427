import Foundation
import GRDB

/// How hard SQLite works to keep the last transactions after a power cut.
public enum Durability: String, Sendable {
    /// `synchronous=FULL`: a committed transaction survives a power cut (the default).
    case full
    /// `synchronous=NORMAL`: faster; after a power cut the last transactions may be lost,
    /// but the database is never damaged.
    case normal
}

/// A workspace folder: `formwork.db` (SQLite in WAL mode) and a `reports/` folder.
public final class Workspace: @unchecked Sendable {
    /// The database file's name inside the workspace folder.
    public static let databaseName = "formwork.db"

    /// The workspace folder.
    public let directory: URL
    /// Where reports are written.
    public let reportsDirectory: URL
    /// The database path, for messages.
    public let databasePath: String
    /// The connection pool: one writer, several readers (WAL). Exposed for services that
    /// share the file (JobQueue) and for fault-injection tests.
    public let pool: DatabasePool
    /// Forms and their versions. Stores are cheap views that keep the workspace open.
    public var forms: FormStore { FormStore(workspace: self) }
    /// Responses and drafts of responses.
    public var responses: ResponseStore { ResponseStore(workspace: self) }
    /// The AI usage ledger.
    public var aiUsage: AIUsageStore { AIUsageStore(workspace: self) }

    private init(directory: URL, pool: DatabasePool) {
        self.directory = directory
        self.reportsDirectory = directory.appendingPathComponent("reports")
        self.databasePath = pool.path
        self.pool = pool
    }

    /// Opens (creating if needed) the workspace in `directory` and brings its schema up to date.
    ///
    /// - Parameter busyTimeout: how long a write waits for another process's lock before
    ///   failing with `WorkspaceError.busy`.
    public static func open(at directory: URL, durability: Durability = .full,
                            busyTimeout: TimeInterval = 5) throws -> Workspace {
        let dbPath = directory.appendingPathComponent(databaseName).path
        do {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("reports"),
                                                    withIntermediateDirectories: true)
        } catch {
            throw WorkspaceError.io(path: directory.path, message: "cannot create the workspace folder (\(error.localizedDescription))")
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        let synchronous = durability == .full ? "FULL" : "NORMAL"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
        }
        do {
            let pool = try DatabasePool(path: dbPath, configuration: config)
            try Schema.migrator.migrate(pool)
            return Workspace(directory: directory, pool: pool)
        } catch {
            throw WorkspaceError.wrap(error, path: dbPath)
        }
    }

    /// Runs a write transaction, translating database failures into `WorkspaceError`s.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw WorkspaceError.wrap(error, path: databasePath) }
    }

    /// Runs a read, translating database failures into `WorkspaceError`s.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw WorkspaceError.wrap(error, path: databasePath) }
    }
}
