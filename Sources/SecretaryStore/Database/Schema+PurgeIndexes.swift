import GRDB

extension Schema {
    /// Indexes the purge and an erasure need: deleting a contact cascades to its waiting-list
    /// entries, and deleting a call or a contact sets the call-backs' references to NULL;
    /// without an index on the referring column SQLite scans that whole table for every row
    /// deleted. The purge's inactivity check also asks for a contact's waiting-list entries.
    static func v9PurgeIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX waitlist_contact ON waitlist(contact_id);
            CREATE INDEX callback_first_call ON callback(first_call_id);
            CREATE INDEX callback_contact ON callback(contact_id);
            """)
    }
}
