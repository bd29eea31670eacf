import Foundation
import Testing
@testable import SecretaryCore

/// A Paris GP open mon-fri 08:00-12:00 14:00-19:00.
func callClient(_ id: String = "dr-test", hours: String = "mon-fri 08:00-12:00 14:00-19:00",
                country: Country = .fr, line: String = "01 40 00 00 01") -> Client {
    try! Client(id: ClientID(id), name: "Cabinet \(id)", profession: "Médecin", line: PhoneNumber(line, country: country),
                country: country, hours: WeeklyHours(parsing: hours), plan: Plan(callsPerMonth: 100, smsPerMonth: 0),
                isMedical: true)
}

@Suite("A call's life: waiting, answered, wrap-up, done")
struct CallLifecycleTests {
    let client = callClient()
    let caller = try! PhoneNumber("06 12 34 56 78")

    func waitingCall(at text: String = "2026-11-23T10:00") -> Call {
        var call = Call.arriving(on: client, from: caller, at: instant(text))
        call.id = 12
        return call
    }

    @Test func aCallInOpenHoursWaitsAndOneOutsideIsClosed() {
        #expect(Call.arriving(on: client, from: caller, at: instant("2026-11-23T10:00")).status == .waiting)
        #expect(Call.arriving(on: client, from: caller, at: instant("2026-11-23T12:00")).status == .closed)
        #expect(Call.arriving(on: client, from: caller, at: instant("2026-11-23T07:59")).status == .closed)
        #expect(Call.arriving(on: client, from: caller, at: instant("2026-11-22T10:00")).status == .closed, "Sunday")
        #expect(Call.arriving(on: client, from: caller, at: instant("2026-12-25T10:00")).status == .closed, "Christmas")
    }

    @Test func theWholeLifeRecordsWaitTalkAndWrapUp() throws {
        let arrived = waitingCall()
        let answered = try arrived.applying(.answer(operatorID: 3), at: instant("2026-11-23T10:00").addingTimeInterval(25))
        #expect(answered.status == .answered)
        #expect(answered.operatorID == 3)
        let held = try answered.applying(.hold, at: instant("2026-11-23T10:01"))
        #expect(held.status == .onHold)
        let resumed = try held.applying(.resume, at: instant("2026-11-23T10:02"))
        let ended = try resumed.applying(.hangUp, at: instant("2026-11-23T10:04"))
        #expect(ended.status == .wrapUp)
        let done = try ended.applying(.finish(.booked, note: "  RDV jeudi 9h  "), at: instant("2026-11-23T10:04").addingTimeInterval(40))
        #expect(done.status == .done)
        #expect(done.outcome == .booked)
        #expect(done.note == "RDV jeudi 9h")
        let later = instant("2026-11-23T11:00")
        #expect(done.waitSeconds(now: later) == 25)
        #expect(done.talkSeconds(now: later) == 4 * 60 - 25)
        #expect(done.wrapUpSeconds(now: later) == 40)
    }

    @Test func aCallerHangingUpBeforeAnAnswerAbandons() throws {
        let abandoned = try waitingCall().applying(.hangUp, at: instant("2026-11-23T10:01"))
        #expect(abandoned.status == .abandoned)
        #expect(abandoned.waitSeconds(now: instant("2026-11-23T12:00")) == 60)
        #expect(abandoned.talkSeconds(now: instant("2026-11-23T12:00")) == nil)
        #expect(!abandoned.status.isLive)
    }

    @Test func transferEndsTheTalkAndLeavesTheWrapUp() throws {
        let answered = try waitingCall().applying(.answer(operatorID: 1), at: instant("2026-11-23T10:01"))
        let transferred = try answered.applying(.transfer, at: instant("2026-11-23T10:03"))
        #expect(transferred.status == .transferred)
        #expect(transferred.talkSeconds(now: instant("2026-11-23T11:00")) == 120)
        let done = try transferred.applying(.finish(.transferred, note: ""), at: instant("2026-11-23T10:04"))
        #expect(done.endedAt == instant("2026-11-23T10:03"))
        #expect(done.wrapUpSeconds(now: instant("2026-11-23T11:00")) == 60)
    }

    @Test func finishingDuringTheTalkEndsItThere() throws {
        let answered = try waitingCall().applying(.answer(operatorID: 1), at: instant("2026-11-23T10:01"))
        let done = try answered.applying(.finish(.message, note: ""), at: instant("2026-11-23T10:05"))
        #expect(done.endedAt == instant("2026-11-23T10:05"))
        #expect(done.talkSeconds(now: instant("2026-11-23T11:00")) == 240)
    }

    @Test("Illegal steps are refused with a reason naming the call and its state", arguments: [
        (CallStatus.answered, CallEvent.answer(operatorID: 2), "cannot answer call 12: it is already answered"),
        (.done, .hangUp, "cannot hang up call 12: it is already finished"),
        (.abandoned, .answer(operatorID: 2), "cannot answer call 12: it is abandoned (the caller hung up)"),
        (.closed, .answer(operatorID: 2), "cannot answer call 12: it is closed (it arrived outside opening hours)"),
        (.waiting, .hold, "cannot put on hold call 12: it is still waiting"),
        (.waiting, .finish(.booked, note: ""), "cannot finish call 12: it is still waiting"),
        (.wrapUp, .resume, "cannot take off hold call 12: it is in wrap-up"),
        (.onHold, .hold, "cannot put on hold call 12: it is on hold"),
        (.transferred, .transfer, "cannot transfer call 12: it is already transferred"),
    ])
    func illegalTransitions(status: CallStatus, event: CallEvent, reason: String) {
        var call = waitingCall()
        call.status = status
        #expect(throws: RuleViolation(.conflict, reason)) { try call.applying(event, at: instant("2026-11-23T10:05")) }
    }

    @Test func aClosedCallRecordsWhenTheCallerHungUpOnce() throws {
        var call = Call.arriving(on: client, from: caller, at: instant("2026-11-23T21:00"))
        call.id = 5
        let ended = try call.applying(.hangUp, at: instant("2026-11-23T21:01"))
        #expect(ended.status == .closed)
        #expect(ended.endedAt == instant("2026-11-23T21:01"))
        #expect(throws: RuleViolation.self) { try ended.applying(.hangUp, at: instant("2026-11-23T21:02")) }
    }

    @Test func anOverlongNoteIsRefused() throws {
        let answered = try waitingCall().applying(.answer(operatorID: 1), at: instant("2026-11-23T10:01"))
        #expect(throws: ValidationError.self) {
            try answered.applying(.finish(.message, note: String(repeating: "x", count: 2001)), at: instant("2026-11-23T10:02"))
        }
    }
}

@Suite("Operators' presence")
struct OperatorPresenceTests {
    let since = instant("2026-11-23T09:00")

    @Test func aPausedOperatorCannotAnswerAndIsToldWhy() {
        let paused = OperatorPresence(operatorID: 1, state: .paused, since: since)
        #expect(throws: RuleViolation(.forbidden, "claire is paused: become available before answering a call")) {
            try paused.checkCanAnswer(login: "claire")
        }
    }

    @Test func anOperatorOnACallCannotAnswerAnotherNorPause() {
        let busy = OperatorPresence(operatorID: 1, state: .onCall, since: since, callID: 7)
        #expect(throws: RuleViolation(.conflict, "claire is still on call 7: finish it before answering another")) {
            try busy.checkCanAnswer(login: "claire")
        }
        #expect(throws: RuleViolation.self) { try busy.choosing(.paused, login: "claire", at: since) }
    }

    @Test func availableAndOfflineOperatorsMayAnswer() throws {
        try OperatorPresence(operatorID: 1, state: .available, since: since).checkCanAnswer(login: "claire")
        try OperatorPresence.offline(1).checkCanAnswer(login: "claire")
    }

    @Test func onlyAvailablePausedAndOfflineAreChosen() throws {
        let available = OperatorPresence(operatorID: 1, state: .available, since: since)
        let paused = try available.choosing(.paused, login: "claire", at: instant("2026-11-23T10:00"))
        #expect(paused.state == .paused)
        #expect(paused.since == instant("2026-11-23T10:00"))
        #expect(throws: RuleViolation.self) { try available.choosing(.onCall, login: "claire", at: since) }
    }

    @Test func theCallMovesThePresenceAlong() throws {
        var call = Call(id: 9, clientID: try ClientID("dr-test"), from: nil, status: .answered,
                        arrivedAt: since, answeredAt: since.addingTimeInterval(10), operatorID: 1)
        #expect(OperatorPresence.following(call, operatorID: 1, at: since) ==
                OperatorPresence(operatorID: 1, state: .onCall, since: since.addingTimeInterval(10), callID: 9))
        call.status = .wrapUp
        call.endedAt = since.addingTimeInterval(100)
        #expect(OperatorPresence.following(call, operatorID: 1, at: since).state == .wrapUp)
        call.status = .done
        #expect(OperatorPresence.following(call, operatorID: 1, at: since.addingTimeInterval(130)) ==
                OperatorPresence(operatorID: 1, state: .available, since: since.addingTimeInterval(130)))
    }
}
