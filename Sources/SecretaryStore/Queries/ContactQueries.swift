import Foundation
import GRDB
import SecretaryCore

extension Store {
    /// Adds a contact and its numbers; returns it with its id.
    @discardableResult
    public func addContact(_ contact: Contact, by identity: Identity) throws -> Contact {
        try write(by: identity) { db, trail in
            _ = try Store.client(contact.clientID, in: db)
            let inserted = try Store.insert(contact, at: trail.at, in: db)
            trail.record("create", "contact", "\(inserted.id)", inserted.displayName)
            return inserted
        }
    }

    static func insert(_ contact: Contact, at now: Date, in db: Database) throws -> Contact {
        try db.execute(sql: """
            INSERT INTO contact (client_id, last_name, first_name, email, notes, blacklisted, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [contact.clientID.rawValue, contact.lastName, contact.firstName, contact.email,
                             contact.notes, contact.isBlacklisted, now.stored])
        var inserted = contact
        inserted.id = db.lastInsertedRowID
        for phone in Set(contact.phones) {
            try db.execute(sql: "INSERT INTO contact_phone (contact_id, client_id, e164) VALUES (?, ?, ?)",
                           arguments: [inserted.id, contact.clientID.rawValue, phone.e164])
        }
        return inserted
    }

    /// The client's contacts with this number (usually one; a family may share a landline).
    public func contacts(phone: PhoneNumber, client: ClientID) throws -> [Contact] {
        try read { try Store.contacts(phone: phone, client: client, in: $0) }
    }

    static func contacts(phone: PhoneNumber, client: ClientID, in db: Database) throws -> [Contact] {
        let ids = try Int64.fetchAll(db, sql: "SELECT contact_id FROM contact_phone WHERE client_id = ? AND e164 = ?",
                                     arguments: [client.rawValue, phone.e164])
        return try contacts(ids: ids, in: db)
    }

    /// Contacts whose names start with each word of `query`, accent-blind and case-blind:
    /// `lefe` finds Lefèvre, `mar dup` finds Marie Dupont. Sorted by name.
    public func searchContacts(name query: String, client: ClientID, limit: Int = 50) throws -> [Contact] {
        try read { try Store.searchContacts(name: query, client: client, limit: limit, in: $0) }
    }

    static func searchContacts(name query: String, client: ClientID, limit: Int, in db: Database) throws -> [Contact] {
        let words = SearchText.words(query)
        guard !words.isEmpty else { return [] }
        // Each word becomes a quoted prefix term, so no user text is read as FTS syntax.
        let match = words.map { "\"\($0)\"*" }.joined(separator: " ")
        let ids = try Int64.fetchAll(db, sql: """
            SELECT contact.id FROM contact_search
            JOIN contact ON contact.id = contact_search.rowid
            WHERE contact_search MATCH ? AND contact.client_id = ?
            ORDER BY contact.last_name, contact.first_name LIMIT ?
            """, arguments: [match, client.rawValue, limit])
        return try contacts(ids: ids, in: db)
    }

    /// A number when the text looks like one, otherwise a name search.
    public func findContacts(_ text: String, client: ClientID, limit: Int = 50) throws -> [Contact] {
        let clientRecord = try self.client(client)
        if PhoneNumber.looksLikeNumber(text) {
            return try contacts(phone: PhoneNumber(text, country: clientRecord.country), client: client)
        }
        return try searchContacts(name: text, client: client, limit: limit)
    }

    public func contact(id: Int64) throws -> Contact? {
        try read { try Store.contacts(ids: [id], in: $0).first }
    }

    /// Loads contacts with their numbers, in the order of `ids`.
    static func contacts(ids: [Int64], in db: Database) throws -> [Contact] {
        guard !ids.isEmpty else { return [] }
        let list = ids.map(String.init).joined(separator: ",")
        var phones: [Int64: [PhoneNumber]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT contact_id, e164 FROM contact_phone WHERE contact_id IN (\(list))") {
            phones[row["contact_id"], default: []].append(try PhoneNumber(e164: row["e164"]))
        }
        var byID: [Int64: Contact] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM contact WHERE id IN (\(list))") {
            let id: Int64 = row["id"]
            byID[id] = try Contact(id: id, clientID: ClientID(row["client_id"]), lastName: row["last_name"],
                                   firstName: row["first_name"], phones: (phones[id] ?? []).sorted(),
                                   email: row["email"], notes: row["notes"], isBlacklisted: row["blacklisted"])
        }
        return ids.compactMap { byID[$0] }
    }

    public func contactCount(client: ClientID? = nil) throws -> Int {
        try read { db in
            if let client {
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM contact WHERE client_id = ?", arguments: [client.rawValue]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM contact") ?? 0
        }
    }
}
