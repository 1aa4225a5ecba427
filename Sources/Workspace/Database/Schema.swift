import GRDB

/// The workspace's tables, built by versioned migrations.
///
/// Identifiers start with `workspace-` so this migrator and JobQueue's (`jobqueue-…`) can both
/// run on the same `formwork.db`: GRDB records applied migrations by identifier in one table.
enum Schema {
    /// Every migration, oldest first. Never edit a shipped migration: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("workspace-v1-forms") { db in
            // One row per form: its current draft, which changes, and a revision counter that
            // makes saves compare-and-set (optimistic concurrency).
            try db.execute(sql: """
                CREATE TABLE form (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    draft TEXT NOT NULL,
                    revision INTEGER NOT NULL CHECK (revision >= 1),
                    latestVersion INTEGER NOT NULL DEFAULT 0,
                    createdAt DATETIME NOT NULL,
                    updatedAt DATETIME NOT NULL
                );
                CREATE TABLE form_version (
                    formID TEXT NOT NULL REFERENCES form(id) ON DELETE CASCADE,
                    version INTEGER NOT NULL CHECK (version >= 1),
                    definition TEXT NOT NULL,
                    publishedAt DATETIME NOT NULL,
                    PRIMARY KEY (formID, version)
                );
                CREATE TRIGGER form_version_is_frozen BEFORE UPDATE ON form_version
                BEGIN SELECT RAISE(ABORT, 'published form versions never change'); END;
                """)
        }
        migrator.registerMigration("workspace-v1-responses") { db in
            try db.execute(sql: """
                CREATE TABLE response (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    formID TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
                    answers TEXT NOT NULL,
                    respondent TEXT,
                    createdAt DATETIME NOT NULL,
                    updatedAt DATETIME NOT NULL,
                    submittedAt DATETIME,
                    FOREIGN KEY (formID, version) REFERENCES form_version(formID, version)
                );
                CREATE INDEX response_by_form ON response(formID, version, id);
                CREATE TRIGGER response_submitted_is_final BEFORE UPDATE OF answers ON response
                WHEN OLD.status = 'submitted'
                BEGIN SELECT RAISE(ABORT, 'submitted responses never change'); END;
                """)
        }
        migrator.registerMigration("workspace-ai-usage") { db in
            // The AI usage ledger: one row per attempt to call a model, never updated.
            try db.execute(sql: """
                CREATE TABLE ai_usage (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    date DATETIME NOT NULL,
                    provider TEXT NOT NULL,
                    model TEXT NOT NULL,
                    section TEXT NOT NULL,
                    inputTokens INTEGER NOT NULL,
                    outputTokens INTEGER NOT NULL,
                    cost DOUBLE NOT NULL,
                    latencyMs INTEGER NOT NULL,
                    outcome TEXT NOT NULL,
                    detail TEXT
                );
                CREATE INDEX ai_usage_by_date ON ai_usage(date);
                CREATE TRIGGER ai_usage_is_append_only BEFORE UPDATE ON ai_usage
                BEGIN SELECT RAISE(ABORT, 'the AI usage ledger is append-only'); END;
                """)
        }
        migrator.registerMigration("workspace-v2-sheets-sync") { db in
            // Which sheet rows each spreadsheet-to-form pull has imported, written in the same
            // transaction as the responses, so an interrupted pull never imports a row twice.
            try db.execute(sql: """
                CREATE TABLE sheet_sync_row (
                    spreadsheetID TEXT NOT NULL,
                    formID TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    responseID INTEGER REFERENCES response(id) ON DELETE SET NULL,
                    importedAt DATETIME NOT NULL,
                    PRIMARY KEY (spreadsheetID, formID, fingerprint)
                );
                """)
        }
        migrator.registerMigration("workspace-v3-response-revisions") { db in
            // Edits of stored responses are versioned: `revision` counts them, and every
            // earlier version of the answers is kept, frozen, in `response_revision`. A
            // submitted response's answers may change only together with a revision bump,
            // which `ResponseStore.update` does in the same transaction as the history row.
            try db.execute(sql: """
                ALTER TABLE response ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
                CREATE TABLE response_revision (
                    responseID INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
                    revision INTEGER NOT NULL CHECK (revision >= 1),
                    answers TEXT NOT NULL,
                    status TEXT NOT NULL,
                    savedAt DATETIME NOT NULL,
                    PRIMARY KEY (responseID, revision)
                );
                CREATE TRIGGER response_revision_is_frozen BEFORE UPDATE ON response_revision
                BEGIN SELECT RAISE(ABORT, 'earlier revisions of a response never change'); END;
                DROP TRIGGER response_submitted_is_final;
                CREATE TRIGGER response_submitted_changes_by_revision BEFORE UPDATE OF answers ON response
                WHEN OLD.status = 'submitted' AND NEW.revision <> OLD.revision + 1
                BEGIN SELECT RAISE(ABORT, 'submitted responses change only by a new revision'); END;
                """)
        }
        return migrator
    }
}
