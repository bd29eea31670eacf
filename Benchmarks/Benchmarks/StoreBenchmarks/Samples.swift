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
