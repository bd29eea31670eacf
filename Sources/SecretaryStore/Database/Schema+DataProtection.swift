import GRDB

extension Schema {
    /// Retention, erasure and the end of a contract.
    ///
    /// - `client.retention`: the periods a client's file shortened, one `KIND PERIOD` a line.
    /// - `contact.last_activity_at`: the latest call or message of the contact that a purge
    ///   removed, so that removing calls after two months does not make a caller of last
    ///   month look inactive for three years.
    /// - `purge_run`: a purge in progress and done. A run's cutoffs come from its `as_of`
    ///   instant, and each batch adds its counts in the same transaction as its deletions, so
    ///   a run killed midway resumes where it stopped and ends as one clean run would.
    /// - `retention_placeholder`: per client, the contact that past appointments point to
    ///   once their contact's data is gone: the slot stays taken, the person is not named.
    /// - `client_export`: when a client's data was exported, so an erasure can require it.
    /// - Indexes on `message(contact_id)` and `message(call_id)`: deleting a call or a
    ///   contact sets the messages' reference to NULL, which without them scans every message.
    static func v6DataProtection(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE client ADD COLUMN retention TEXT NOT NULL DEFAULT '';
            ALTER TABLE contact ADD COLUMN last_activity_at INTEGER;
            CREATE TABLE purge_run (
                id INTEGER PRIMARY KEY,
                as_of INTEGER NOT NULL,
                started_at INTEGER NOT NULL,
                finished_at INTEGER,
                actor TEXT NOT NULL,
                counts TEXT NOT NULL DEFAULT '{}'
            );
            CREATE TABLE retention_placeholder (
                client_id TEXT PRIMARY KEY NOT NULL REFERENCES client(id) ON DELETE CASCADE,
                contact_id INTEGER NOT NULL REFERENCES contact(id)
            );
            CREATE TABLE client_export (
                id INTEGER PRIMARY KEY,
                client_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                file TEXT NOT NULL
            );
            CREATE INDEX client_export_client ON client_export(client_id, at);
            CREATE INDEX message_contact ON message(contact_id);
            CREATE INDEX message_call ON message(call_id);
            """)
    }
}
