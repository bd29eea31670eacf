import GRDB

extension Schema {
    /// The outbox. Each version of a client's instructions carries its dispatch lines
    /// (recipients, routes, on-call rota). Taking a message writes its deliveries in the same
    /// transaction; a worker claims one by setting `status = 'sending'` and `claimed_by`
    /// (`host:pid`), so a worker found dead leaves it to be claimed again. Each try is a
    /// `delivery_attempt` with the sender's answer. An urgent message sent down the rota keeps
    /// its step and when to escalate; `board_at` puts it on the supervisors' board.
    static func v5Dispatch(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE instructions ADD COLUMN dispatch TEXT NOT NULL DEFAULT '';
            ALTER TABLE message ADD COLUMN escalation_step INTEGER;
            ALTER TABLE message ADD COLUMN escalate_at INTEGER;
            ALTER TABLE message ADD COLUMN board_at INTEGER;
            CREATE INDEX message_escalation ON message(escalate_at) WHERE escalate_at IS NOT NULL;
            CREATE INDEX message_board ON message(board_at) WHERE board_at IS NOT NULL;
            CREATE TABLE delivery (
                id INTEGER PRIMARY KEY,
                message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                client_id TEXT NOT NULL,
                channel TEXT NOT NULL,
                recipient TEXT NOT NULL,
                address TEXT NOT NULL,
                digest INTEGER NOT NULL DEFAULT 0,
                step INTEGER,
                status TEXT NOT NULL,
                due_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                claimed_by TEXT,
                claimed_at INTEGER,
                sent_at INTEGER,
                answer TEXT NOT NULL DEFAULT '',
                segments INTEGER
            );
            CREATE INDEX delivery_due ON delivery(status, due_at);
            CREATE INDEX delivery_message ON delivery(message_id);
            CREATE TABLE delivery_attempt (
                id INTEGER PRIMARY KEY,
                delivery_id INTEGER NOT NULL REFERENCES delivery(id) ON DELETE CASCADE,
                at INTEGER NOT NULL,
                worker TEXT NOT NULL,
                outcome TEXT NOT NULL,
                answer TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX delivery_attempt_delivery ON delivery_attempt(delivery_id);
            """)
    }
}
