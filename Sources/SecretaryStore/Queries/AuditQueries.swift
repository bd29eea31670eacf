import Foundation
import GRDB
import SecretaryCore

// The only two places that change audit entries after they were written. Both keep the
// entries' order and ids; a log made tamper-evident (a hash chain) must adapt exactly these.

extension Store {
    /// Deletes up to `limit` of the oldest audit entries older than `cutoff` (the retention
    /// period); returns how many went. Called in batches by the purge.
    static func purgeAudit(before cutoff: Date, limit: Int, in db: Database) throws -> Int {
        try db.execute(sql: """
            DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE at < ? ORDER BY id LIMIT ?)
            """, arguments: [cutoff.stored, limit])
        return db.changesCount
    }

    /// How many audit entries the purge would remove.
    static func countAudit(before cutoff: Date, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE at < ?", arguments: [cutoff.stored]) ?? 0
    }

    /// Takes an erased person's name and numbers out of the details of the audit entries
    /// about `objects` (their contact, appointments, calls, messages, waiting-list entries: a
    /// booking's entry names its contact): the entries stay, saying what was done and by
    /// whom, without whom it was about. Returns the number of entries changed.
    static func redactAudit(removing texts: [String], about objects: [(type: String, ids: [Int64])],
                            in db: Database) throws -> Int {
        var changed = Set<Int64>()
        // Longest first, so a full name goes before the words it holds.
        let ordered = Set(texts).filter { $0.count >= 2 }.sorted { $0.count > $1.count }
        for (type, ids) in objects where !ids.isEmpty {
            let list = ids.map { "'\($0)'" }.joined(separator: ",")
            for text in ordered {
                let touched = try Int64.fetchAll(db, sql: """
                    SELECT id FROM audit WHERE object_type = ? AND object_id IN (\(list)) AND instr(details, ?) > 0
                    """, arguments: [type, text])
                guard !touched.isEmpty else { continue }
                try db.execute(sql: """
                    UPDATE audit SET details = replace(details, ?, '[erased]') WHERE id IN (\(touched.map(String.init).joined(separator: ",")))
                    """, arguments: [text])
                changed.formUnion(touched)
            }
        }
        return changed.count
    }

    /// Who read a contact's record, and when (the console records each view).
    static func views(ofContact id: Int64, in db: Database) throws -> [AuditEntry] {
        try AuditEntry.fetchAll(db, sql: """
            SELECT * FROM audit WHERE object_type = 'contact' AND object_id = ? ORDER BY at, id
            """, arguments: ["\(id)"])
    }
}

extension Store {
    /// Blanks the details of the audit entries about a client's contacts, calls, messages,
    /// appointments and waiting-list entries (they name callers), before the client's rows
    /// are erased. The entries stay: what was done, by whom, when.
    static func redactAudit(objectsOf client: ClientID, in db: Database) throws -> Int {
        let objects: [(String, String)] = [
            ("contact", "SELECT id FROM contact WHERE client_id = ?"),
            ("call", "SELECT id FROM call WHERE client_id = ?"),
            ("message", "SELECT id FROM message WHERE client_id = ?"),
            ("appointment", "SELECT id FROM appointment WHERE client_id = ?"),
            ("waitlist", "SELECT id FROM waitlist WHERE agenda_id IN (SELECT id FROM agenda WHERE client_id = ?)"),
        ]
        var changed = 0
        for (type, ids) in objects {
            try db.execute(sql: """
                UPDATE audit SET details = '[erased with client ' || ? || ']'
                WHERE object_type = ? AND object_id IN (SELECT CAST(id AS TEXT) FROM (\(ids)))
                """, arguments: [client.rawValue, type, client.rawValue])
            changed += db.changesCount
        }
        return changed
    }
}
