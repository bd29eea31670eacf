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

    mutating func writeContacts() throws {
        let perClient = apportion(size.contacts - (size.contacts >= clients.count ? clients.count : 0),
                                  weights: clients.map(\.weight))
            .map { $0 + (size.contacts >= clients.count ? 1 : 0) }
        var nextID: Int64 = 1
        contactRanges = perClient.map { count in
            defer { nextID += Int64(count) }
            return (first: nextID, count: count)
        }
        mobiles.reserveCapacity(size.contacts)
        blacklisted.reserveCapacity(size.contacts)
        try batched("contacts", object: "contact", units: clients.count, total: size.contacts) { generator, db, index in
            try generator.writeContacts(of: index, in: db)
        }
        summary.contacts = size.contacts
    }

    private mutating func writeContacts(of clientIndex: Int, in db: Database) throws -> Int {
        let contact = try db.cachedStatement(sql: """
            INSERT INTO contact (id, client_id, last_name, first_name, email, notes, blacklisted, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let phone = try db.cachedStatement(sql: "INSERT INTO contact_phone (contact_id, client_id, e164) VALUES (?, ?, ?)")
        let client = clients[clientIndex].client
        let clientID = client.id.rawValue
        let range = contactRanges[clientIndex]
        let lastNames = DemoCatalogue.lastNames, firstNames = DemoCatalogue.firstNames
        for id in range.first..<(range.first + Int64(range.count)) {
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
            let created = now - Int64.random(in: 0..<(3 * 365 * 86400), using: &random)
            try contact.execute(arguments: [id, clientID, last, firstNames[firstIndex], email, note, isBlacklisted, created])
            let mobile = randomMobile(client.country)
            try phone.execute(arguments: [id, clientID, mobile])
            summary.phones += 1
            if random.chance(0.15) {
                try phone.execute(arguments: [id, clientID, randomLandline(client.country)])
                summary.phones += 1
            }
            mobiles.append(mobile)
            blacklisted.append(isBlacklisted)
        }
        return range.count
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
        let range = contactRanges[clientIndex]
        var id = range.first
        for _ in 0..<4 {
            id = range.first + Int64.random(in: 0..<Int64(range.count), using: &random)
            if !blacklisted[Int(id - 1)] { break }
        }
        return id
    }
}
