import Foundation
import GRDB
import SecretaryCore

/// The callers: names from the demo's French and Belgian lists (accents, hyphens, particles,
/// and one in twelve a double surname), a mobile each, a landline for some, an e-mail for many.
extension ScaleGenerator {
    /// The name lists folded to ASCII once, for e-mail addresses.
    private static let foldedLastNames = DemoCatalogue.lastNames.map { SearchText.fold($0).filter { $0.isLetter } }
    private static let foldedFirstNames = DemoCatalogue.firstNames.map { SearchText.fold($0).filter { $0.isLetter } }
    private static let notes = ["Malentendant : parler lentement.", "Préfère être rappelé le matin.",
                                "Vient accompagné de sa fille.", "Allergique au latex (signalé par le cabinet).",
                                "Ne pas laisser de message sur le répondeur."]

    /// Contacts of all clients interleaved, ids in order of creation over three years, as a
    /// real file fills: a client's contacts are spread over the whole table, so searches and
    /// lookups pay for scattered rows as they would in production.
    mutating func writeContacts() throws {
        let guaranteed = size.contacts >= clients.count ? 1 : 0
        let perClient = apportion(size.contacts - guaranteed * clients.count, weights: clients.map(\.weight))
            .map { $0 + guaranteed }
        var owners: [Int32] = []
        owners.reserveCapacity(size.contacts)
        for (index, count) in perClient.enumerated() {
            owners.append(contentsOf: repeatElement(Int32(index), count: count))
        }
        owners.shuffle(using: &random)
        contactIDs = perClient.map { _ in [Int64]() }
        for (offset, owner) in owners.enumerated() {
            contactIDs[Int(owner)].append(Int64(offset + 1))
        }
        mobiles.reserveCapacity(size.contacts)
        blacklisted.reserveCapacity(size.contacts)
        try batched("contacts", object: "contact", count: size.contacts, write: { generator, db, offset in
            try generator.writeContact(id: Int64(offset + 1), clientIndex: Int(owners[offset]), in: db)
        }, finish: { generator, db in
            try generator.flushContacts(in: db)
        })
        summary.contacts = size.contacts
    }

    /// Contacts per INSERT statement. The name index's trigger writes to FTS5, which flushes
    /// its pending terms into a new segment at the end of each statement: one row per
    /// statement made the index cost 15 s of the contacts' 18 at full scale; 500 rows per
    /// statement, 3 s.
    static let contactsPerStatement = 500

    private mutating func writeContact(id: Int64, clientIndex: Int, in db: Database) throws {
        let client = clients[clientIndex].client
        let clientID = client.id.rawValue
        let lastNames = DemoCatalogue.lastNames, firstNames = DemoCatalogue.firstNames
        let lastIndex = Int.random(in: 0..<lastNames.count, using: &random)
        let firstIndex = Int.random(in: 0..<firstNames.count, using: &random)
        var last = lastNames[lastIndex]
        var mailLast = ScaleGenerator.foldedLastNames[lastIndex]
        if random.chance(1.0 / 12) {
            let second = Int.random(in: 0..<lastNames.count, using: &random)
            last += "-" + lastNames[second]
            mailLast += "-" + ScaleGenerator.foldedLastNames[second]
        }
        let email = random.chance(0.4)
            ? "\(ScaleGenerator.foldedFirstNames[firstIndex]).\(mailLast)@exemple.\(client.country == .fr ? "fr" : "be")"
            : nil
        let note = random.chance(0.05) ? ScaleGenerator.notes.randomElement(using: &random)! : ""
        let isBlacklisted = random.chance(0.01)
        // Created over the last three years, in id order.
        let span = Int64(3 * 365 * 86400)
        let created = now - span + span * id / Int64(max(1, size.contacts)) - Int64.random(in: 0..<600, using: &random)
        let row: [DatabaseValueConvertible?] = [id, clientID, last, firstNames[firstIndex], email, note, isBlacklisted, created]
        pendingContacts.append(contentsOf: row)
        let mobile = randomMobile(client.country)
        pendingPhones.append((id, clientID, mobile))
        if random.chance(0.15) {
            pendingPhones.append((id, clientID, randomLandline(client.country)))
        }
        mobiles.append(mobile)
        blacklisted.append(isBlacklisted)
        if pendingContacts.count == 8 * ScaleGenerator.contactsPerStatement {
            try flushContacts(in: db)
        }
    }

    /// Writes the pending contacts in one statement, then their numbers (which refer to them).
    mutating func flushContacts(in db: Database) throws {
        guard !pendingContacts.isEmpty else { return }
        let rows = pendingContacts.count / 8
        let values = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
        try db.cachedStatement(sql: """
            INSERT INTO contact (id, client_id, last_name, first_name, email, notes, blacklisted, created_at) VALUES \(values)
            """).execute(arguments: StatementArguments(pendingContacts))
        let phone = try db.cachedStatement(sql: "INSERT INTO contact_phone (contact_id, client_id, e164) VALUES (?, ?, ?)")
        for pending in pendingPhones {
            try phone.execute(arguments: [pending.id, pending.client, pending.e164])
        }
        summary.phones += pendingPhones.count
        pendingContacts.removeAll(keepingCapacity: true)
        pendingPhones.removeAll(keepingCapacity: true)
    }

    /// An E.164 mobile: `+336…`/`+337…` in France, `+3247…` in Belgium.
    mutating func randomMobile(_ country: Country) -> String {
        switch country {
        case .fr: return (random.chance(0.7) ? "+336" : "+337") + NameText.digits(Int.random(in: 0..<100_000_000, using: &random), count: 8)
        case .be: return "+3247" + NameText.digits(Int.random(in: 0..<10_000_000, using: &random), count: 7)
        }
    }

    /// An E.164 landline: `+331…`–`+335…` in France, Brussels `+322…` in Belgium.
    mutating func randomLandline(_ country: Country) -> String {
        switch country {
        case .fr: return "+33\(Int.random(in: 1...5, using: &random))" + NameText.digits(Int.random(in: 0..<100_000_000, using: &random), count: 8)
        case .be: return "+322" + NameText.digits(Int.random(in: 0..<10_000_000, using: &random), count: 7)
        }
    }

    /// A random bookable contact of the client (blacklisted callers get no appointment).
    mutating func randomContact(of clientIndex: Int) -> Int64 {
        let ids = contactIDs[clientIndex]
        var id = ids[0]
        for _ in 0..<4 {
            id = ids[Int.random(in: 0..<ids.count, using: &random)]
            if !blacklisted[Int(id - 1)] { break }
        }
        return id
    }
}
