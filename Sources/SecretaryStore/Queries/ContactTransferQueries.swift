import Foundation
import GRDB
import SecretaryCore

// Contacts in and out in bulk: a practice's patient file imported, a client's contacts
// exported.

/// What an import did (or, dry, would do).
public struct ContactImportSummary: Sendable, Equatable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0
}

extension Store {
    /// Imports `records` for `client` in one transaction: all or nothing. A record updates the
    /// contact it shares a number with (the one of the same name when a number is shared, as
    /// a family's landline is), or, without numbers, the contact of the same name and birth
    /// date; otherwise it is a new contact. New contacts are inserted a batch at a time
    /// (`ImportedContacts`), and the name search index follows in the same statements (its
    /// triggers). `dryRun`: everything is done, counted, then rolled back.
    public func importContacts(_ records: [ContactRecord], client: ClientID, dryRun: Bool = false, by identity: Identity,
                               progress: (Int) -> Void = { _ in }) throws -> ContactImportSummary {
        struct RolledBack: Error { let summary: ContactImportSummary }
        do {
            return try write(by: identity, needs: .administer) { db, trail in
                _ = try Store.client(client, in: db)
                var summary = ContactImportSummary()
                var batch = try ImportedContacts(client: client, at: trail.at, in: db)
                for (index, record) in records.enumerated() {
                    switch try Store.importContact(record, client: client, batch: &batch, in: db) {
                    case .created: summary.created += 1
                    case .updated: summary.updated += 1
                    case .unchanged: summary.unchanged += 1
                    }
                    if batch.isFull { try batch.insert(in: db) }
                    if (index + 1) % 1000 == 0 || index + 1 == records.count { progress(index + 1) }
                }
                try batch.insert(in: db)
                if dryRun { throw RolledBack(summary: summary) }
                trail.record("import", "contact", client.rawValue,
                             "\(summary.created) created, \(summary.updated) updated, \(summary.unchanged) unchanged")
                return summary
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.summary
        }
    }

    private enum ImportOutcome { case created, updated, unchanged }

    private static func importContact(_ record: ContactRecord, client: ClientID, batch: inout ImportedContacts,
                                      in db: Database) throws -> ImportOutcome {
        guard let existing = try matchingContact(record, client: client, batch: batch, in: db) else {
            batch.add(record)
            return .created
        }
        // A field left empty in the file keeps what the service knows.
        var merged = existing
        merged.lastName = record.lastName
        merged.email = record.email ?? existing.email
        merged.birthDate = record.birthDate?.description ?? existing.birthDate
        merged.notes = record.notes.isEmpty ? existing.notes : record.notes
        merged.firstName = record.firstName.isEmpty ? existing.firstName : record.firstName
        merged.blacklisted = record.isBlacklisted
        var changed = !merged.sameFields(as: existing)
        switch existing.place {
        case .pending(let index):
            batch.update(index, to: merged, adding: record.phones, changed: &changed)
        case .stored(let id):
            if changed {
                try db.cachedStatement(sql: """
                    UPDATE contact SET last_name = ?, first_name = ?, email = ?, birth_date = ?, notes = ?, blacklisted = ? WHERE id = ?
                    """).execute(arguments: [merged.lastName, merged.firstName, merged.email, merged.birthDate, merged.notes,
                                             merged.blacklisted, id])
            }
            for phone in record.phones {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO contact_phone (contact_id, client_id, e164) VALUES (?, ?, ?)")
                    .execute(arguments: [id, client.rawValue, phone.e164])
                if db.changesCount > 0 {
                    batch.store(phone, of: id)
                    changed = true
                }
            }
        }
        return changed ? .updated : .unchanged
    }

    /// The contact a record updates, stored or new in this import (`batch`), or nil.
    private static func matchingContact(_ record: ContactRecord, client: ClientID, batch: ImportedContacts,
                                        in db: Database) throws -> ImportedContact? {
        let columns = "contact.id, contact.last_name, contact.first_name, contact.email, contact.birth_date, contact.notes, contact.blacklisted"
        func stored(_ rows: RowCursor) throws -> [ImportedContact] {
            var found: [ImportedContact] = []
            while let row = try rows.next() {
                found.append(ImportedContact(place: .stored(row[0]), lastName: row[1], firstName: row[2], email: row[3],
                                             birthDate: row[4], notes: row[5], blacklisted: row[6]))
            }
            return found
        }
        if !record.phones.isEmpty {
            var candidates: [ImportedContact] = []
            for phone in record.phones {
                for id in batch.stored(phone) where !candidates.contains(where: { $0.place == .stored(id) }) {
                    let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT \(columns) FROM contact WHERE id = ?"),
                                                   arguments: [id])
                    candidates += try stored(rows)
                }
                for contact in batch.sharing(phone) where !candidates.contains(where: { $0.place == contact.place }) {
                    candidates.append(contact)
                }
            }
            guard !candidates.isEmpty else { return nil }
            let name = SearchText.fold("\(record.lastName) \(record.firstName)")
            func sameName(_ contact: ImportedContact) -> Bool {
                SearchText.fold("\(contact.lastName) \(contact.firstName)") == name
                    || (record.firstName.isEmpty && SearchText.fold(contact.lastName) == SearchText.fold(record.lastName))
            }
            if let same = candidates.first(where: sameName) { return same }
            return candidates.count == 1 ? candidates[0] : nil
        }
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT \(columns) FROM contact WHERE client_id = ? AND last_name = ? AND first_name = ? AND birth_date IS ?
              AND NOT EXISTS (SELECT 1 FROM contact_phone WHERE contact_phone.contact_id = contact.id)
            """), arguments: [client.rawValue, record.lastName, record.firstName, record.birthDate?.description])
        return try stored(rows).first ?? batch.withoutNumbers(record)
    }

    /// The client's contacts, by id, as a file carries them.
    public func contactRecords(client: ClientID, by identity: Identity) throws -> [ContactRecord] {
        try read(by: identity, needs: .administer) { db in
            _ = try Store.client(client, in: db)
            var records: [ContactRecord] = []
            var lastID: Int64 = 0
            let rows = try Row.fetchCursor(db, sql: """
                SELECT contact.id, contact.last_name, contact.first_name, contact.email, contact.birth_date, contact.notes,
                       contact.blacklisted, contact_phone.e164
                FROM contact LEFT JOIN contact_phone ON contact_phone.contact_id = contact.id
                WHERE contact.client_id = ? ORDER BY contact.id, contact_phone.e164
                """, arguments: [client.rawValue])
            while let row = try rows.next() {
                let id: Int64 = row[0]
                let phone = try (row[7] as String?).map { text in
                    do { return try PhoneNumber(e164: text) } catch {
                        throw StoreError("damaged row: table contact_phone, contact \(id), column e164")
                    }
                }
                if id == lastID, let phone {
                    records[records.count - 1].phones.append(phone)
                    continue
                }
                lastID = id
                let birthText: String? = row[4]
                let birth = try birthText.map { text in
                    guard let date = try? LocalDate(parsing: text) else {
                        throw StoreError("damaged row: table contact, row \(id), column birth_date")
                    }
                    return date
                }
                records.append(ContactRecord(lastName: row[1], firstName: row[2], phones: phone.map { [$0] } ?? [], email: row[3],
                                             birthDate: birth, notes: row[5], isBlacklisted: row[6]))
            }
            return records
        }
    }
}
