import Foundation
import GRDB
import SecretaryCore

/// What the demo seeding wrote, for the summary the command line prints.
public struct DemoSummary: Sendable {
    public var clients = 0
    public var contacts = 0
    public var appointments = 0
    public var calls = 0
    public var waitingCalls = 0
    public var messages = 0
    public var operators = 0
}

extension Store {
    /// Fills an empty database with the demo: about twelve clients with their instructions,
    /// agendas around `now`, a few thousand contacts, two weeks of call history, a live
    /// queue, and a team of operators. Reproducible for a given `now` and seed.
    @discardableResult
    public func seedDemo(seed: UInt64 = 2026) throws -> DemoSummary {
        let now = clock.now()
        return try write(by: .systemActor("demo", may: Set(Permission.allCases))) { db, trail in
            try Store.saveSetting(.databaseKind, DatabaseKind.demo.rawValue, in: db)
            // Every process on this database then shares the demo's clock.
            if isTraining {
                try Store.saveSetting(.trainingOffset, "\(Int(now.timeIntervalSince(Date()).rounded()))", in: db)
            }
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM client") ?? 0 > 0 {
                throw StoreError("the database already has clients: the demo needs an empty database")
            }
            var seeder = DemoSeeder(db: db, now: now, random: SeededRandom(seed: seed))
            let summary = try seeder.run()
            trail.record("seed", "database", path, "demo: \(summary.clients) clients, \(summary.contacts) contacts")
            return summary
        }
    }
}

private struct DemoSeeder {
    let db: Database
    let now: Date
    var random: SeededRandom
    var summary = DemoSummary()

    init(db: Database, now: Date, random: SeededRandom) {
        self.db = db
        self.now = now
        self.random = random
    }

    mutating func run() throws -> DemoSummary {
        try seedOperators()
        for versions in try DemoCatalogue.clients() {
            try seed(versions)
        }
        // The last day's callers who hung up in the queue are on the call-back list.
        var trail = AuditTrail(actor: "demo", at: now)
        try Store.openCallbacks(forCallsSince: now.addingTimeInterval(-86400), trail: &trail, in: db)
        return summary
    }

    mutating func seedOperators() throws {
        let team: [(String, String, Role)] = [
            ("claire", "Claire Dubois", .operator), ("julien", "Julien Morel", .operator),
            ("amina", "Amina Haddad", .operator), ("lucas", "Lucas Petit", .operator),
            ("sophie", "Sophie Garnier", .supervisor), ("admin", "Administrateur", .admin),
        ]
        for (login, name, role) in team {
            _ = try Store.insert(Operator(login: login, displayName: name, role: role), passwordHash: DemoAccounts.passwordHash,
                                 at: now, in: db)
            summary.operators += 1
        }
    }

    /// Imports the client's files as `secretary client import` would (the first creates the
    /// client, each later one adds an amendment), then fills its agendas and history.
    mutating func seed(_ versions: [ClientFile]) throws {
        // The seed records one audit entry for the whole demo; these entries are not kept.
        var trail = AuditTrail(actor: "demo", at: now)
        for file in versions {
            _ = try Store.importClientFile(file, at: now, by: .systemActor("demo", may: Set(Permission.allCases)), trail: &trail, in: db)
        }
        let client = try Store.client(versions[0].client.id, in: db)
        let id = client.id
        summary.clients += 1

        let contacts = try seedContacts(for: client)
        let agendas = try Agenda.fetchAll(db, sql: "SELECT * FROM agenda WHERE client_id = ?", arguments: [id.rawValue])
        let types = try AppointmentType.fetchAll(db, sql: "SELECT * FROM appointment_type WHERE client_id = ?", arguments: [id.rawValue])
        for agenda in agendas {
            try seedAppointments(client: client, agenda: agenda, types: types, contacts: contacts)
        }
        try seedCalls(client: client, contacts: contacts)
    }

    /// About 250 patients per client, a few with two numbers, a few blacklisted. Every client
    /// has a Marie Lefèvre, so the demo always has an accented name to look up.
    mutating func seedContacts(for client: Client) throws -> [Contact] {
        var contacts: [Contact] = []
        let count = 230 + Int.random(in: 0..<40, using: &random)
        for index in 0..<count {
            let last = index == 0 ? "Lefèvre" : DemoCatalogue.lastNames.randomElement(using: &random)!
            let first = index == 0 ? "Marie" : DemoCatalogue.firstNames.randomElement(using: &random)!
            // Every client's Marie Lefèvre calls from 06 12 34 56 78: the number the README uses.
            var phones = [index == 0 ? try PhoneNumber("06 12 34 56 78") : try randomMobile(client.country)]
            if random.chance(0.15) { phones.append(try randomLandline(client.country)) }
            let email = random.chance(0.4) ? "\(SearchText.fold(first).filter(\.isLetter)).\(SearchText.fold(last).filter(\.isLetter))@exemple.fr" : nil
            let notes = random.chance(0.08) ? ["Malentendant : parler lentement.", "Préfère être rappelé le matin.",
                                               "Vient accompagné de sa fille.", "Allergique au latex (signalé par le cabinet)."]
                .randomElement(using: &random)! : ""
            let contact = try Contact(clientID: client.id, lastName: last, firstName: first, phones: phones, email: email,
                                      notes: notes, isBlacklisted: index > 0 && random.chance(0.01))
            contacts.append(try Store.insert(contact, at: now, in: db))
        }
        summary.contacts += contacts.count
        return contacts
    }


    mutating func randomMobile(_ country: Country) throws -> PhoneNumber {
        let digits = (0..<8).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
        switch country {
        case .fr: return try PhoneNumber("0\(random.chance(0.7) ? 6 : 7)\(digits)")
        case .be: return try PhoneNumber("+3247\(digits.dropFirst())")
        }
    }

    mutating func randomLandline(_ country: Country) throws -> PhoneNumber {
        let digits = (0..<7).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
        switch country {
        case .fr: return try PhoneNumber("01\(digits)\(Int.random(in: 0...9, using: &random))")
        case .be: return try PhoneNumber("+322\(digits)")
        }
    }

    /// Fills about half of each open range, from two weeks back to four weeks ahead.
    mutating func seedAppointments(client: Client, agenda: Agenda, types: [AppointmentType], contacts: [Contact]) throws {
        let calendar = client.calendar
        let hours = client.openingHours
        let monday = calendar.localDate(of: now).mondayOfWeek
        let bookable = contacts.filter { !$0.isBlacklisted }
        let statement = try db.makeStatement(sql: """
            INSERT INTO appointment (client_id, agenda_id, contact_id, type_id, start_at, end_at, status, note,
                                     cancel_reason, created_at, created_by, contact_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?)
            """)
        for offset in -14..<28 {
            let day = monday.adding(days: offset)
            let fill = offset < 7 ? 0.6 : max(0.15, 0.5 - Double(offset) * 0.012)
            for range in hours.ranges(on: day) {
                var minute = range.start.minutes
                while minute < range.end.minutes {
                    let type = types.randomElement(using: &random)!
                    guard minute + type.minutes <= range.end.minutes, random.chance(fill) else {
                        minute += client.slotMinutes
                        continue
                    }
                    let start = calendar.instant(day, try TimeOfDay(minutes: minute))
                    let end = start.addingTimeInterval(TimeInterval(type.minutes * 60))
                    let cancelled = random.chance(0.04)
                    let noShow = !cancelled && end < now && random.chance(0.03)
                    let contact = bookable.randomElement(using: &random)!
                    try statement.execute(arguments: [
                        client.id.rawValue, agenda.id, contact.id, type.id, start.stored, end.stored,
                        (cancelled ? AppointmentStatus.cancelled : noShow ? .noShow : .booked).rawValue,
                        random.chance(0.1) ? "Rappeler la veille" : "",
                        cancelled ? "Empêchement du patient" : nil, start.addingTimeInterval(-7 * 86400).stored,
                        contact.displayName,
                    ])
                    summary.appointments += 1
                    // A cancelled slot stays free for another booking.
                    minute += cancelled ? client.slotMinutes : type.minutes
                }
            }
        }
    }

    /// Two weeks of history, and a live queue when the line is open now.
    mutating func seedCalls(client: Client, contacts: [Contact]) throws {
        let calendar = client.calendar
        let hours = client.openingHours
        let today = calendar.localDate(of: now)
        let outcomes: [CallOutcome] = [.booked, .booked, .booked, .moved, .cancelled, .message, .message, .information]
        for offset in -14...0 {
            let day = today.adding(days: offset)
            for interval in hours.openIntervals(on: day) {
                let end = min(interval.end, now.addingTimeInterval(-600))
                var at = interval.start.addingTimeInterval(Double(Int.random(in: 300...1500, using: &random)))
                while at < end {
                    let known = random.chance(0.75)
                    let contact = known ? contacts.randomElement(using: &random) : nil
                    let from = try contact?.phones.first ?? randomMobile(client.country)
                    let wait = Double(Int.random(in: 3...90, using: &random))
                    let abandoned = random.chance(0.07)
                    let talk = Double(Int.random(in: 60...300, using: &random))
                    try db.execute(sql: """
                        INSERT INTO call (client_id, from_number, contact_id, status, arrived_at, answered_at, ended_at,
                                          done_at, outcome, note)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '')
                        """, arguments: [
                            client.id.rawValue, from.e164, contact?.id, abandoned ? "abandoned" : "done", at.stored,
                            abandoned ? nil : at.addingTimeInterval(wait).stored,
                            at.addingTimeInterval(abandoned ? wait : wait + talk).stored,
                            abandoned ? nil : at.addingTimeInterval(wait + talk + 30).stored,
                            abandoned ? nil : outcomes.randomElement(using: &random)!.rawValue,
                        ])
                    summary.calls += 1
                    at += Double(Int.random(in: 900...3600, using: &random))
                }
            }
        }
        // Messages from the last few days.
        for index in 0..<Int.random(in: 2...5, using: &random) {
            let contact = contacts.randomElement(using: &random)!
            let reasons = ["Demande de rappel", "Résultats d'analyses", "Renouvellement d'ordonnance", "Report de rendez-vous"]
            try db.execute(sql: """
                INSERT INTO message (client_id, contact_id, caller_name, callback_number, reason, body, urgent, status,
                                     created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')
                """, arguments: [
                    client.id.rawValue, contact.id, contact.displayName, contact.phones.first?.e164,
                    reasons.randomElement(using: &random)!, "Souhaite être rappelé(e) dans la journée.",
                    index == 0 && random.chance(0.3), index < 2 ? "new" : "transmitted",
                    now.addingTimeInterval(-Double(Int.random(in: 600...(3 * 86400), using: &random))).stored,
                ])
            summary.messages += 1
        }
        // A known patient who gave up waiting 25 minutes ago: the call-back list is never empty.
        let gaveUp = now.addingTimeInterval(-25 * 60)
        if client.id.rawValue == "dr-martin", contacts.count > 1, let from = contacts[1].phones.first, hours.isOpen(at: gaveUp) {
            try db.execute(sql: """
                INSERT INTO call (client_id, from_number, contact_id, status, arrived_at, ended_at) VALUES (?, ?, ?, 'abandoned', ?, ?)
                """, arguments: [client.id.rawValue, from.e164, contacts[1].id, gaveUp.stored, gaveUp.addingTimeInterval(70).stored])
            summary.calls += 1
        }
        // The live queue: the first caller is a known patient (Marie Lefèvre at Dr Martin's).
        guard hours.isOpen(at: now) else { return }
        let waiting = client.id.rawValue == "dr-martin" ? 2 : Int.random(in: 0...1, using: &random)
        for index in 0..<waiting {
            let isMarie = client.id.rawValue == "dr-martin" && index == 0
            let contact = isMarie ? contacts[0] : (random.chance(0.6) ? contacts.randomElement(using: &random) : nil)
            let from = try contact?.phones.first ?? randomMobile(client.country)
            let waited = isMarie ? 75 : Int.random(in: 5...50, using: &random)
            try db.execute(sql: """
                INSERT INTO call (client_id, from_number, contact_id, status, arrived_at) VALUES (?, ?, ?, 'waiting', ?)
                """, arguments: [client.id.rawValue, from.e164, contact?.id, now.addingTimeInterval(-Double(waited)).stored])
            summary.calls += 1
            summary.waitingCalls += 1
        }
    }
}
