import Foundation
import GRDB
import Testing
import TestSupport
@testable import SecretaryCore
@testable import SecretaryStore

/// A store at Monday 2026-11-23 10:00 with Dr Test (mon-fri 08:00-12:00 14:00-19:00, line
/// 01 40 00 00 01), its patient Marie Lefèvre (06 12 34 56 78) and operators claire and julien.
struct CallDesk {
    let clock = ManualClock(instant("2026-11-23T10:00"))
    let store: Store
    let client: Client
    let line = try! PhoneNumber("01 40 00 00 01")
    let marie: Contact

    init() throws {
        store = try Store(path: emptyDatabase(), clock: clock)
        client = try sampleClient()
        try store.addClient(client, agendas: ["Dr Test"], types: [], by: .system)
        marie = try store.addContact(Contact(clientID: client.id, lastName: "Lefèvre", firstName: "Marie",
                                             phones: [PhoneNumber("06 12 34 56 78")]), by: .system)
        for (login, role) in [("claire", Role.operator), ("julien", .operator), ("sophie", .supervisor)] {
            try store.addOperator(Operator(login: login, displayName: login.capitalized, role: role), password: "test-password-long", by: .system)
        }
    }

    func at(_ text: String) { clock.set(instant(text)) }

    /// Everything in the database, to prove a refusal wrote nothing.
    func snapshot() throws -> [[String]] {
        try store.read { db in
            try ["call", "operator_presence", "audit"].map { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map(\.description)
            }
        }
    }
}

@Suite("Calls in the store")
struct CallStoreTests {
    @Test func aCallInFindsTheClientByLineAndTheCallerByNumber() throws {
        let desk = try CallDesk()
        let call = try desk.store.callIn(line: desk.line, from: "+33 6 12 34 56 78")
        #expect(call.status == .waiting)
        #expect(call.clientID == desk.client.id)
        #expect(call.contactID == desk.marie.id)
        #expect(call.arrivedAt == instant("2026-11-23T10:00"))
        let queue = try desk.store.queue()
        #expect(queue.map(\.id) == [call.id])
        #expect(queue.first?.clientName == "Cabinet du Dr Test")
        #expect(queue.first?.callerLabel == "Marie Lefèvre")
        #expect(try desk.store.auditEntries(objectType: "call", objectID: "\(call.id)").first?.action == "call-in")

        let stranger = try desk.store.callIn(line: desk.line, from: "07 00 00 00 09")
        #expect(stranger.contactID == nil)
        let withheld = try desk.store.callIn(line: desk.line, from: nil)
        #expect(withheld.from == nil)
        #expect(try desk.store.callSummary(withheld.id).callerLabel == "withheld number")
    }

    @Test func anUnknownLineOrAMalformedNumberWritesNothing() throws {
        let desk = try CallDesk()
        let before = try desk.snapshot()
        #expect(throws: StoreError("unknown line 01 99 99 99 99: no client has this number")) {
            try desk.store.callIn(line: PhoneNumber("01 99 99 99 99"), from: "06 12 34 56 78")
        }
        #expect(throws: ValidationError.self) { try desk.store.callIn(line: desk.line, from: "06 12 AB") }
        #expect(throws: StoreError("unknown call 999")) { try desk.store.callEnd(999) }
        #expect(try desk.snapshot() == before)
    }

    @Test func anOutOfHoursCallIsClosedAndNeverOffered() throws {
        let desk = try CallDesk()
        desk.at("2026-11-23T12:30")
        let lunch = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        #expect(lunch.status == .closed)
        let evening = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78", at: instant("2026-11-23T21:00"))
        #expect(evening.status == .closed)
        #expect(try desk.store.queue().isEmpty)
        #expect(throws: RuleViolation(.notFound, "no call is waiting")) { try desk.store.claimNextCall(operator: "claire") }
        #expect(throws: RuleViolation.self) { try desk.store.claim(callID: lunch.id, operator: "claire") }
        #expect(try desk.store.calls(client: desk.client.id, status: .closed).map(\.id) == [evening.id, lunch.id])
        // The PBX reports the hang-up after the closed message: logged, still closed.
        #expect(try desk.store.callEnd(lunch.id).status == .closed)
    }

    @Test func anAbandonedCallLeavesEveryQueue() throws {
        let desk = try CallDesk()
        let first = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        desk.at("2026-11-23T10:00:30")
        let second = try desk.store.callIn(line: desk.line, from: "07 00 00 00 02")
        desk.at("2026-11-23T10:01")
        let gone = try desk.store.callEnd(first.id)
        #expect(gone.status == .abandoned)
        #expect(gone.waitSeconds(now: desk.clock.now()) == 60)
        #expect(try desk.store.queue().map(\.id) == [second.id])
        #expect(try desk.store.calls(status: .waiting).map(\.id) == [second.id])
        #expect(try desk.store.claimNextCall(operator: "claire").id == second.id)
        #expect(throws: RuleViolation(.conflict, "cannot answer call \(first.id): it is abandoned (the caller hung up)")) {
            try desk.store.claim(callID: first.id, operator: "julien")
        }
        #expect(try desk.store.supervisorFigures().waitingNow == 0)
    }

    @Test func urgentCallsAreAnsweredFirstThenByArrival() throws {
        let desk = try CallDesk()
        let early = try desk.store.callIn(line: desk.line, from: "07 00 00 00 01", at: instant("2026-11-23T09:58"))
        let late = try desk.store.callIn(line: desk.line, from: "07 00 00 00 02", at: instant("2026-11-23T09:59"))
        let urgent = try desk.store.callIn(line: desk.line, from: "07 00 00 00 03", isUrgent: true)
        #expect(try desk.store.queue().map(\.id) == [urgent.id, early.id, late.id])
        #expect(try desk.store.claimNextCall(operator: "claire").id == urgent.id)
        #expect(try desk.store.claimNextCall(operator: "julien").id == early.id)
    }

    @Test func aTakenCallIsRefusedWithItsOperatorsName() throws {
        let desk = try CallDesk()
        let call = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        let claimed = try desk.store.claim(callID: call.id, operator: "claire")
        #expect(claimed.operatorLogin == "claire")
        #expect(claimed.contactName == "Marie Lefèvre")
        #expect(throws: RuleViolation(.conflict, "call \(call.id) was already answered by claire")) {
            try desk.store.claim(callID: call.id, operator: "julien")
        }
        #expect(throws: RuleViolation(.forbidden, "call \(call.id) is claire's, not julien's")) {
            try desk.store.finish(callID: call.id, outcome: .booked, operator: "julien")
        }
        // Someone with no account may not answer at all.
        #expect(throws: AccessDenied.self) { try desk.store.claimNextCall(operator: "nobody") }
    }

    @Test func thePresenceFollowsTheCallAndAPausedOperatorIsToldWhy() throws {
        let desk = try CallDesk()
        #expect(try desk.store.presence(operator: "claire").state == .offline)
        try desk.store.setPresence(operator: "claire", .paused)
        let call = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        let before = try desk.snapshot()
        #expect(throws: RuleViolation(.forbidden, "claire is paused: become available before answering a call")) {
            try desk.store.claimNextCall(operator: "claire")
        }
        #expect(try desk.snapshot() == before)
        #expect(try desk.store.queue().map(\.id) == [call.id], "the call still waits for someone else")

        try desk.store.setPresence(operator: "claire", .available)
        desk.at("2026-11-23T10:00:20")
        _ = try desk.store.claimNextCall(operator: "claire")
        var presence = try desk.store.presence(operator: "claire")
        #expect(presence.state == .onCall)
        #expect(presence.callID == call.id)
        #expect(try desk.store.currentCall(operator: "claire")?.id == call.id)
        #expect(throws: RuleViolation.self) { try desk.store.setPresence(operator: "claire", .paused) }
        let second = try desk.store.callIn(line: desk.line, from: "07 00 00 00 05")
        #expect(throws: RuleViolation(.conflict, "claire is still on call \(call.id): finish it before answering another")) {
            try desk.store.claimNextCall(operator: "claire")
        }

        try desk.store.hold(callID: call.id, operator: "claire")
        try desk.store.resume(callID: call.id, operator: "claire")
        desk.at("2026-11-23T10:03")
        #expect(try desk.store.callEnd(call.id).status == .wrapUp)
        presence = try desk.store.presence(operator: "claire")
        #expect(presence.state == .wrapUp)
        desk.at("2026-11-23T10:03:45")
        let done = try desk.store.finish(callID: call.id, outcome: .booked, note: "RDV jeudi", operator: "claire")
        #expect(done.status == .done)
        #expect(done.talkSeconds(now: desk.clock.now()) == 160)
        #expect(done.wrapUpSeconds(now: desk.clock.now()) == 45)
        #expect(try desk.store.presence(operator: "claire").state == .available)
        #expect(try desk.store.currentCall(operator: "claire") == nil)
        #expect(try desk.store.claimNextCall(operator: "claire").id == second.id)

        let actions = try desk.store.auditEntries(objectType: "call", objectID: "\(call.id)").map(\.action)
        #expect(actions == ["finish", "hang-up", "resume", "hold", "answer", "call-in"])
        #expect(try desk.store.auditEntries(objectType: "operator", objectID: "claire").map(\.action).prefix(2) == ["presence", "presence"])
    }

    @Test func aTransferredCallIsWrappedUpByItsOperator() throws {
        let desk = try CallDesk()
        let call = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        _ = try desk.store.claimNextCall(operator: "julien")
        #expect(try desk.store.transfer(callID: call.id, operator: "julien").status == .transferred)
        #expect(try desk.store.presence(operator: "julien").state == .wrapUp)
        #expect(throws: RuleViolation.self) { try desk.store.callEnd(call.id) }
        #expect(try desk.store.finish(callID: call.id, outcome: .transferred, operator: "julien").outcome == .transferred)
    }

    @Test func theSimulatorsImpatientCallerNeverCutsAnAnsweredCall() throws {
        let desk = try CallDesk()
        let call = try desk.store.callIn(line: desk.line, from: "06 12 34 56 78")
        _ = try desk.store.claimNextCall(operator: "claire")
        #expect(throws: RuleViolation.self) { try desk.store.abandon(callID: call.id) }
        #expect(try desk.store.call(call.id).status == .answered)
    }

    @Test func trafficLinesCarryTheClientsKnownCallers() throws {
        let desk = try CallDesk()
        let lines = try desk.store.trafficLines()
        #expect(lines.map(\.line) == [desk.line])
        #expect(lines.first?.knownCallers == desk.marie.phones)
        #expect(lines.first?.weight == 100)
    }

    /// The hand-counted Monday of SupervisorFiguresTests, played through the store.
    @Test func supervisorFiguresOfAMondayPlayedThroughTheStore() throws {
        let desk = try CallDesk()
        let store = desk.store
        let kine = try Client(id: ClientID("kine-b"), name: "Kiné B", profession: "Kinésithérapeute",
                              line: PhoneNumber("02 123 45 67", country: .be), country: .be,
                              hours: WeeklyHours(parsing: "mon-fri 08:00-20:00"), plan: Plan(callsPerMonth: 50, smsPerMonth: 0),
                              isMedical: true)
        try store.addClient(kine, agendas: ["Kiné"], types: [], by: .system)
        try store.addOperator(Operator(login: "lucas", displayName: "Lucas", role: .operator), password: "test-password-long", by: .system)
        func at(_ time: String, plus seconds: Double = 0) { desk.clock.set(instant("2026-11-23T\(time)").addingTimeInterval(seconds)) }

        desk.at("2026-11-20T11:00")  // Friday: another day
        _ = try store.callIn(line: desk.line, from: "07 00 00 00 08")
        let friday = try store.claimNextCall(operator: "claire")
        try store.finish(callID: friday.id, outcome: .information, operator: "claire")

        at("07:30"); _ = try store.callIn(line: desk.line, from: "07 00 00 00 04")                    // c4 closed
        at("08:30"); let c9 = try store.callIn(line: kine.line, from: "0470 12 34 56")
        at("08:30", plus: 20); _ = try store.claim(callID: c9.id, operator: "julien")
        at("08:35", plus: 20); try store.callEnd(c9.id)                                                // julien in wrap-up
        at("09:00"); _ = try store.callIn(line: desk.line, from: "07 00 00 00 01")                    // c1
        at("09:00", plus: 10); let c1 = try store.claimNextCall(operator: "claire")
        at("09:03", plus: 20); try store.callEnd(c1.id)                                                // talk 190 s
        at("09:03", plus: 50); try store.finish(callID: c1.id, outcome: .booked, operator: "claire")
        at("09:10"); _ = try store.callIn(line: desk.line, from: "07 00 00 00 02")                    // c2
        at("09:10", plus: 30); let c2 = try store.claimNextCall(operator: "lucas")
        at("09:12"); try store.finish(callID: c2.id, outcome: .message, operator: "lucas")
        at("09:20"); let c3 = try store.callIn(line: desk.line, from: "07 00 00 00 03")
        at("09:20", plus: 45); try store.callEnd(c3.id)                                                // abandoned
        at("09:30"); try store.setPresence(operator: "lucas", .paused)
        at("09:55"); _ = try store.callIn(line: desk.line, from: "07 00 00 00 07")                    // c7
        at("09:55", plus: 5); _ = try store.claimNextCall(operator: "claire")
        at("09:59"); _ = try store.callIn(line: desk.line, from: "07 00 00 00 06")                    // c6
        at("09:59", plus: 50); _ = try store.callIn(line: desk.line, from: "07 00 00 00 05")          // c5
        at("10:00")

        let figures = try store.supervisorFigures()
        #expect(figures.day == (try LocalDate(parsing: "2026-11-23")))
        #expect(figures.waitingNow == 2)
        #expect(figures.longestWaitSeconds == 60)
        let a = try #require(figures.clients.first { $0.clientID == desk.client.id }?.tally)
        #expect([a.offered, a.answered, a.abandoned, a.closed, a.waitingNow, a.answeredInTime] == [6, 3, 1, 1, 2, 2] as [Int])
        #expect(a.serviceLevel == 0.4)
        #expect(a.averageWaitSeconds == 23)
        #expect(a.averageTalkSeconds == 140)
        let b = try #require(figures.clients.first { $0.clientID == kine.id }?.tally)
        #expect([b.offered, b.answered, b.answeredInTime] == [1, 1, 1] as [Int])
        #expect(b.averageTalkSeconds == 300)
        #expect(figures.total.serviceLevel == 0.5)
        #expect(figures.total.averageWaitSeconds == 22)
        #expect(figures.total.averageTalkSeconds == 193)
        let people = Dictionary(uniqueKeysWithValues: figures.operators.map { ($0.login, $0) })
        #expect(figures.operators.map(\.login) == ["claire", "julien", "lucas"], "sophie, a supervisor, took no call")
        #expect(people["claire"]?.state == .onCall)
        #expect(people["claire"]?.clientName == "Cabinet du Dr Test")
        #expect(people["claire"]?.since == instant("2026-11-23T09:55").addingTimeInterval(5))
        #expect(people["claire"]?.handled == 2)
        #expect(people["julien"]?.state == .wrapUp)
        #expect(people["julien"]?.clientName == "Kiné B")
        #expect(people["julien"]?.handled == 1)
        #expect(people["lucas"]?.state == .paused)
        #expect(people["lucas"]?.handled == 1)
    }

    @Test func onlySupervisorsAndAdminsSupervise() throws {
        let desk = try CallDesk()
        #expect(try desk.store.supervisor(login: "sophie").login == "sophie")
        #expect(throws: RuleViolation(.forbidden, "claire is an operator: supervising needs the supervisor or admin role")) {
            try desk.store.supervisor(login: "claire")
        }
    }
}
