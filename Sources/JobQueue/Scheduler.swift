import Foundation
import GRDB

/// What a schedule does about slots it missed while no worker was running.
public enum CatchUpPolicy: String, Sendable, CaseIterable {
    /// Missed slots are dropped; only a slot whose minute is still current fires.
    case skip
    /// After downtime, the most recent missed slot fires once; older missed slots are dropped.
    case once
}

/// A stored cron schedule.
public struct CronEntry: Sendable, Equatable {
    /// Unique name.
    public var name: String
    /// The 5-field expression.
    public var expression: String
    /// What each firing enqueues (kind, args, queue, priority).
    public var request: JobRequest
    /// Missed-slot policy.
    public var catchUp: CatchUpPolicy
    /// The last slot handled (fired or skipped), Unix ms.
    public var lastSlot: Int64?
    /// False while switched off: the scheduler skips it.
    public var enabled: Bool = true
}

extension JobStore {
    /// Adds or replaces a schedule. Slots before now are treated as handled, so a new schedule
    /// first fires at its next slot.
    public func addSchedule(name: String, expression: String, request: JobRequest,
                            catchUp: CatchUpPolicy = .once) throws {
        guard !name.isEmpty else { throw JobQueueError.invalidRequest("schedule name is empty") }
        let cron = try CronSchedule(expression)
        try request.validate()
        let now = clock.nowMillis()
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO job_cron (name, expression, kind, args, queue, priority, catch_up, last_slot, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [name, expression, request.kind, request.args, request.queue, request.priority,
                                 catchUp.rawValue, cron.previous(atOrBefore: now), now])
        }
    }

    /// Every schedule, by name.
    public func schedules() throws -> [CronEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM job_cron ORDER BY name").map { row in
                CronEntry(name: row["name"], expression: row["expression"],
                          request: JobRequest(kind: row["kind"], args: row["args"], queue: row["queue"],
                                              priority: row["priority"]),
                          catchUp: CatchUpPolicy(rawValue: row["catch_up"]) ?? .once, lastSlot: row["last_slot"],
                          enabled: (row["enabled"] as Int? ?? 1) != 0)
            }
        }
    }

    /// Switches a schedule on or off. Switching on treats slots before now as handled, so a
    /// schedule that was off does not fire at once for the time it was off.
    public func setScheduleEnabled(name: String, enabled: Bool) throws {
        let now = clock.nowMillis()
        try write { db in
            guard let expression = try String.fetchOne(db, sql: "SELECT expression FROM job_cron WHERE name = ?", arguments: [name]) else {
                throw JobQueueError.scheduleNotFound(name)
            }
            let slot = enabled ? (try? CronSchedule(expression))?.previous(atOrBefore: now) : nil
            try db.execute(sql: "UPDATE job_cron SET enabled = ?, last_slot = COALESCE(?, last_slot) WHERE name = ?",
                           arguments: [enabled ? 1 : 0, slot, name])
        }
    }

    /// Changes a stored schedule's expression and what it enqueues, in place: it stays on or
    /// off and keeps its catch-up policy. A changed expression treats its slots before now as
    /// handled (like a new schedule), so editing never fires a missed slot at once; an unchanged
    /// one keeps its last handled slot.
    public func updateSchedule(name: String, expression: String, request: JobRequest) throws {
        let cron = try CronSchedule(expression)
        try request.validate()
        let now = clock.nowMillis()
        try write { db in
            guard let old = try String.fetchOne(db, sql: "SELECT expression FROM job_cron WHERE name = ?", arguments: [name]) else {
                throw JobQueueError.scheduleNotFound(name)
            }
            let slot = old == expression ? nil : cron.previous(atOrBefore: now)
            try db.execute(sql: """
                UPDATE job_cron SET expression = ?, kind = ?, args = ?, queue = ?, priority = ?,
                    last_slot = COALESCE(?, last_slot) WHERE name = ?
                """, arguments: [expression, request.kind, request.args, request.queue, request.priority, slot, name])
        }
    }

    /// Removes a schedule.
    public func removeSchedule(name: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM job_cron WHERE name = ?", arguments: [name])
            if db.changesCount == 0 { throw JobQueueError.scheduleNotFound(name) }
        }
    }
}

/// Fires due cron schedules. Each slot fires at most once across every process, enforced by
/// `UNIQUE(name, slot)` in `job_cron_fire` inside the firing transaction.
public final class Scheduler: @unchecked Sendable {
    private let store: JobStore

    /// Creates a scheduler over a store.
    public init(store: JobStore) { self.store = store }

    /// Fires every schedule that has a due slot; returns the ids of the jobs enqueued.
    @discardableResult
    public func tick() throws -> [Int64] {
        let now = store.clock.nowMillis()
        var fired: [Int64] = []
        for entry in try store.schedules() where entry.enabled {
            guard let cron = try? CronSchedule(entry.expression),
                  let latest = cron.previous(atOrBefore: now),
                  latest > (entry.lastSlot ?? Int64.min) else { continue }
            let fire = entry.catchUp == .once || now - latest < CivilTime.minuteMillis
            if let id = try handle(entry, slot: latest, fire: fire, now: now) { fired.append(id) }
        }
        if !fired.isEmpty { store.notifyWork() }
        return fired
    }

    /// Records the slot and, when firing, enqueues its job — all in one transaction.
    private func handle(_ entry: CronEntry, slot: Int64, fire: Bool, now: Int64) throws -> Int64? {
        try store.write { db -> Int64? in
            let last = try Int64.fetchOne(db, sql: "SELECT last_slot FROM job_cron WHERE name = ?", arguments: [entry.name])
            guard slot > (last ?? Int64.min) else { return nil }
            try db.execute(sql: "UPDATE job_cron SET last_slot = ? WHERE name = ?", arguments: [slot, entry.name])
            guard fire else { return nil }
            try db.execute(sql: "INSERT OR IGNORE INTO job_cron_fire (name, slot, fired_at) VALUES (?, ?, ?)",
                           arguments: [entry.name, slot, now])
            guard db.changesCount == 1 else { return nil }
            let id = try store.enqueue(in: db, [entry.request])[0].id
            try db.execute(sql: "UPDATE job_cron_fire SET job_id = ? WHERE name = ? AND slot = ?",
                           arguments: [id, entry.name, slot])
            return id
        }
    }
}
