import Foundation
import Testing
import TestSupport
@testable import SecretaryCore
@testable import SecretaryStore

/// Saying who is on the line (issue 13, point 2): the operator's explicit, audited act.
@Suite("The caller of a call")
struct CallerStoreTests {
    @Test func theOperatorOnTheCallNamesItsCallerAndTheAuditSaysSo() throws {
        let desk = try CallDesk()
        let jean = try desk.store.addContact(Contact(clientID: desk.client.id, lastName: "Dupont", firstName: "Jean",
                                                     phones: [PhoneNumber("06 98 76 54 32")]), by: .system)
        let call = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        _ = try desk.store.claimNextCall(operator: "claire")
        #expect(try desk.store.call(call.id).contactID == desk.marie.id)

        try desk.store.identifyCaller(callID: call.id, contactID: jean.id, operator: "claire")
        #expect(try desk.store.call(call.id).contactID == jean.id)
        #expect(try desk.store.callSummary(call.id).contactName == "Jean Dupont")
        let audit = try desk.store.auditEntries(objectType: "call", objectID: "\(call.id)")
        let entry = try #require(audit.first { $0.action == "identify-caller" })
        #expect(entry.actor == "claire" && entry.details == "contact \(desk.marie.id) → \(jean.id)")
    }

    @Test func nobodyElseMayAndOnlyTheClientsContactsCanBeTheCaller() throws {
        let desk = try CallDesk()
        let call = try desk.store.callIn(line: desk.line, from: "07 11 22 33 44")
        #expect(throws: RuleViolation.self) {  // waiting: nobody's call yet
            try desk.store.identifyCaller(callID: call.id, contactID: desk.marie.id, operator: "claire")
        }
        _ = try desk.store.claimNextCall(operator: "claire")
        let before = try desk.snapshot()
        #expect(throws: RuleViolation.self) {
            try desk.store.identifyCaller(callID: call.id, contactID: desk.marie.id, operator: "julien")
        }
        let other = try sampleClient("dr-autre", line: "01 40 00 00 02")
        try desk.store.addClient(other, agendas: ["Dr Autre"], types: [], by: .system)
        let stranger = try desk.store.addContact(Contact(clientID: other.id, lastName: "Roux", firstName: "Paul", phones: []),
                                                 by: .system)
        let afterSetup = try desk.snapshot()
        #expect(throws: RuleViolation.self) {
            try desk.store.identifyCaller(callID: call.id, contactID: stranger.id, operator: "claire")
        }
        #expect(try desk.snapshot() == afterSetup, "a refusal writes nothing")
        #expect(before[0] == afterSetup[0], "the call is as it was")
    }
}
