import Foundation
import GRDB
import Testing
@testable import SecretaryCore
@testable import SecretaryStore

@Suite("Generated data at scale")
struct GenerateTests {
    static let size = GenerationSize(clients: 6, contacts: 3000, appointments: 4000, calls: 1500)
    /// A Monday 10:00, when the lines are open and callers wait.
    static let monday = instant("2026-11-23T10:00")

    func generated(seed: UInt64 = 7) throws -> (Store, GenerationSummary) {
        let store = try Store(path: emptyDatabase(), clock: ManualClock(Self.monday))
        return (store, try store.generate(Self.size, seed: seed))
    }

    @Test func writesTheRequestedCountsAndEveryCallState() throws {
        let (store, summary) = try generated()
        let counts = try store.read { db in
            try ["client", "contact", "appointment", "call"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")! }
        }
        #expect(counts == [6, 3000, 4000, 1500])
        #expect(summary.contacts == 3000 && summary.appointments == 4000 && summary.calls == 1500)
        let statuses = try store.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM call GROUP BY status")
                .map { (try CallStatus(parsing: $0["status"]), $0["n"] as Int) })
        }
        #expect(Set(statuses.keys).isSuperset(of: [.waiting, .done, .abandoned, .closed]))
        #expect((1...5).contains(statuses[.waiting] ?? 0), "a few callers wait, not a crowd")
        #expect(statuses[.done]! > statuses[.abandoned]! && statuses[.done]! > statuses[.closed]!)
        // Each batch says in the audit log what it added.
        let audit = try store.auditEntries(limit: 1000)
        #expect(audit.contains { $0.objectType == "contact" && $0.details.contains("3000 of 3000") })
        #expect(audit.allSatisfy { $0.actor == "generate" })
    }

    @Test func namesAndNumbersLookReal() throws {
        let (store, _) = try generated()
        let names = try store.read { try Row.fetchAll($0, sql: "SELECT last_name, first_name FROM contact") }
            .map { "\($0["first_name"] as String) \($0["last_name"] as String)" }
        #expect(names.contains { $0.contains("é") || $0.contains("è") || $0.contains("ë") })
        #expect(names.contains { $0.contains("-") })
        let numbers = try store.read { try String.fetchAll($0, sql: "SELECT e164 FROM contact_phone") }
        #expect(numbers.count > 3000)
        for number in numbers { #expect(try PhoneNumber(e164: number).e164 == number) }
        // The generated callers are found the way operators find them.
        let client = try store.clients()[0]
        let someone = try #require(try store.read { db in
            try Row.fetchOne(db, sql: "SELECT c.last_name, p.e164 FROM contact c JOIN contact_phone p ON p.contact_id = c.id WHERE c.client_id = ? LIMIT 1",
                             arguments: [client.id.rawValue])
        })
        #expect(try store.findContacts(someone["e164"], client: client.id).contains { $0.lastName == someone["last_name"] })
        #expect(try !store.findContacts(String((someone["last_name"] as String).prefix(3)), client: client.id).isEmpty)
    }

    @Test func appointmentsFallInsideOpenHoursWithoutOverlap() throws {
        let (store, _) = try generated()
        let overlaps = try store.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM appointment a JOIN appointment b
                ON b.agenda_id = a.agenda_id AND b.id > a.id AND b.start_at < a.end_at AND a.start_at < b.end_at
                """)
        }
        #expect(overlaps == 0)
        let clients = Dictionary(uniqueKeysWithValues: try store.clients().map { ($0.id, $0) })
        let appointments = try store.read { try Appointment.fetchAll($0, sql: "SELECT * FROM appointment") }
        let outside = appointments.filter { !clients[$0.clientID]!.openingHours.covers($0.interval) }
        #expect(outside.isEmpty, "\(outside.count) appointments outside open hours, first \(String(describing: outside.first))")
        // Two years: a year back and a year ahead of today.
        let starts = appointments.map(\.start)
        #expect(starts.min()! < Self.monday.addingTimeInterval(-300 * 86400))
        #expect(starts.max()! > Self.monday.addingTimeInterval(300 * 86400))
        // Each appointment's type belongs to its client, and its length is the type's.
        let typeMinutes = try store.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, minutes FROM appointment_type").map { ($0["id"] as Int64, $0["minutes"] as Int) })
        }
        #expect(appointments.allSatisfy { Int($0.end.timeIntervalSince($0.start)) == typeMinutes[$0.typeID]! * 60 })
    }

    @Test func callsArriveInsideHoursUnlessLoggedClosed() throws {
        let (store, _) = try generated()
        let clients = Dictionary(uniqueKeysWithValues: try store.clients().map { ($0.id, $0) })
        let calls = try store.read { try Call.fetchAll($0, sql: "SELECT * FROM call") }
        for call in calls {
            let open = clients[call.clientID]!.openingHours.isOpen(at: call.arrivedAt)
            #expect(open == (call.status != .closed), "call \(call.id) \(call.status) at \(call.arrivedAt)")
            #expect(call.arrivedAt <= Self.monday && call.arrivedAt > Self.monday.addingTimeInterval(-61 * 86400))
        }
        #expect(calls.filter { $0.status == .done }.allSatisfy { $0.operatorID != nil && $0.outcome != nil })
    }

    @Test func sameSeedSameDataOtherSeedOtherData() throws {
        func rows(_ store: Store) throws -> [String] {
            try store.read { db in
                try ["SELECT * FROM contact ORDER BY id", "SELECT * FROM contact_phone ORDER BY contact_id, e164",
                     "SELECT * FROM appointment ORDER BY id", "SELECT * FROM call ORDER BY id",
                     "SELECT * FROM client ORDER BY id", "SELECT * FROM operator_presence ORDER BY operator_id"]
                    .flatMap { sql in try Row.fetchAll(db, sql: sql).map(\.description) }
            }
        }
        let first = try rows(generated(seed: 7).0)
        #expect(first == (try rows(generated(seed: 7).0)))
        #expect(first != (try rows(generated(seed: 8).0)))
    }

    @Test func refusesADatabaseThatHasData() throws {
        let store = try Store(path: emptyDatabase(), clock: ManualClock(Self.monday))
        try store.addClient(try sampleClient(), agendas: ["Dr Test"], types: [], by: .system)
        #expect(throws: StoreError.self) { try store.generate(Self.size, seed: 1) }
        #expect(try store.clients().count == 1)
        #expect(try store.contactCount() == 0)
    }

    @Test func refusesSizesThatCannotFit() throws {
        let store = try Store(path: emptyDatabase(), clock: ManualClock(Self.monday))
        #expect(throws: ValidationError.self) {
            try store.generate(GenerationSize(clients: 1, contacts: 10, appointments: 1_000_000, calls: 0), seed: 1)
        }
        #expect(throws: ValidationError.self) {
            try store.generate(GenerationSize(clients: 0, contacts: 10, appointments: 0, calls: 0), seed: 1)
        }
        #expect(try store.auditEntries().isEmpty)
    }
}
