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
        // One prepared statement, kept by the connection: the lookup runs as each call rings.
        let statement = try db.cachedStatement(sql: """
            SELECT \(contactColumns) FROM contact_phone JOIN contact ON contact.id = contact_phone.contact_id
            WHERE contact_phone.client_id = ? AND contact_phone.e164 = ?
            ORDER BY contact.id
            """)
        return try decodeContacts(statement, arguments: [client.rawValue, phone.e164])
    }

    /// Contacts whose names start with each word of `query`, accent-blind and case-blind:
    /// `lefe` finds Lefèvre, `mar dup` finds Marie Dupont. Sorted by name.
    public func searchContacts(name query: String, client: ClientID, limit: Int = 50) throws -> [Contact] {
        try read { try Store.searchContacts(name: query, client: client, limit: limit, in: $0) }
    }

    static func searchContacts(name query: String, client: ClientID, limit: Int, in db: Database) throws -> [Contact] {
        let words = SearchText.words(query)
        guard !words.isEmpty else { return [] }
        // The index holds each word under its client (`dr-martin_lefevre`, see the schema's
        // v3), so the prefix terms read only this client's names. Each word is quoted, so no
        // user text is read as FTS syntax.
        let match = words.map { "\"\(client.rawValue)_\($0)\"*" }.joined(separator: " ")
        let statement = try db.cachedStatement(sql: """
            SELECT \(contactColumns) FROM contact_search
            JOIN contact ON contact.id = contact_search.rowid
            WHERE contact_search MATCH ? AND contact.client_id = ?
            ORDER BY contact.last_name, contact.first_name, contact.id LIMIT ?
            """)
        return try decodeContacts(statement, arguments: [match, client.rawValue, limit])
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
        let statement = try db.makeStatement(sql: "SELECT \(contactColumns) FROM contact WHERE contact.id IN (\(list))")
        let byID = Dictionary(uniqueKeysWithValues: try decodeContacts(statement, arguments: []).map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    /// The columns `decodeContacts` reads, in its order; the numbers come along in one
    /// field, through the `contact_phone` primary key, instead of a second query.
    private static let contactColumns = """
        contact.id, contact.client_id, contact.last_name, contact.first_name, contact.email, contact.notes,
        contact.blacklisted,
        (SELECT group_concat(e164, ' ') FROM contact_phone WHERE contact_phone.contact_id = contact.id)
        """

    /// Reads rows of `contactColumns` by position, through a cursor (no row copies): this
    /// runs on every keystroke of a search and every ringing call.
    private static func decodeContacts(_ statement: Statement, arguments: StatementArguments) throws -> [Contact] {
        var contacts: [Contact] = []
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            let phones: String? = row[7]
            contacts.append(try Contact(
                id: row[0], clientID: ClientID(row[1]), lastName: row[2], firstName: row[3],
                phones: try (phones ?? "").split(separator: " ").map { try PhoneNumber(e164: String($0)) }.sorted(),
                email: row[4], notes: row[5], isBlacklisted: row[6]))
        }
        return contacts
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
