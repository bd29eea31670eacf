import Foundation
import GRDB
import Testing
import TestSupport
@testable import SecretaryCore
@testable import SecretaryStore

@Suite("Call-backs in the store")
struct CallbackStoreTests {
    @Test func aCallerWhoHangsUpInTheQueueIsToBeCalledBackOnceHoweverOftenTheyTry() throws {
        let desk = try CallDesk()
        let first = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        desk.at("2026-11-23T10:01")
        try desk.store.callEnd(first.id)
        let second = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        desk.at("2026-11-23T10:03")
        try desk.store.callEnd(second.id)
        // Withheld numbers cannot be called back.
        let withheld = try desk.store.callIn(line: desk.line, from: nil)
        try desk.store.callEnd(withheld.id)

        let list = try desk.store.callbacks(client: desk.client.id)
        #expect(list.count == 1)
        let callback = try #require(list.first)
        #expect(callback.number == (try PhoneNumber("06 12 34 56 78")) && callback.contactName == "Marie Lefèvre")
        #expect(callback.missedCalls == 2 && callback.status == .waiting)
        #expect(try desk.store.callbacksWaiting() == [desk.client.id: 1])
        #expect(try desk.store.supervisorFigures().callbacksWaiting == 1)
    }

    @Test func oneOperatorTakesItTheOtherIsToldWhoAndTheOutcomeSaysWhoDidIt() throws {
        let desk = try CallDesk()
        let call = try desk.store.callIn(line: desk.line, from: "07 11 22 33 44")
        try desk.store.callEnd(call.id)
        let id = try #require(try desk.store.callbacks().first?.id)

        let taken = try desk.store.takeCallback(id, operator: "claire")
        #expect(taken.status == .taken && taken.operatorLogin == "claire")
        #expect(throws: RuleViolation(.conflict, "call-back \(id) was already taken by claire")) {
            try desk.store.takeCallback(id, operator: "julien")
        }
        #expect(throws: RuleViolation.self) { try desk.store.recordCallback(id, outcome: .reached, operator: "julien") }
        #expect(try desk.store.callbacksWaiting().isEmpty, "a call-back being dialled does not wait")

        // No answer: back on the list, with the attempt and who made it.
        desk.at("2026-11-23T10:10")
        let retry = try desk.store.recordCallback(id, outcome: .noAnswer, operator: "claire")
        #expect(retry.status == .waiting && retry.attempts == 1 && retry.lastOutcome == .noAnswer && retry.lastAttemptBy == "claire")
        _ = try desk.store.takeCallback(id, operator: "julien")
        let done = try desk.store.recordCallback(id, outcome: .voicemail, operator: "julien")
        #expect(done.status == .done && done.attempts == 2 && done.lastAttemptBy == "julien")
        #expect(try desk.store.callbacks().isEmpty)
        let audit = try desk.store.read { db in
            try String.fetchAll(db, sql: "SELECT actor || ' ' || action || ' ' || details FROM audit WHERE object_type = 'callback' ORDER BY id")
        }
        #expect(audit == ["pbx create \(desk.client.id), call \(call.id)", "claire take ", "claire call-back no-answer",
                          "julien take ", "julien call-back voicemail"])
    }

    @Test func aCallerWhoGetsThroughLaterNeedsNoCallBackAndAnOperatorOnACallTakesNone() throws {
        let desk = try CallDesk()
        let gaveUp = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        try desk.store.callEnd(gaveUp.id)
        let other = try desk.store.callIn(line: desk.line, from: "07 11 22 33 44")
        try desk.store.callEnd(other.id)
        _ = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        let answered = try desk.store.claimNextCall(operator: "claire")
        #expect(answered.call.from == (try PhoneNumber("06 12 34 56 78")))
        let open = try desk.store.callbacks()
        #expect(open.map(\.number) == [try PhoneNumber("07 11 22 33 44")], "Marie got through: \(open)")
        #expect(throws: RuleViolation.self) { try desk.store.takeNextCallback(operator: "claire") }
        // One at a time.
        _ = try desk.store.takeNextCallback(operator: "julien")
        let third = try desk.store.callIn(line: desk.line, from: "07 00 00 00 01")
        try desk.store.callEnd(third.id)
        #expect(throws: RuleViolation.self) { try desk.store.takeNextCallback(operator: "julien") }
    }

    @Test func aDamagedRowIsNamedNotShown() throws {
        let desk = try CallDesk()
        let call = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        try desk.store.callEnd(call.id)
        try desk.store.write(by: .system) { db, trail in
            try db.execute(sql: "UPDATE callback SET number = 'Marie 0612'")
            trail.record("damage", "callback", "1")
        }
        #expect(throws: StoreError("damaged row: table callback, id 1, column number")) { try desk.store.callbacks() }
    }
}

@Suite("Call-backs done today")
struct CallbackHistoryTests {
    @Test func theListKeepsThoseDoneSinceAGivenTimeAfterTheOpenOnes() throws {
        let desk = try CallDesk()
        for number in ["06 12 34 56 78", "07 11 22 33 44"] {
            let call = try desk.store.callIn(line: desk.line, from: number)
            try desk.store.callEnd(call.id)
        }
        let first = try #require(try desk.store.callbacks().first)
        _ = try desk.store.takeCallback(first.id, operator: "claire")
        desk.at("2026-11-23T10:20")
        try desk.store.recordCallback(first.id, outcome: .reached, operator: "claire")
        #expect(try desk.store.callbacks().count == 1)
        let today = try desk.store.callbacks(doneSince: instant("2026-11-23T00:00"))
        #expect(today.map(\.status) == [.waiting, .done])
        #expect(today.last?.lastAttemptBy == "claire" && today.last?.doneAt == instant("2026-11-23T10:20"))
        #expect(try desk.store.callbacks(doneSince: instant("2026-11-23T10:21")).count == 1)
    }
}
