import GRDB

extension Schema {
    /// What calendars and files in and out need:
    ///
    /// - `appointment.revision` and `modified_at`: an exported event's SEQUENCE and
    ///   LAST-MODIFIED, and how CalDAV sync tells a changed appointment from one it already
    ///   pushed. A trigger counts every change of time, place, status, type or contact, so no
    ///   writer can forget; writers set `modified_at` from the store's clock, and the trigger
    ///   falls back to the system's when one does not.
    /// - `contact.birth_date` (`YYYY-MM-DD`), which practices' exports carry.
    /// - `caldav_account`: the client file's CalDAV settings (URL, user, password file).
    /// - `caldav_event`: per agenda and UID, the resource pushed, its ETag and the revision it
    ///   held, so a second sync sends nothing and an interrupted one never duplicates.
    /// - `absence_source`: the practitioner's own event (UID and occurrence) an imported
    ///   absence stands for, so importing the same calendar again changes nothing.
    static func v5Interchange(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE appointment ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE appointment ADD COLUMN modified_at INTEGER;
            CREATE TRIGGER appointment_revision
            AFTER UPDATE OF agenda_id, start_at, end_at, status, type_id, contact_id ON appointment BEGIN
                UPDATE appointment SET revision = old.revision + 1,
                    modified_at = CASE WHEN new.modified_at IS old.modified_at THEN unixepoch() ELSE new.modified_at END
                WHERE id = new.id;
            END;
            ALTER TABLE contact ADD COLUMN birth_date TEXT;
            CREATE TABLE caldav_account (
                client_id TEXT PRIMARY KEY NOT NULL REFERENCES client(id) ON DELETE CASCADE,
                url TEXT NOT NULL,
                user TEXT NOT NULL,
                password_file TEXT NOT NULL
            );
            CREATE TABLE caldav_event (
                agenda_id INTEGER NOT NULL REFERENCES agenda(id) ON DELETE CASCADE,
                uid TEXT NOT NULL,
                appointment_id INTEGER NOT NULL,
                href TEXT NOT NULL,
                etag TEXT,
                revision INTEGER NOT NULL,
                PRIMARY KEY (agenda_id, uid)
            ) WITHOUT ROWID;
            CREATE TABLE absence_source (
                absence_id INTEGER PRIMARY KEY REFERENCES absence(id) ON DELETE CASCADE,
                agenda_id INTEGER NOT NULL REFERENCES agenda(id) ON DELETE CASCADE,
                source_key TEXT NOT NULL,
                UNIQUE (agenda_id, source_key)
            );
            """)
    }
}
