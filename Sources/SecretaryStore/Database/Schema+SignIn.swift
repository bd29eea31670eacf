import GRDB

extension Schema {
    /// Accounts with Argon2id password hashes and a lock after repeated failures; signed-in
    /// sessions with a heartbeat; settings kept in the database (so that no environment
    /// variable can loosen the lock); an audit log that is append-only and hash-chained.
    static func v5SignIn(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE operator ADD COLUMN password_hash TEXT;
            ALTER TABLE operator ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE operator ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE operator ADD COLUMN locked_until INTEGER;

            CREATE TABLE session (
                id INTEGER PRIMARY KEY,
                operator_id INTEGER NOT NULL REFERENCES operator(id),
                kind TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                heartbeat INTEGER NOT NULL,
                ended_at INTEGER,
                end_reason TEXT,
                terminal TEXT NOT NULL DEFAULT '',
                ssh_client TEXT NOT NULL DEFAULT '',
                host TEXT NOT NULL DEFAULT '',
                pid INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX session_open ON session(ended_at, operator_id);

            CREATE TABLE setting (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            ) WITHOUT ROWID;

            ALTER TABLE audit ADD COLUMN training_at INTEGER;
            ALTER TABLE audit ADD COLUMN session_id INTEGER;
            ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
            ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
            CREATE INDEX audit_actor ON audit(actor, id);
            CREATE INDEX audit_action ON audit(action, id);

            -- Where the chain starts: the hash the first remaining entry follows. Moved only by
            -- the retention purge, which sets `purging` for the length of its transaction.
            CREATE TABLE audit_anchor (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                after_id INTEGER NOT NULL,
                after_hash TEXT NOT NULL,
                moved_at INTEGER NOT NULL,
                purging INTEGER NOT NULL DEFAULT 0
            );
            INSERT INTO audit_anchor (id, after_id, after_hash, moved_at) VALUES (1, 0, '', 0);
            """)
        try AuditChain.sealExisting(db)
        try db.execute(sql: """
            CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
            WHEN (SELECT purging FROM audit_anchor WHERE id = 1) IS NOT 1
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: only the retention purge removes entries'); END;
            """)
    }
}
