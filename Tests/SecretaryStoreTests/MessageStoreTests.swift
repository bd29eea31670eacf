import Foundation
import GRDB
import Testing
@testable import SecretaryCore
@testable import SecretaryStore

/// Every row of every table, to prove a refused write left the database as it was.
func allRows(_ store: Store) throws -> [String] {
    try store.read { db in
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'contact_search%' ORDER BY name")
        return try tables.flatMap { table in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table): \($0)" }.sorted()
        }
    }
}

@Suite("Messages")
struct MessageStoreTests {
    func storeWithClient() throws -> (Store, ManualClock, ClientID) {
        let clock = ManualClock(instant("2026-11-23T10:00"))
        let store = try Store(path: temporaryDatabase(), clock: clock)
        let client = try sampleClient()
        try store.addClient(client, agendas: ["Dr Test"], types: [], by: .system)
        return (store, clock, client.id)
    }

    func draft(_ client: ClientID, _ text: String, urgent: Bool = false) throws -> MessageDraft {
        MessageDraft(clientID: client, callerName: "Marie Lefèvre", callbackNumber: try PhoneNumber("06 12 34 56 78"),
                     reason: "Demande de rappel", text: text, isUrgent: urgent)
    }

    @Test func aMessageIsSavedAuditedAndListed() throws {
        let (store, _, client) = try storeWithClient()
        let saved = try store.addMessage(draft(client, "Souhaite être rappelée avant midi.", urgent: true), by: Identity("claire"))
        #expect(saved.id > 0)
        #expect(saved.status == .new)
        let listed = try store.messages(client: client)
        #expect(listed == [saved])
        #expect(listed.first?.isUrgent == true)
        #expect(try store.auditEntries(objectType: "message", objectID: "\(saved.id)").first?.actor == "claire")
        #expect(try store.messages(client: client, status: .transmitted).isEmpty)
    }

    @Test func adviceIsRefusedAndNothingIsWritten() throws {
        let (store, _, client) = try storeWithClient()
        let before = try allRows(store)
        do {
            try store.addMessage(draft(client, "Je lui ai dit : arrêtez le traitement."), by: Identity("claire"))
            Issue.record("advice saved")
        } catch let violation as RuleViolation {
            #expect(violation.rule == .medicalAdvice)
            #expect(violation.reason.contains("'arrêtez le traitement'"))
            #expect(violation.reason.contains("arretez-traitement"))
        }
        // The reason is free text too.
        var reason = try draft(client, "Rappeler.")
        reason.reason = "C'est une grippe"
        #expect(throws: RuleViolation.self) { try store.addMessage(reason, by: Identity("claire")) }
        #expect(try allRows(store) == before)
    }

    @Test func theClientsOwnRulesApply() throws {
        let (store, _, _) = try storeWithClient()
        var file = try ClientFile(parsing: sampleClientFile)
        file.adviceRules = try AdviceRules(parsing: "care etirements faites ... etirement*\n")
        try store.importClientFile(file, by: .system)
        let refused = try MessageDraft(clientID: file.client.id, callerName: "Paul", callbackNumber: nil,
                                       text: "Faites des étirements le matin.")
        #expect(throws: RuleViolation.self) { try store.addMessage(refused, by: .system) }
        #expect(try store.checkAdvice("Faites des étirements le matin.", client: file.client.id).first?.rule.name == "etirements")
        #expect(try store.checkAdvice("Faites des étirements le matin.", client: ClientID("dr-test")).isEmpty)
    }

    @Test func theCallersQuestionGoesToThePractitionerTagged() throws {
        let (store, _, client) = try storeWithClient()
        let question = MessageDraft.medicalQuestion(clientID: client, callerName: "Marie Lefèvre", callbackNumber: nil,
                                                    question: "Est-ce que c'est une grippe ? Dois-je arrêter le traitement ?")
        let saved = try store.addMessage(question, by: Identity("claire"))
        #expect(saved.tags == [MessageTag.medicalQuestion])
        #expect(saved.text.contains("« Est-ce que c'est une grippe ? Dois-je arrêter le traitement ? »"))
    }

    @Test func anEmergencyBecomesAnUrgentMessage() throws {
        let (store, _, client) = try storeWithClient()
        let assessment = try #require(EmergencyTriage.assess("Mon père a une douleur thoracique", country: .fr))
        let saved = try store.addMessage(.emergency(assessment, clientID: client, callerName: "Paul Martin",
                                                    callbackNumber: nil), by: Identity("claire"))
        #expect(saved.isUrgent)
        #expect(saved.tags == [MessageTag.emergency])
        #expect(saved.text == "Urgence pendant l'appel : « douleur thoracique ». Appelant orienté vers le 15 (SAMU), 112 (numéro d'urgence européen).")
    }

    @Test func statusGoesNewTransmittedAcknowledgedAllOrNothing() throws {
        let (store, clock, client) = try storeWithClient()
        let first = try store.addMessage(draft(client, "Rappeler."), by: .system)
        let second = try store.addMessage(draft(client, "Rappeler aussi."), by: .system)
        // Acknowledging before transmitting is refused.
        #expect(throws: RuleViolation.self) { try store.acknowledge([first.id], by: .system) }
        clock.advance(by: 60)
        let transmitted = try store.markTransmitted([first.id], by: Identity("sophie"))
        #expect(transmitted.map(\.status) == [.transmitted])
        #expect(try store.message(id: first.id).transmittedAt == Date(stored: instant("2026-11-23T10:01").stored))
        // One bad id refuses the lot.
        let before = try allRows(store)
        #expect(throws: RuleViolation.self) { try store.markTransmitted([second.id, first.id], by: .system) }
        #expect(throws: StoreError.self) { try store.markTransmitted([second.id, 999], by: .system) }
        #expect(try allRows(store) == before)
        try store.acknowledge([first.id], by: .system)
        #expect(try store.messages(status: .acknowledged).map(\.id) == [first.id])
        #expect(try store.messages(status: .new).map(\.id) == [second.id])
    }
}
