import GRDB

extension Schema {
    /// Audit entries moved in from the access journal keep the journal's id, so a move
    /// interrupted after its commit never appends them twice.
    static func v8AccessJournal(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE audit ADD COLUMN journal_id TEXT;
            CREATE UNIQUE INDEX audit_journal_id ON audit(journal_id) WHERE journal_id IS NOT NULL;
            """)
    }
}
