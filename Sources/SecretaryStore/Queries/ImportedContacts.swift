import Foundation
import GRDB
import SecretaryCore

/// A contact an import may update: stored, or new in this import and not yet inserted.
struct ImportedContact {
    enum Place: Equatable { case stored(Int64), pending(Int) }
    let place: Place
    var lastName, firstName: String
    var email: String?
    var birthDate: String?
    var notes: String
    var blacklisted: Bool

    func sameFields(as other: ImportedContact) -> Bool {
        (lastName, firstName, email, birthDate, notes, blacklisted)
            == (other.lastName, other.firstName, other.email, other.birthDate, other.notes, other.blacklisted)
    }
}

/// What an import has seen of the client's contacts: the stored ones' numbers, read once
/// (a query a number cost more than the rest of a row's work), and the new contacts,
/// inserted `size` at a time in one statement each. The name index (FTS5) writes what it
/// holds to disk at the start of every statement that fires its trigger: one INSERT a
/// contact made 100,000 small segments for it to merge, most of the database's time. A later
/// row of the file finds a new contact still waiting here, by number or by name and birth
/// date, as it would find it stored.
struct ImportedContacts {
    static let size = 500

    let client: ClientID
    let at: Date
    private var contacts: [(fields: ImportedContact, phones: [PhoneNumber])] = []
    private var byNumber: [String: [Int]] = [:]
    private var byNameAndBirth: [[UInt8]: Int] = [:]
    /// The stored contacts holding each number, by id (as the lookup index orders them).
    private var storedByNumber: [String: [Int64]] = [:]

    init(client: ClientID, at: Date, in db: Database) throws {
        self.client = client
        self.at = at
        contacts.reserveCapacity(Self.size)
        let rows = try Row.fetchCursor(db, sql: "SELECT e164, contact_id FROM contact_phone WHERE client_id = ? ORDER BY contact_id",
                                       arguments: [client.rawValue])
        while let row = try rows.next() {
            guard let number = row[0] as String?, let id = row[1] as Int64? else { continue }
            storedByNumber[number, default: []].append(id)
        }
    }

    /// The ids of stored contacts with `phone`.
    func stored(_ phone: PhoneNumber) -> [Int64] { storedByNumber[phone.e164] ?? [] }

    /// A number given to a stored contact.
    mutating func store(_ phone: PhoneNumber, of id: Int64) {
        if !(storedByNumber[phone.e164]?.contains(id) ?? false) { storedByNumber[phone.e164, default: []].append(id) }
    }

    var isFull: Bool { contacts.count >= Self.size }

    mutating func add(_ record: ContactRecord) {
        let index = contacts.count
        contacts.append((ImportedContact(place: .pending(index), lastName: record.lastName, firstName: record.firstName,
                                         email: record.email, birthDate: record.birthDate?.description, notes: record.notes,
                                         blacklisted: record.isBlacklisted), []))
        if record.phones.isEmpty {
            // The first of the same name and birth date is the one found, as in the table.
            let key = Self.key(record.lastName, record.firstName, record.birthDate?.description)
            if byNameAndBirth[key] == nil { byNameAndBirth[key] = index }
        }
        var changed = false
        update(index, to: contacts[index].fields, adding: record.phones, changed: &changed)
    }

    /// New contacts with `phone`, in the order they came.
    func sharing(_ phone: PhoneNumber) -> [ImportedContact] {
        (byNumber[phone.e164] ?? []).map { contacts[$0].fields }
    }

    /// The new contact without numbers of the record's name and birth date.
    func withoutNumbers(_ record: ContactRecord) -> ImportedContact? {
        byNameAndBirth[Self.key(record.lastName, record.firstName, record.birthDate?.description)].map { contacts[$0].fields }
    }

    /// A new contact updated by a later row: its fields, and the numbers it did not have.
    mutating func update(_ index: Int, to fields: ImportedContact, adding phones: [PhoneNumber], changed: inout Bool) {
        contacts[index].fields = fields
        for phone in phones where !contacts[index].phones.contains(phone) {
            contacts[index].phones.append(phone)
            byNumber[phone.e164, default: []].append(index)
            changed = true
        }
    }

    /// Inserts the new contacts and their numbers, then starts an empty batch.
    mutating func insert(in db: Database) throws {
        guard !contacts.isEmpty else { return }
        let sql = "INSERT INTO contact (client_id, last_name, first_name, email, notes, blacklisted, created_at, birth_date) VALUES "
            + repeatElement("(?, ?, ?, ?, ?, ?, ?, ?)", count: contacts.count).joined(separator: ", ")
        var values: [(any DatabaseValueConvertible)?] = []
        values.reserveCapacity(contacts.count * 8)
        for (fields, _) in contacts {
            values += [client.rawValue, fields.lastName, fields.firstName, fields.email, fields.notes, fields.blacklisted,
                       at.stored, fields.birthDate]
        }
        try (isFull ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql)).execute(arguments: StatementArguments(values))
        // SQLite gives each row the table's largest id plus one: one statement's rows have
        // consecutive ids, ending at the last inserted.
        let first = db.lastInsertedRowID - Int64(contacts.count) + 1
        let inserted = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM contact WHERE id BETWEEN ? AND ? AND client_id = ? AND created_at = ?
            """), arguments: [first, db.lastInsertedRowID, client.rawValue, at.stored]) ?? 0
        guard inserted == contacts.count else {
            throw StoreError("contacts import: \(inserted) of \(contacts.count) new contacts found by id, import rolled back")
        }
        let numbers = contacts.enumerated().flatMap { offset, contact in contact.phones.map { (first + Int64(offset), $0) } }
        for start in stride(from: 0, to: numbers.count, by: 1000) {
            let chunk = numbers[start..<min(start + 1000, numbers.count)]
            let sql = "INSERT OR IGNORE INTO contact_phone (contact_id, client_id, e164) VALUES "
                + repeatElement("(?, ?, ?)", count: chunk.count).joined(separator: ", ")
            try (chunk.count == 1000 ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql)).execute(arguments: StatementArguments(chunk.flatMap { [$0.0, client.rawValue, $0.1.e164] as [(any DatabaseValueConvertible)?] }))
        }
        for (id, phone) in numbers { store(phone, of: id) }
        contacts.removeAll(keepingCapacity: true)
        byNumber.removeAll(keepingCapacity: true)
        byNameAndBirth.removeAll(keepingCapacity: true)
    }

    /// Bytes, as the table's `=` compares text (Swift's `==` also equates other spellings of
    /// one accented letter).
    private static func key(_ lastName: String, _ firstName: String, _ birthDate: String?) -> [UInt8] {
        Array(lastName.utf8) + [0] + Array(firstName.utf8) + [0] + Array((birthDate ?? "-").utf8)
    }
}
