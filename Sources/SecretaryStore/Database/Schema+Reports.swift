import GRDB

extension Schema {
    /// What usage and reports read, from indexes alone (measured in Benchmarks/ at 500,000
    /// calls): a client's month of calls is one range of the client's call index, which now
    /// holds every column the figures read (the wallboard's as well); appointments booked in
    /// a month are a range of an index by creation; moves and cancellations, which only the
    /// audit log dates, a range of an index by action and time (the training time on a demo
    /// or generated database, where the data's world runs on it; the real time elsewhere).
    static func v5Reports(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX call_client;
            CREATE INDEX call_client ON call(client_id, arrived_at, status, answered_at, ended_at, done_at, operator_id, urgent);
            CREATE INDEX appointment_created ON appointment(client_id, created_at);
            CREATE INDEX audit_action_time ON audit(action, coalesce(training_at, at));
            """)
    }
}
