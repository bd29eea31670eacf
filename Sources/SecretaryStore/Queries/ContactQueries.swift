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
            trail.record("create", "contact", "\(inserted.id)", "for \(inserted.clientID)")
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
        try readStatement { try Store.contacts(phone: phone, client: client, in: $0) }
    }

    static func contacts(phone: PhoneNumber, client: ClientID, in db: Database) throws -> [Contact] {
        // One prepared statement, kept by the connection: the lookup runs as each call rings.
        // CROSS JOIN keeps the number's index first, whatever the planner guesses.
        let statement = try db.cachedStatement(sql: """
            SELECT \(contactColumns) FROM contact_phone CROSS JOIN contact ON contact.id = contact_phone.contact_id
            \(numbersJoin)
            WHERE contact_phone.client_id = ? AND contact_phone.e164 = ?
            ORDER BY contact.id
            """)
        return try decodeContacts(statement, arguments: [client.rawValue, phone.e164], client: client)
    }

    /// Contacts whose names start with each word of `query`, accent-blind and case-blind:
    /// `lefe` finds Lefèvre, `mar dup` finds Marie Dupont. The first `limit` by name; past
    /// `sortedSearchCeiling` matches, `limit` of them, by name (ask for more letters).
    public func searchContacts(name query: String, client: ClientID, limit: Int = 50) throws -> [Contact] {
        try readStatement { try Store.searchContacts(name: query, client: client, limit: limit, in: $0) }
    }

    static func searchContacts(name query: String, client: ClientID, limit: Int, in db: Database) throws -> [Contact] {
        let words = SearchText.words(query)
        guard !words.isEmpty else { return [] }
        // The index holds each word under its client (`dr-martin_lefevre`, see the schema's
        // v3), so the prefix terms read only this client's names. Each word is quoted, so no
        // user text is read as FTS syntax.
        let match = words.map { "\"\(client.rawValue)_\($0)\"*" }.joined(separator: " ")
        // CROSS JOIN keeps the name index first: left to itself, the planner may walk all the
        // client's contacts and probe the index for each (40 ms at 5,000 contacts). The
        // matches are sorted on the client's (client, id, names) index, whose entries for
        // one client lie together, then only the rows kept are read, with their numbers.
        //
        // Sorting costs a probe per match: a first letter or two (`ma`: 600 names at full
        // scale) would cost milliseconds for a list nobody reads through. Only the first
        // `sortedSearchCeiling` matches found are sorted, so past it the list holds names in
        // order, not the first ones, and the console asks for more letters.
        let statement = try db.cachedStatement(sql: """
            SELECT \(contactColumns) FROM (
                SELECT found.id FROM (
                    SELECT rowid AS id FROM contact_search WHERE contact_search MATCH ? LIMIT \(sortedSearchCeiling)
                ) AS matched
                CROSS JOIN contact AS found INDEXED BY contact_client_name
                    ON found.client_id = ? AND found.id = matched.id
                ORDER BY found.last_name, found.first_name, found.id LIMIT ?
            ) AS hit
            CROSS JOIN contact ON contact.id = hit.id
            \(numbersJoin)
            ORDER BY contact.last_name, contact.first_name, contact.id
            """)
        return try decodeContacts(statement, arguments: [match, client.rawValue, limit], client: client)
    }

    /// Up to this many names matching, a search gives the first ones in name order; past it,
    /// some of them, in name order.
    public static let sortedSearchCeiling = 200

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
        let statement = try db.makeStatement(sql: """
            SELECT \(contactColumns) FROM contact \(numbersJoin) WHERE contact.id IN (\(list)) ORDER BY contact.id
            """)
        let byID = Dictionary(uniqueKeysWithValues: try decodeContacts(statement, arguments: []).map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    /// The contact every decoded row starts from (its fields then set from the row), made once.
    private static let prototypeContact = try? Contact(clientID: ClientID("prototype"), lastName: "?", firstName: "", phones: [])

    /// The columns `decodeContacts` reads, in its order: a contact's row once per number
    /// (`numbersJoin`), its rows next to each other. A join costs half what a correlated
    /// subquery did per contact (200 µs against 380 for 50 search results at full scale).
    private static let contactColumns = """
        contact.id, contact.client_id, contact.last_name, contact.first_name, contact.email, contact.notes,
        contact.blacklisted, number.e164
        """
    private static let numbersJoin = "LEFT JOIN contact_phone AS number ON number.contact_id = contact.id"

    /// Reads rows of `contactColumns` by position, through a cursor (no row copies): this
    /// runs on every keystroke of a search and every ringing call. The rows were validated
    /// when written, so they are not validated again: `Contact.init` (trimming, e-mail
    /// check) and `ClientID.init` cost 5 µs a row, more than the SQL, so each row fills a
    /// copy of a prototype instead, and a client id is checked once (or not at all when it
    /// is the `client` asked for).
    private static func decodeContacts(_ statement: Statement, arguments: StatementArguments,
                                       client: ClientID? = nil) throws -> [Contact] {
        var contacts: [Contact] = []
        // The last row's client is reused: lookups ask for one client's contacts.
        var lastClient = client
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let number: String? = row[7]
            if let last = contacts.last, last.id == id {
                if let number { contacts[contacts.count - 1].phones.append(try PhoneNumber(e164: number)) }
                continue
            }
            let clientText: String = row[1]
            let clientID = try lastClient.flatMap { $0.rawValue == clientText ? $0 : nil } ?? ClientID(clientText)
            lastClient = clientID
            guard var contact = prototypeContact else { throw StoreError("contacts cannot be read: the empty contact is refused") }
            contact.id = id
            contact.clientID = clientID
            contact.lastName = row[2]
            contact.firstName = row[3]
            contact.email = row[4]
            contact.notes = row[5]
            contact.isBlacklisted = row[6]
            contact.phones = try number.map { [try PhoneNumber(e164: $0)] } ?? []
            contacts.append(contact)
        }
        for index in contacts.indices where contacts[index].phones.count > 1 {
            contacts[index].phones.sort()
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
