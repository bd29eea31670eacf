import Foundation
import GRDB
import SecretaryCore
import SecretaryStore

/// Inputs the benchmarks cycle through, picked once from the database with a fixed seed,
/// so each iteration asks about another caller, client or agenda (a warm cache, but not
/// the same few pages every time).
final class Samples: @unchecked Sendable {
    let phones: [(client: ClientID, phone: PhoneNumber)]
    let clients: [ClientID]
    /// Each agenda with the bounds of its client's current week (Monday 00:00 to Monday 00:00
    /// in the client's time zone).
    let weeks: [(agenda: Int64, from: Int64, to: Int64)]

    init(store: Store, count: Int = 1000) throws {
        var random = SeededRandom(seed: 42)
        let contactCount = try store.contactCount()
        let ids = (0..<count).map { _ in Int64.random(in: 1...Int64(contactCount), using: &random) }
        phones = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT client_id, e164 FROM contact_phone WHERE contact_id IN (\(ids.map(String.init).joined(separator: ",")))")
                .map { (client: try ClientID($0["client_id"]), phone: try PhoneNumber(e164: $0["e164"])) }
        }.shuffled(using: &random)
        let allClients = try store.clients()
        clients = allClients.map(\.id).shuffled(using: &random)
        var weeks: [(agenda: Int64, from: Int64, to: Int64)] = []
        for client in allClients {
            let calendar = client.calendar
            let monday = calendar.localDate(of: store.now).mondayOfWeek
            let from = Int64(calendar.instant(monday, try TimeOfDay(minutes: 0)).timeIntervalSince1970)
            let to = Int64(calendar.instant(monday.adding(days: 7), try TimeOfDay(minutes: 0)).timeIntervalSince1970)
            for agenda in try store.agendas(of: client.id) {
                weeks.append((agenda.id, from, to))
            }
        }
        self.weeks = weeks.shuffled(using: &random)
    }
}

/// Hands out the samples in turn.
final class Cycle<Element>: @unchecked Sendable {
    private let elements: [Element]
    private var index = 0

    init(_ elements: [Element]) {
        precondition(!elements.isEmpty, "no samples in the benchmark database")
        self.elements = elements
    }

    func next() -> Element {
        defer { index = (index + 1) % elements.count }
        return elements[index]
    }
}

/// Inputs of the writing benchmarks: for each agenda, a type and a bookable contact of its
/// client; every client's line; an operator free to answer.
final class WriteSamples: @unchecked Sendable {
    let bookings: [(agendaID: Int64, typeID: Int64, contactID: Int64)]
    let lines: [PhoneNumber]
    let operatorLogin: String

    init(store: Store) throws {
        (bookings, lines, operatorLogin) = try store.read { db in
            let bookings = try Row.fetchAll(db, sql: """
                SELECT agenda.id AS agenda_id,
                       (SELECT id FROM appointment_type WHERE client_id = agenda.client_id ORDER BY position LIMIT 1) AS type_id,
                       (SELECT id FROM contact WHERE client_id = agenda.client_id AND blacklisted = 0 LIMIT 1) AS contact_id
                FROM agenda ORDER BY agenda.id
                """).map { (agendaID: $0["agenda_id"] as Int64, typeID: $0["type_id"] as Int64, contactID: $0["contact_id"] as Int64) }
            // Lines open now, so that each call rings as waiting (not logged as closed).
            let lines = try Client.fetchAll(db, sql: "SELECT * FROM client ORDER BY id")
                .filter { $0.openingHours.isOpen(at: store.now) }.map(\.line)
            guard let login = try String.fetchOne(db, sql: """
                SELECT login FROM operator JOIN operator_presence ON operator_presence.operator_id = operator.id
                WHERE role = 'operator' AND state IN ('available', 'offline') ORDER BY operator.id LIMIT 1
                """) else { throw StoreError("no operator free to answer in the benchmark database") }
            return (bookings, lines, login)
        }
    }
}
