import Foundation
import GRDB
import Testing
import TestSupport
@testable import SecretaryCore
@testable import SecretaryStore

/// A new database holding the team the tests act as (operators claire and julien, supervisor
/// sophie, administrator admin): the store checks each person's role at every write.
func temporaryDatabase() -> String {
    let path = emptyDatabase()
    do {
        let store = try Store(path: path)
        try store.write(by: .system) { db, trail in
            for (login, role) in [("claire", Role.operator), ("julien", .operator), ("sophie", .supervisor), ("admin", .admin)] {
                _ = try Store.insert(Operator(login: login, displayName: login.capitalized, role: role), at: trail.at, in: db)
            }
            trail.record("create", "operator", "test team")
        }
    } catch {
        Issue.record("cannot make the test database: \(error)")
    }
    return path
}

/// A path for a database that does not exist yet.
func emptyDatabase() -> String {
    Binaries.temporaryFolder().appendingPathComponent("test.sqlite").path
}

func sampleClient(_ id: String = "dr-test", line: String = "01 40 00 00 01") throws -> Client {
    try Client(id: ClientID(id), name: "Cabinet du Dr Test", profession: "Médecin généraliste",
               line: PhoneNumber(line), country: .fr, hours: WeeklyHours(parsing: "mon-fri 08:00-12:00 14:00-19:00"),
               plan: Plan(callsPerMonth: 100, smsPerMonth: 10), isMedical: true)
}

@Suite("The SQLite store")
struct StoreTests {
    @Test func freshFileGetsEveryMigrationAndPrivateMode() throws {
        let path = temporaryDatabase()
        let store = try Store(path: path)
        #expect(try store.appliedMigrations() == Store.schemaVersions)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let journal = try store.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        let foreignKeys = try store.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == 1)
    }

    @Test func fileFromThePreviousSchemaIsUpgradedWithItsData() throws {
        let path = emptyDatabase()  // an older schema is built on it
        // A database as the previous release left it: only the first migration applied.
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v1-core")
            try queue.write { db in
                try Store.insert(sampleClient(), agendas: ["Dr Test"], types: [("Consultation", 20, 1)], at: Date(), in: db)
                _ = try Store.insert(Contact(clientID: ClientID("dr-test"), lastName: "Lefèvre", firstName: "Anaïs",
                                             phones: [PhoneNumber("06 11 22 33 44")]), at: Date(), in: db)
            }
        }
        let store = try Store(path: path)
        #expect(try store.appliedMigrations() == Store.schemaVersions)
        // The search index added by the upgrade covers the contacts written before it.
        let found = try store.searchContacts(name: "lefe ana", client: ClientID("dr-test"))
        #expect(found.map(\.displayName) == ["Anaïs Lefèvre"])
    }

    @Test func everyWriteIsAudited() throws {
        let store = try Store(path: temporaryDatabase())
        try store.addClient(sampleClient(), agendas: ["Dr Test"], types: [], by: Identity("admin"))
        let entries = try store.auditEntries(objectType: "client", objectID: "dr-test")
        #expect(entries.count == 1)
        #expect(entries.first?.actor == "admin")
        #expect(entries.first?.action == "create")
        // A write that records nothing is refused and leaves nothing behind.
        #expect(throws: StoreError.self) {
            try store.write(by: Identity("claire")) { db, _ in
                try db.execute(sql: "DELETE FROM client")
            }
        }
        #expect(try store.clients().count == 1)
    }

    @Test func viewingACallerIsAudited() throws {
        let store = try Store(path: temporaryDatabase())
        try store.recordView(by: Identity("julien"), objectType: "contact", objectID: "42")
        #expect(try store.auditEntries(objectType: "contact", objectID: "42").first?.actor == "julien")
    }

    @Test func contactsByNumberInAnyFormatAndByAccentBlindName() throws {
        let store = try Store(path: temporaryDatabase())
        let client = try sampleClient()
        try store.addClient(client, agendas: ["Dr Test"], types: [], by: .system)
        for (last, first, phone) in [("Lefèvre", "Marie", "06 12 34 56 78"), ("Dupont", "Marie", "07 00 00 00 01"),
                                     ("Lefebvre", "Jean", "07 00 00 00 02"), ("Martin", "Élodie", "07 00 00 00 03")] {
            try store.addContact(Contact(clientID: client.id, lastName: last, firstName: first,
                                         phones: [PhoneNumber(phone)]), by: .system)
        }
        for format in ["06 12 34 56 78", "+33612345678", "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78"] {
            #expect(try store.findContacts(format, client: client.id).map(\.lastName) == ["Lefèvre"])
        }
        #expect(try store.findContacts("lefe", client: client.id).map(\.lastName).sorted() == ["Lefebvre", "Lefèvre"])
        #expect(try store.findContacts("LEFÈ", client: client.id).count == 2)
        #expect(try store.findContacts("mar dup", client: client.id).map(\.displayName) == ["Marie Dupont"])
        #expect(try store.findContacts("elo", client: client.id).map(\.displayName) == ["Élodie Martin"])
        // Quotes and FTS operators in a query are searched as text, not syntax.
        #expect(try store.findContacts("\"lefe* OR", client: client.id).isEmpty)
        // Another client's contacts are never found.
        let other = try sampleClient("dr-other", line: "01 40 00 00 02")
        try store.addClient(other, agendas: ["Dr Other"], types: [], by: .system)
        #expect(try store.findContacts("lefe", client: other.id).isEmpty)
    }

    @Test func demoDataIsRealistic() throws {
        let clock = ManualClock(instant("2026-11-23T10:00"))
        let store = try Store(path: temporaryDatabase(), clock: clock)
        let summary = try store.seedDemo()
        #expect(summary.clients >= 12)
        #expect(summary.contacts > 2000)
        #expect(summary.waitingCalls > 0)
        let professions = Set(try store.clients().map(\.profession))
        #expect(professions.isSuperset(of: ["Médecin généraliste", "Kinésithérapeute", "Psychologue", "Avocat", "Pédiatre"]))
        #expect(try store.clients().contains { $0.country == .be })
        let martin = try ClientID("dr-martin")
        #expect(try store.instructions(of: martin, on: try LocalDate(parsing: "2026-11-23"))?
            .greeting(operatorName: "Claire") == "Cabinet du Dr Martin, Claire à l'appareil, bonjour.")
        #expect(!(try store.findContacts("lefe", client: martin)).isEmpty)
        // A second seeding on the same file is refused rather than doubling the data.
        #expect(throws: StoreError.self) { try store.seedDemo() }
    }
}

func instant(_ text: String) -> Date {
    try! LocalCalendar(identifier: "Europe/Paris").instant(LocalDateTime(parsing: text))
}

@Suite("Several processes on one database")
struct ConcurrencyTests {
    @Test func twoProcessesWritingAtOnceNeverSeeDatabaseLocked() throws {
        let path = temporaryDatabase()
        _ = try Store(path: path)
        let writers = try (0..<2).map { index in
            try Binaries.start(Binaries.stress, [path, "write", "300", "writer\(index)"])
        }
        let results = writers.map { $0.wait() }
        for result in results {
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(!result.stderr.contains("locked"))
        }
        let store = try Store(path: path)
        let count = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit WHERE object_type = 'stress'") }
        #expect(count == 600)
    }
}
