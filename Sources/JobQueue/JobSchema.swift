import Foundation
import GRDB

/// The queue's tables. Migration identifiers start with `jobqueue-` and tables with `job`, so the
/// queue can share the workspace's `formwork.db` with other migrators.
enum JobSchema {
    /// Registers the queue's migrations on a migrator (other migrators' ids are left alone).
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("jobqueue-v1") { db in
            try db.execute(sql: jobTable)
            try db.execute(sql: indexes)
            try db.execute(sql: supportTables)
        }
        // Schedules can be switched off without losing them (the studio's Reports screen).
        migrator.registerMigration("jobqueue-cron-enabled") { db in
            try db.execute(sql: "ALTER TABLE job_cron ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1")
        }
        migrator.registerMigration("jobqueue-v2-dashboard") { db in
            try db.execute(sql: dashboardIndexes)
        }
        // The Jobs screen's "dead" filter lists the newest discarded jobs; without this the
        // planner walks the whole table newest-first looking for them. It holds dead rows only,
        // so completing or retrying jobs never writes to it.
        migrator.registerMigration("jobqueue-v3-dead") { db in
            try db.execute(sql: "CREATE INDEX job_dead ON job(id) WHERE state = 'discarded'")
        }
    }

    /// The studio's Jobs screen reads counts several times a second. `job_live` covers the
    /// per-queue counts of unfinished jobs (a scan of live rows only, never the history);
    /// `job_final` gains `queue` so the throughput buckets of the last hour are read from the
    /// index alone, at the same write cost as the index it replaces.
    private static let dashboardIndexes = """
        CREATE INDEX job_live ON job(queue, state, finalized_at) WHERE finalized_at IS NULL;
        DROP INDEX job_final;
        CREATE INDEX job_final ON job(state, finalized_at, queue) WHERE finalized_at IS NOT NULL;
        """

    /// The main job table; the CHECK ties `finalized_at` to the terminal states (from River).
    private static let jobTable = """
        CREATE TABLE job (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          queue TEXT NOT NULL,
          kind TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('scheduled','available','running','retryable','blocked',
                                               'completed','cancelled','discarded')),
          priority INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 0 AND 4),
          args BLOB NOT NULL,
          attempt INTEGER NOT NULL DEFAULT 0,
          max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
          retry_tier INTEGER NOT NULL DEFAULT 0,
          scheduled_at INTEGER NOT NULL,
          attempted_at INTEGER,
          finalized_at INTEGER,
          run_epoch TEXT,
          lease_expires_at INTEGER,
          heartbeat_at INTEGER,
          cancel_requested_at INTEGER,
          unique_key TEXT,
          cache_key TEXT,
          cache_ttl_ms INTEGER,
          timeout_ms INTEGER,
          depends_on_count INTEGER NOT NULL DEFAULT 0,
          progress REAL,
          progress_note TEXT,
          progress_at INTEGER,
          checkpoint BLOB,
          errors TEXT NOT NULL DEFAULT '[]',
          executions INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL,
          CHECK ((finalized_at IS NULL) = (state NOT IN ('completed','cancelled','discarded'))),
          CHECK (attempt <= max_attempts)
        ) STRICT
        """

    /// Partial indexes keep the polled sets small (Graphile/Solid Queue idea).
    private static let indexes = """
        CREATE INDEX job_fetch ON job(queue, priority, scheduled_at, id) WHERE state = 'available';
        CREATE INDEX job_due ON job(scheduled_at) WHERE state IN ('scheduled','retryable');
        CREATE INDEX job_lease ON job(lease_expires_at) WHERE state = 'running';
        CREATE INDEX job_final ON job(state, finalized_at) WHERE finalized_at IS NOT NULL;
        CREATE UNIQUE INDEX job_unique ON job(unique_key)
          WHERE unique_key IS NOT NULL AND state NOT IN ('completed','cancelled','discarded');
        CREATE INDEX job_cache_live ON job(cache_key)
          WHERE cache_key IS NOT NULL AND state NOT IN ('completed','cancelled','discarded');
        """

    /// Results, the append-only event log, queue switches, dependencies, cron and live workers.
    private static let supportTables = """
        CREATE TABLE job_result (
          cache_key TEXT PRIMARY KEY, job_id INTEGER NOT NULL, result BLOB NOT NULL,
          bytes INTEGER NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
          accessed_at INTEGER NOT NULL) STRICT;
        CREATE INDEX job_result_expiry ON job_result(expires_at);
        CREATE TABLE job_output (
          job_id INTEGER PRIMARY KEY REFERENCES job(id) ON DELETE CASCADE, result BLOB NOT NULL) STRICT;
        CREATE TABLE job_event (
          id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER NOT NULL, at INTEGER NOT NULL,
          type TEXT NOT NULL, data TEXT) STRICT;
        CREATE INDEX job_event_job ON job_event(job_id);
        CREATE TABLE job_queue_state (
          queue TEXT PRIMARY KEY, paused INTEGER NOT NULL DEFAULT 0, concurrency INTEGER) STRICT;
        CREATE TABLE job_dep (
          job_id INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
          depends_on_id INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
          PRIMARY KEY (job_id, depends_on_id)) STRICT, WITHOUT ROWID;
        CREATE INDEX job_dep_parent ON job_dep(depends_on_id);
        CREATE TABLE job_cron (
          name TEXT PRIMARY KEY, expression TEXT NOT NULL, kind TEXT NOT NULL, args BLOB NOT NULL,
          queue TEXT NOT NULL, priority INTEGER NOT NULL, catch_up TEXT NOT NULL,
          last_slot INTEGER, created_at INTEGER NOT NULL) STRICT;
        CREATE TABLE job_cron_fire (
          name TEXT NOT NULL, slot INTEGER NOT NULL, job_id INTEGER, fired_at INTEGER NOT NULL,
          UNIQUE (name, slot)) STRICT;
        CREATE TABLE job_worker (
          epoch TEXT PRIMARY KEY, pid INTEGER NOT NULL, host TEXT NOT NULL,
          started_at INTEGER NOT NULL, heartbeat_at INTEGER NOT NULL) STRICT;
        """
}
