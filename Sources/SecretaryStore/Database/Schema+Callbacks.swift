import GRDB

extension Schema {
    /// The call-back list: callers who hung up before being answered, with a number. One open
    /// entry per client and number (a partial unique index), however often they tried; the
    /// last attempt's outcome and operator are kept on the row, every attempt in the audit log.
    ///
    /// Existing abandoned calls of the last two days before the newest call become call-backs,
    /// one per number, unless that number got through afterwards; older ones are history.
    static func v7Callbacks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE callback (
                id INTEGER PRIMARY KEY,
                client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
                number TEXT NOT NULL,
                contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,
                first_call_id INTEGER REFERENCES call(id) ON DELETE SET NULL,
                missed_calls INTEGER NOT NULL DEFAULT 1,
                last_missed_at INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                status TEXT NOT NULL,
                operator_id INTEGER REFERENCES operator(id),
                taken_at INTEGER,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_outcome TEXT,
                last_attempt_at INTEGER,
                last_attempt_by INTEGER REFERENCES operator(id),
                done_at INTEGER
            );
            CREATE INDEX callback_list ON callback(status, client_id, last_missed_at);
            CREATE UNIQUE INDEX callback_one_open ON callback(client_id, number) WHERE status != 'done';
            INSERT INTO callback (client_id, number, contact_id, first_call_id, missed_calls, last_missed_at,
                                  created_at, status)
            SELECT call.client_id, call.from_number, max(call.contact_id), min(call.id), count(*),
                   max(coalesce(call.ended_at, call.arrived_at)), max(coalesce(call.ended_at, call.arrived_at)), 'waiting'
            FROM call
            WHERE call.status = 'abandoned' AND call.from_number IS NOT NULL
              AND call.arrived_at >= (SELECT max(arrived_at) FROM call) - 2 * 86400
              AND NOT EXISTS (SELECT 1 FROM call AS later
                              WHERE later.client_id = call.client_id AND later.from_number = call.from_number
                                AND later.answered_at IS NOT NULL AND later.arrived_at > call.arrived_at)
            GROUP BY call.client_id, call.from_number;
            """)
    }
}
