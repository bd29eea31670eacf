import GRDB

/// The schema, created and upgraded by GRDB migrations. A migration, once released, is
/// never edited: a change is a new migration appended at the end.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core", migrate: v1Core)
        migrator.registerMigration("v2-contact-search", migrate: v2ContactSearch)
        migrator.registerMigration("v3-instructions", migrate: v3Instructions)
        migrator.registerMigration("v3-lookups-at-scale", migrate: v3LookupsAtScale)
        migrator.registerMigration("v4-week-reads", migrate: v4WeekReads)
        migrator.registerMigration("v5-sign-in", migrate: v5SignIn)
        migrator.registerMigration("v5-dispatch", migrate: v5Dispatch)
        migrator.registerMigration("v5-reports", migrate: v5Reports)
        migrator.registerMigration("v5-interchange", migrate: v5Interchange)
        migrator.registerMigration("v6-data-protection", migrate: v6DataProtection)
        migrator.registerMigration("v7-callbacks", migrate: v7Callbacks)
        migrator.registerMigration("v8-access-journal", migrate: v8AccessJournal)
        migrator.registerMigration("v9-purge-indexes", migrate: v9PurgeIndexes)
        migrator.registerMigration("v10-call-summary", migrate: v10CallSummary)
        return migrator
    }

    /// Names of the migrations in order, newest last.
    static var versions: [String] { migrator.migrations }

    /// Times are INTEGER seconds since 1970 UTC; rules convert them to the client's local time.
    static func v1Core(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE client (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                profession TEXT NOT NULL,
                line TEXT NOT NULL UNIQUE,
                country TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                hours TEXT NOT NULL,
                calls_included INTEGER NOT NULL,
                sms_included INTEGER NOT NULL,
                is_medical INTEGER NOT NULL,
                slot_minutes INTEGER NOT NULL DEFAULT 15,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE agenda (
                id INTEGER PRIMARY KEY,
                client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                hours TEXT,
                position INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX agenda_client ON agenda(client_id, position);
            CREATE TABLE appointment_type (
                id INTEGER PRIMARY KEY,
                client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                minutes INTEGER NOT NULL,
                colour INTEGER NOT NULL,
                position INTEGER NOT NULL DEFAULT 0,
                UNIQUE (client_id, name)
            );
            CREATE TABLE contact (
                id INTEGER PRIMARY KEY,
                client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
                last_name TEXT NOT NULL,
                first_name TEXT NOT NULL,
                email TEXT,
                notes TEXT NOT NULL DEFAULT '',
                blacklisted INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL
            );
            CREATE INDEX contact_client ON contact(client_id);
            CREATE TABLE contact_phone (
                contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
                client_id TEXT NOT NULL,
                e164 TEXT NOT NULL,
                PRIMARY KEY (contact_id, e164)
            ) WITHOUT ROWID;
            CREATE INDEX contact_phone_lookup ON contact_phone(client_id, e164);
            CREATE TABLE operator (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE operator_presence (
                operator_id INTEGER PRIMARY KEY REFERENCES operator(id) ON DELETE CASCADE,
                state TEXT NOT NULL,
                since INTEGER NOT NULL,
                call_id INTEGER,
                heartbeat INTEGER NOT NULL
            );
            CREATE TABLE call (
                id INTEGER PRIMARY KEY,
                client_id TEXT NOT NULL REFERENCES client(id),
                from_number TEXT,
                contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,
                status TEXT NOT NULL,
                urgent INTEGER NOT NULL DEFAULT 0,
                arrived_at INTEGER NOT NULL,
                answered_at INTEGER,
                ended_at INTEGER,
                done_at INTEGER,
                operator_id INTEGER REFERENCES operator(id),
                outcome TEXT,
                note TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX call_queue ON call(status, urgent, arrived_at);
            CREATE INDEX call_client ON call(client_id, arrived_at);
            CREATE INDEX call_contact ON call(contact_id, arrived_at);
            CREATE TABLE appointment (
                id INTEGER PRIMARY KEY,
                client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
                agenda_id INTEGER NOT NULL REFERENCES agenda(id) ON DELETE CASCADE,
                contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
                type_id INTEGER NOT NULL REFERENCES appointment_type(id),
                start_at INTEGER NOT NULL,
                end_at INTEGER NOT NULL,
                status TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                cancel_reason TEXT,
                created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL
            );
            CREATE INDEX appointment_agenda ON appointment(agenda_id, start_at);
            CREATE INDEX appointment_client ON appointment(client_id, start_at);
            CREATE INDEX appointment_contact ON appointment(contact_id, start_at);
            CREATE TABLE absence (
                id INTEGER PRIMARY KEY,
                agenda_id INTEGER NOT NULL REFERENCES agenda(id) ON DELETE CASCADE,
                start_at INTEGER NOT NULL,
                end_at INTEGER NOT NULL,
                reason TEXT NOT NULL
            );
            CREATE INDEX absence_agenda ON absence(agenda_id, start_at);
            CREATE TABLE waitlist (
                id INTEGER PRIMARY KEY,
                agenda_id INTEGER NOT NULL REFERENCES agenda(id) ON DELETE CASCADE,
                contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
                type_id INTEGER REFERENCES appointment_type(id),
                preferences TEXT NOT NULL DEFAULT '',
                note TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                closed_at INTEGER
            );
            CREATE TABLE message (
                id INTEGER PRIMARY KEY,
                client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
                call_id INTEGER REFERENCES call(id) ON DELETE SET NULL,
                contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,
                caller_name TEXT NOT NULL,
                callback_number TEXT,
                reason TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL,
                urgent INTEGER NOT NULL DEFAULT 0,
                tags TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                transmitted_at INTEGER,
                acknowledged_at INTEGER
            );
            CREATE INDEX message_client ON message(client_id, created_at);
            CREATE TABLE instructions (
                id INTEGER PRIMARY KEY,
                client_id TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                effective_from TEXT NOT NULL,
                document TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                UNIQUE (client_id, version)
            );
            CREATE TABLE audit (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                object_type TEXT NOT NULL,
                object_id TEXT NOT NULL,
                details TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX audit_object ON audit(object_type, object_id, at);
            """)
    }

    /// Accent-blind, case-blind name search: an FTS5 index over the folded names, with
    /// prefix indexes so type-ahead queries (`lefe`, `mar dup`) stay fast at a million rows.
    static func v2ContactSearch(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE contact_search USING fts5(
                last_name, first_name, content='contact', content_rowid='id',
                tokenize="unicode61 remove_diacritics 2", prefix='2 3 4'
            );
            CREATE TRIGGER contact_search_insert AFTER INSERT ON contact BEGIN
                INSERT INTO contact_search(rowid, last_name, first_name)
                VALUES (new.id, new.last_name, new.first_name);
            END;
            CREATE TRIGGER contact_search_delete AFTER DELETE ON contact BEGIN
                INSERT INTO contact_search(contact_search, rowid, last_name, first_name)
                VALUES ('delete', old.id, old.last_name, old.first_name);
            END;
            CREATE TRIGGER contact_search_update AFTER UPDATE OF last_name, first_name ON contact BEGIN
                INSERT INTO contact_search(contact_search, rowid, last_name, first_name)
                VALUES ('delete', old.id, old.last_name, old.first_name);
                INSERT INTO contact_search(rowid, last_name, first_name)
                VALUES (new.id, new.last_name, new.first_name);
            END;
            INSERT INTO contact_search(contact_search) VALUES ('rebuild');
            """)
    }

    /// A client's own advice rules (the `advice:` lines of its client file), added to the
    /// shipped ones when its texts are checked; in the rules file format.
    static func v3Instructions(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE client ADD COLUMN advice_rules TEXT NOT NULL DEFAULT ''")
    }

    /// What a million contacts need (measured in Benchmarks/):
    ///
    /// Name search within one client. The v2 index held each word once for all clients:
    /// `lefe*` matched the Lefèvres of every client (18,000 rows at full scale) before the
    /// client filter threw nearly all of them away (20 ms). Each word is now indexed under
    /// its client, `dr-martin_lefevre`, so a client's prefix query reads only that client's
    /// terms (`dr-martin_lefe*`): a short range of the term index with small doclists, fast
    /// without prefix indexes (which would only index the client ids). Contentless: the
    /// words are derived text, not a copy of `contact`. Hyphens, apostrophes and dots in
    /// names separate words, as `unicode61` did.
    ///
    /// Sorting a client's matches by name. A client's contacts lie all over the contact
    /// table (ids follow creation, for all clients at once), so reading the names of 600
    /// matches (`ma`) touched 600 pages. An index by (client, id) holding the names keeps a
    /// client's rows together on a few dozen pages (raw SQL for `ma` 1.1 → 0.5 ms median).
    /// It replaces contact(client_id), whose column it begins with.
    static func v3LookupsAtScale(_ db: Database) throws {
        func words(_ row: String) -> String {
            let separated = ["-", "''", "’", "."].reduce("\(row).last_name || ' ' || \(row).first_name") {
                "replace(\($0), '\($1)', ' ')"
            }
            return "\(row).client_id || '_' || replace(\(separated), ' ', ' ' || \(row).client_id || '_')"
        }
        try db.execute(sql: """
            DROP TRIGGER contact_search_insert;
            DROP TRIGGER contact_search_delete;
            DROP TRIGGER contact_search_update;
            DROP TABLE contact_search;
            CREATE VIRTUAL TABLE contact_search USING fts5(
                words, content='', tokenize="unicode61 remove_diacritics 2 tokenchars '-_'"
            );
            CREATE TRIGGER contact_search_insert AFTER INSERT ON contact BEGIN
                INSERT INTO contact_search(rowid, words) VALUES (new.id, \(words("new")));
            END;
            CREATE TRIGGER contact_search_delete AFTER DELETE ON contact BEGIN
                INSERT INTO contact_search(contact_search, rowid, words) VALUES ('delete', old.id, \(words("old")));
            END;
            CREATE TRIGGER contact_search_update AFTER UPDATE OF client_id, last_name, first_name ON contact BEGIN
                INSERT INTO contact_search(contact_search, rowid, words) VALUES ('delete', old.id, \(words("old")));
                INSERT INTO contact_search(rowid, words) VALUES (new.id, \(words("new")));
            END;
            INSERT INTO contact_search(rowid, words) SELECT id, \(words("contact")) FROM contact;
            CREATE INDEX contact_client_name ON contact(client_id, id, last_name, first_name);
            DROP INDEX contact_client;
            """)
    }

    /// A contact's name as the agenda shows it, in SQL (`Contact.displayName` in Swift):
    /// `row` is `contact`, `new` or `old`.
    static func contactDisplayName(_ row: String) -> String {
        "CASE WHEN \(row).first_name = '' THEN \(row).last_name ELSE \(row).first_name || ' ' || \(row).last_name END"
    }

    /// A week of one agenda read from one index alone. Each appointment used to cost three
    /// B-tree searches besides the index: its own row, its contact (for the name) and its
    /// type; at a million rows those searches were most of a week's load. The contact's name
    /// is now kept on the appointment (set when booked, followed by triggers when the
    /// contact is renamed or changed), and the agenda's index holds every column a week
    /// reads.
    static func v4WeekReads(_ db: Database) throws {
        let fromContact = "(SELECT \(contactDisplayName("contact")) FROM contact WHERE contact.id = new.contact_id)"
        try db.execute(sql: """
            ALTER TABLE appointment ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
            UPDATE appointment SET contact_name =
                (SELECT \(contactDisplayName("contact")) FROM contact WHERE contact.id = appointment.contact_id);
            CREATE TRIGGER appointment_contact_name AFTER INSERT ON appointment WHEN new.contact_name = '' BEGIN
                UPDATE appointment SET contact_name = \(fromContact) WHERE id = new.id;
            END;
            CREATE TRIGGER appointment_contact_changed AFTER UPDATE OF contact_id ON appointment BEGIN
                UPDATE appointment SET contact_name = \(fromContact) WHERE id = new.id;
            END;
            CREATE TRIGGER contact_renamed AFTER UPDATE OF first_name, last_name ON contact BEGIN
                UPDATE appointment SET contact_name = \(contactDisplayName("new")) WHERE contact_id = new.id;
            END;
            DROP INDEX appointment_agenda;
            \(appointmentAgendaIndex);
            """)
    }

    /// The agenda's index, covering a week's read (see `v4WeekReads`); `generate` drops it
    /// for its bulk load and builds it again after.
    static let appointmentAgendaIndex = """
        CREATE INDEX appointment_agenda ON appointment(agenda_id, start_at, end_at, status, type_id, contact_id,
            contact_name, client_id, note, cancel_reason, created_at, created_by)
        """
}
