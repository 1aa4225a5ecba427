import Foundation
import GRDB

extension JobStore {
    /// Registers a worker process under `epoch` and requeues every job still marked running by a
    /// process that is gone (startup recovery). Returns how many jobs were recovered.
    @discardableResult
    public func registerWorker(epoch: String) throws -> Int {
        let now = clock.nowMillis()
        let pid = Int64(getpid())
        let host = ProcessInfo.processInfo.hostName
        return try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO job_worker (epoch, pid, host, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [epoch, pid, host, now, now])
            let live = try liveEpochs(db, now: now)
            return try recoverRunning(db, now: now, reason: "worker process exited") { epoch in
                guard let epoch else { return true }
                return !live.contains(epoch)
            }
        }
    }

    /// Removes a worker's registration at clean shutdown.
    public func unregisterWorker(epoch: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM job_worker WHERE epoch = ?", arguments: [epoch]) }
    }

    /// Requeues (or dead-letters) running jobs whose lease has lapsed. Returns how many.
    @discardableResult
    public func sweepExpiredLeases() throws -> Int {
        let now = clock.nowMillis()
        let recovered = try write { db in
            try recoverRunning(db, now: now, reason: "lease expired", leaseBefore: now) { _ in true }
        }
        if recovered > 0 { notifyWork() }
        return recovered
    }

    /// Epochs of worker processes that are alive: fresh heartbeat, and on this host a live pid.
    private func liveEpochs(_ db: Database, now: Int64) throws -> Set<String> {
        let host = ProcessInfo.processInfo.hostName
        var live: Set<String> = []
        for row in try Row.fetchAll(db, sql: "SELECT epoch, pid, host, heartbeat_at FROM job_worker") {
            let epoch: String = row["epoch"]
            let pid: Int64 = row["pid"]
            let rowHost: String = row["host"]
            let beat: Int64 = row["heartbeat_at"]
            let fresh = beat > now - options.leaseMillis
            let alive = rowHost != host || Self.processExists(pid: pid)
            if fresh && alive {
                live.insert(epoch)
            } else {
                try db.execute(sql: "DELETE FROM job_worker WHERE epoch = ?", arguments: [epoch])
            }
        }
        return live
    }

    /// `kill(pid, 0)`: 0 or EPERM means the process exists.
    static func processExists(pid: Int64) -> Bool {
        guard pid > 0, pid <= Int64(Int32.max) else { return false }
        return kill(pid_t(pid), 0) == 0 || errno == EPERM
    }

    /// Moves matching running jobs back to `available` (attempts left), `discarded` (none left)
    /// or `cancelled` (cancellation was requested). Each update is fenced on the row it read.
    private func recoverRunning(_ db: Database, now: Int64, reason: String, leaseBefore: Int64? = nil,
                                isOrphan: (String?) -> Bool) throws -> Int {
        var sql = """
            SELECT id, run_epoch, attempt, max_attempts, cancel_requested_at, attempted_at FROM job WHERE state = 'running'
            """
        var arguments: StatementArguments = []
        if let leaseBefore {
            sql += " AND lease_expires_at < ?"
            arguments = [leaseBefore]
        }
        var count = 0
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            let epoch: String? = row["run_epoch"]
            guard isOrphan(epoch) else { continue }
            let id: Int64 = row["id"]
            let attempt: Int = row["attempt"]
            let maxAttempts: Int = row["max_attempts"]
            let cancelRequested = (row["cancel_requested_at"] as Int64?) != nil
            let target: JobState = cancelRequested ? .cancelled : (attempt >= maxAttempts ? .discarded : .available)
            let startedAt: Int64 = row["attempted_at"] ?? now
            try requeueLost(db, id: id, epoch: epoch, attempt: attempt, startedAt: startedAt, target: target,
                            reason: reason, now: now)
            count += 1
        }
        return count
    }

    private func requeueLost(_ db: Database, id: Int64, epoch: String?, attempt: Int, startedAt: Int64,
                             target: JobState, reason: String, now: Int64) throws {
        let entry = JobAttemptError(attempt: attempt, at: now, kind: "lost", message: reason)
        let finalized: Int64? = target.isTerminal ? now : nil
        try db.execute(sql: """
            UPDATE job SET state = ?, finalized_at = ?, scheduled_at = ?, lease_expires_at = NULL,
                           retry_tier = CASE WHEN ? = 'discarded' THEN 3 ELSE retry_tier END,
                           errors = json_insert(errors, '$[#]', json(?))
            WHERE id = ? AND state = 'running' AND run_epoch IS ? AND attempt = ?
            """, arguments: [target.rawValue, finalized, now, target.rawValue, entry.json, id, epoch, attempt])
        guard db.changesCount == 1 else { return }
        try Self.logEvent(db, jobID: id, at: startedAt, type: "started", data: String(attempt))
        let type = target == .available ? "recovered" : target.rawValue
        try Self.logEvent(db, jobID: id, at: now, type: type, data: reason)
        if target.isTerminal { try cascadeCancel(db, parent: id, now: now) }
    }
}
