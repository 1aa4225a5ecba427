import Foundation
import GRDB

/// The durable side of the queue: one SQLite file (WAL), one writer, `BEGIN IMMEDIATE` for every
/// write transaction, and a bounded retry loop so `SQLITE_BUSY` never reaches the caller.
public final class JobStore: @unchecked Sendable {
    /// The database file.
    public let path: String
    /// The store's settings.
    public let options: JobStoreOptions
    /// The clock every timestamp comes from.
    public let clock: JobClock
    /// Random numbers in [0, 1) for retry jitter; replaceable for deterministic tests.
    public var jitter: @Sendable () -> Double = { Double.random(in: 0..<1) }
    /// The GRDB pool: one writer connection, a few readers.
    let pool: DatabasePool
    /// Observers told after every commit that made work available (in-process wakeup).
    private let wakeLock = NSLock()
    private var wakeObservers: [UUID: @Sendable ([String]) -> Void] = [:]

    /// Opens (creating if needed) the queue database at `path` and runs the `jobqueue-` migrations.
    public init(path: String, options: JobStoreOptions = JobStoreOptions(), clock: JobClock = SystemClock()) throws {
        self.path = path
        self.options = options
        self.clock = clock
        var config = Configuration()
        config.busyMode = .timeout(TimeInterval(options.busyTimeoutMillis) / 1000)
        config.maximumReaderCount = 4
        let synchronous = options.durability == .full ? "FULL" : "NORMAL"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw Self.map(error, path: path)
        }
        try migrate()
    }

    private func migrate() throws {
        var migrator = DatabaseMigrator()
        JobSchema.register(in: &migrator)
        try retryingLocks {
            do {
                try migrator.migrate(pool)
            } catch {
                // Two processes opening a new database at once (the studio and a worker) can
                // both decide a migration is due; the loser fails with "table already exists".
                // Its second look sees the migration applied and has nothing left to do.
                do { try migrator.migrate(pool) } catch { throw Self.map(error, path: path) }
            }
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction, retrying while the database is locked.
    /// With `durable: false` under FULL durability the commit skips its fsync; the next durable
    /// commit (WAL is sequential) makes it durable too. Used only for claims and heartbeats,
    /// whose loss on power failure just means a job runs again.
    func write<T>(durable: Bool = true, _ body: (Database) throws -> T) throws -> T {
        let relax = !durable && options.durability == .full
        return try retryingLocks {
            do {
                return try pool.writeWithoutTransaction { db -> T in
                    if relax { try db.cachedStatement(sql: "PRAGMA synchronous = NORMAL").execute() }
                    defer { if relax { try? db.cachedStatement(sql: "PRAGMA synchronous = FULL").execute() } }
                    var output: [T] = []
                    try db.inTransaction(.immediate) {
                        output.append(try body(db))
                        return .commit
                    }
                    return output[0]
                }
            } catch {
                throw Self.map(error, path: path)
            }
        }
    }

    /// Runs a read on a reader connection (WAL: never blocks the writer).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try retryingLocks {
            do { return try pool.read(body) } catch { throw Self.map(error, path: path) }
        }
    }

    /// Retries `body` with backoff while it fails with `databaseLocked`, up to the lock wait limit.
    private func retryingLocks<T>(_ body: () throws -> T) throws -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        var pauseMillis: UInt32 = 5
        while true {
            do { return try body() } catch JobQueueError.databaseLocked {
                let waited = Int64((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
                if waited >= options.lockWaitLimitMillis {
                    throw JobQueueError.databaseLocked(path: path, waitedMillis: waited)
                }
                usleep(pauseMillis * 1000)
                pauseMillis = min(pauseMillis * 2, 250)
            }
        }
    }

    /// Maps SQLite failures to `JobQueueError`; queue errors pass through unchanged.
    static func map(_ error: Error, path: String) -> Error {
        if error is JobQueueError { return error }
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return JobQueueError.databaseLocked(path: path, waitedMillis: 0)
        case .SQLITE_FULL:
            return JobQueueError.diskFull(path: path)
        default:
            return JobQueueError.database(dbError.message ?? dbError.description)
        }
    }

    // MARK: - In-process wakeup

    /// Registers a callback run after commits that may have made jobs claimable; it receives
    /// the queues concerned when known (empty when any queue may be).
    func addWakeObserver(_ observer: @escaping @Sendable ([String]) -> Void) -> UUID {
        let token = UUID()
        wakeLock.lock()
        wakeObservers[token] = observer
        wakeLock.unlock()
        return token
    }

    /// Removes a wakeup callback.
    func removeWakeObserver(_ token: UUID) {
        wakeLock.lock()
        wakeObservers[token] = nil
        wakeLock.unlock()
    }

    /// Tells every observer that work may be available (in `queues`, when given).
    func notifyWork(queues: [String] = []) {
        wakeLock.lock()
        let observers = Array(wakeObservers.values)
        wakeLock.unlock()
        for observer in observers { observer(queues) }
    }

    /// Appends one event to the audit log.
    static func logEvent(_ db: Database, jobID: Int64, at: Int64, type: String, data: String? = nil) throws {
        try db.cachedStatement(sql: "INSERT INTO job_event (job_id, at, type, data) VALUES (?, ?, ?, ?)")
            .execute(arguments: [jobID, at, type, data])
    }

    /// Runs `PRAGMA optimize` and a passive WAL checkpoint; call at idle or before closing.
    public func optimize() throws {
        _ = try retryingLocks {
            do {
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA optimize")
                    try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)")
                }
            } catch { throw Self.map(error, path: path) }
        }
    }
}
