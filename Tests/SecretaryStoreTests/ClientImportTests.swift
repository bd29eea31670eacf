import Foundation
import GRDB
import Testing
@testable import SecretaryCore
@testable import SecretaryStore

let sampleClientFile = """
    id: dr-file
    name: Cabinet du Dr Fichier
    profession: Médecin généraliste
    line: 01 40 00 00 09
    country: FR
    hours: mon-fri 08:00-12:00 14:00-19:00
    medical: yes
    plan: 100 calls, 20 sms
    agenda: Dr Anne Fichier
    type: Consultation, 20 min, colour 1
    effective from: 2026-01-05

    ## greeting
    Cabinet du Dr Fichier, {operator} bonjour.

    ## faq
    Parking : rue Haute.
    """

@Suite("Importing and exporting client files")
struct ClientImportTests {
    func store() throws -> Store {
        try Store(path: temporaryDatabase(), clock: ManualClock(instant("2026-11-23T10:00")))
    }

    @Test func importCreatesTheClientThenExportReadsBackEqual() throws {
        let store = try store()
        let file = try ClientFile(parsing: sampleClientFile)
        let result = try store.importClientFile(file, by: Identity("admin"))
        #expect(result.created)
        #expect(result.instructionsVersion == 1)
        let client = try store.client(ClientID("dr-file"))
        #expect(client.name == "Cabinet du Dr Fichier")
        #expect(try store.agendas(of: client.id).map(\.name) == ["Dr Anne Fichier"])
        let exported = try store.exportClientFile(client.id)
        #expect(try ClientFile(parsing: exported) == file)
        // Importing the export again changes nothing and adds no version.
        let again = try store.importClientFile(ClientFile(parsing: exported), by: Identity("admin"))
        #expect(!again.created)
        #expect(again.instructionsVersion == nil)
        #expect(try store.instructionHistory(of: client.id).count == 1)
    }

    @Test func anAmendmentIsANewVersionAndTheOldOneStaysReadable() throws {
        let store = try store()
        try store.importClientFile(ClientFile(parsing: sampleClientFile), by: Identity("admin"))
        let amended = sampleClientFile
            .replacingOccurrences(of: "effective from: 2026-01-05", with: "effective from: 2026-12-01")
            .replacingOccurrences(of: "Parking : rue Haute.", with: "Parking : place Basse.")
            .replacingOccurrences(of: "plan: 100 calls, 20 sms", with: "plan: 150 calls, 20 sms")
            .replacingOccurrences(of: "agenda: Dr Anne Fichier", with: "agenda: Dr Anne Fichier\nagenda: Dr Paul Fichier")
        let result = try store.importClientFile(ClientFile(parsing: amended), by: Identity("admin"))
        #expect(result.instructionsVersion == 2)
        #expect(result.agendasAdded == ["Dr Paul Fichier"])
        let id = try ClientID("dr-file")
        #expect(try store.client(id).plan.callsPerMonth == 150)
        // Before its date the amendment is not in force; the first version is.
        #expect(try store.instructions(of: id, on: LocalDate(parsing: "2026-11-30"))?.sections[.faq] == "Parking : rue Haute.")
        #expect(try store.instructions(of: id, on: LocalDate(parsing: "2026-12-01"))?.sections[.faq] == "Parking : place Basse.")
        #expect(try store.instructionHistory(of: id).map(\.version) == [1, 2])
        let diff = try #require(try store.instructionsChanges(of: id, version: 2))
        #expect(diff.changes.map(\.section) == [.faq])
        #expect(diff.changes.first?.lines.map(\.description) == ["- Parking : rue Haute.", "+ Parking : place Basse."])
        #expect(try store.instructionsChanges(of: id, version: 1) == nil)
        #expect(try store.auditEntries(objectType: "instructions", objectID: "dr-file").first?.details == "version 2 from 2026-12-01")
    }

    @Test("A refused import writes nothing", arguments: [
        // An amendment dated before the version it amends.
        ("effective from: 2026-01-05", "effective from: 2025-12-01\n## notes\nx", "line 11: effective from: '2025-12-01' comes before version 1's date (2026-01-05)"),
        // Another client's line.
        ("line: 01 40 00 00 09", "line: 01 40 00 00 01", "line 4: line: '01 40 00 00 01' already belongs to client 'dr-test'"),
        // An agenda left out: its appointments would go with it.
        ("agenda: Dr Anne Fichier", "agenda: Dr Autre", "agenda 'Dr Anne Fichier' of dr-file is not in the file"),
    ])
    func refusedImportWritesNothing(old: String, new: String, message: String) throws {
        let store = try store()
        try store.addClient(sampleClient(), agendas: ["Dr Test"], types: [], by: .system)
        try store.importClientFile(ClientFile(parsing: sampleClientFile), by: Identity("admin"))
        let before = try allRows(store)
        let changed = sampleClientFile.replacingOccurrences(of: old, with: new)
            .replacingOccurrences(of: "Cabinet du Dr Fichier,", with: "Cabinet du Dr Fichier (nouveau),")
        do {
            try store.importClientFile(ClientFile(parsing: changed), by: Identity("admin"))
            Issue.record("imported")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
        #expect(try allRows(store) == before)
    }

    @Test func theDemoClientsAreClientFilesWithAnAmendment() throws {
        // The demo brings its own team: an empty file.
        let store = try Store(path: emptyDatabase(), clock: ManualClock(instant("2026-11-23T10:00")))
        try store.seedDemo()
        #expect(try store.clients().count == 12)
        let martin = try ClientID("dr-martin")
        let history = try store.instructionHistory(of: martin)
        #expect(history.map(\.version) == [1, 2])
        #expect(try store.instructions(of: martin, on: LocalDate(parsing: "2026-11-23"))?.version == 2)
        #expect(try store.instructionsChanges(of: martin, version: 2)?.changes.map(\.section) == [.services, .faq, .notes])
        // Every demo client has Marie Lefèvre on 06 12 34 56 78.
        for client in try store.clients() {
            #expect(try store.contacts(phone: PhoneNumber("06 12 34 56 78"), client: client.id).first?.displayName == "Marie Lefèvre")
        }
        // The dentist's own advice rule is in force for its texts only.
        let rousseau = try ClientID("dentiste-rousseau")
        #expect(try store.checkAdvice("Faites des bains de bouche.", client: rousseau).first?.rule.name == "bain-de-bouche")
        #expect(try store.checkAdvice("Faites des bains de bouche.", client: martin).isEmpty)
        // Each demo client exports and reads back to what was imported.
        for client in try store.clients() {
            let file = try ClientFile(parsing: store.exportClientFile(client.id))
            #expect(file.client == client)
        }
    }
}
