import Foundation
import Testing
@testable import SecretaryCore

/// A Monday morning at 10:00, small enough to count by hand (threshold 20 s).
///
/// Dr A (Paris, mon-fri 08:00-12:00 14:00-19:00):
///   c1 09:00:00 answered after 10 s by op1, talk 190 s, done     in time
///   c2 09:10:00 answered after 30 s by op3, talk 90 s, done      late
///   c3 09:20:00 abandoned after 45 s
///   c4 07:30:00 closed (before opening)
///   c5 09:59:50 waiting 10 s (too early to judge)
///   c6 09:59:00 waiting 60 s (judged: late)
///   c7 09:55:00 answered after 5 s by op1, still talking         in time, no talk time yet
///   c8 Friday, answered by op1: another day, not counted
/// Kiné B (Brussels, mon-fri 08:00-20:00):
///   c9 08:30:00 answered after 20 s by op2 (in time: the threshold is inclusive), talk 300 s, in wrap-up
///
/// Dr A: offered 6, answered 3, abandoned 1, closed 1, waiting 2, in time 2 of 5 judged = 40 %,
///       average wait (10 + 30 + 45 + 5) / 4 = 22.5 → 23 s, average talk (190 + 90) / 2 = 140 s.
/// Kiné B: offered 1, answered 1, 100 %, wait 20 s, talk 300 s.
/// All: offered 7, answered 4, abandoned 1, closed 1, waiting 2, 3 of 6 = 50 %,
///      wait 110 / 5 = 22 s, talk 580 / 3 = 193.3 → 193 s.
/// Waiting now 2, longest 60 s. op1 on a call with Dr A since 09:55:05, 2 calls today; op2 in
/// wrap-up after Kiné B since 08:35:20, 1 call; op3 paused since 09:30, 1 call; op4 offline, 0.
enum MondayMorning {
    static let drA = callClient("dr-a")
    static let kineB = callClient("kine-b", hours: "mon-fri 08:00-20:00", country: .be, line: "02 123 45 67")
    static let now = instant("2026-11-23T10:00")

    static func at(_ time: String, plus seconds: Int = 0) -> Date {
        instant("2026-11-23T\(time)").addingTimeInterval(TimeInterval(seconds))
    }

    static func call(_ id: Int64, _ client: Client, _ arrived: Date, status: CallStatus, answerAfter wait: Int? = nil,
                     talk: Int? = nil, hungUpAfter: Int? = nil, done: Bool = false, by operatorID: Int64? = nil) -> Call {
        let answered = wait.map { arrived.addingTimeInterval(TimeInterval($0)) }
        var ended = answered.flatMap { a in talk.map { a.addingTimeInterval(TimeInterval($0)) } }
        if let hungUpAfter { ended = arrived.addingTimeInterval(TimeInterval(hungUpAfter)) }
        return Call(id: id, clientID: client.id, from: nil, status: status, arrivedAt: arrived, answeredAt: answered,
                    endedAt: ended, doneAt: done ? ended?.addingTimeInterval(30) : nil, operatorID: operatorID,
                    outcome: done ? .information : nil)
    }

    static let calls: [Call] = [
        call(1, drA, at("09:00"), status: .done, answerAfter: 10, talk: 190, done: true, by: 1),
        call(2, drA, at("09:10"), status: .done, answerAfter: 30, talk: 90, done: true, by: 3),
        call(3, drA, at("09:20"), status: .abandoned, hungUpAfter: 45),
        call(4, drA, at("07:30"), status: .closed),
        call(5, drA, at("09:59", plus: 50), status: .waiting),
        call(6, drA, at("09:59"), status: .waiting),
        call(7, drA, at("09:55"), status: .answered, answerAfter: 5, by: 1),
        call(8, drA, instant("2026-11-20T11:00"), status: .done, answerAfter: 5, talk: 100, done: true, by: 1),
        call(9, kineB, at("08:30"), status: .wrapUp, answerAfter: 20, talk: 300, by: 2),
    ]

    static let operators: [Operator] = [
        try! Operator(id: 1, login: "op1", displayName: "Opérateur Un", role: .operator),
        try! Operator(id: 2, login: "op2", displayName: "Opérateur Deux", role: .operator),
        try! Operator(id: 3, login: "op3", displayName: "Opérateur Trois", role: .operator),
        try! Operator(id: 4, login: "op4", displayName: "Opérateur Quatre", role: .operator),
        try! Operator(id: 5, login: "sup", displayName: "Superviseur", role: .supervisor),
    ]

    static let presences: [OperatorPresence] = [
        OperatorPresence(operatorID: 1, state: .onCall, since: at("09:55", plus: 5), callID: 7),
        OperatorPresence(operatorID: 2, state: .wrapUp, since: at("08:35", plus: 20), callID: 9),
        OperatorPresence(operatorID: 3, state: .paused, since: at("09:30")),
    ]

    /// Checks figures computed from this scenario, whichever way they were loaded.
    static func check(_ figures: SupervisorFigures) {
        #expect(figures.waitingNow == 2)
        #expect(figures.longestWaitSeconds == 60)
        #expect(figures.thresholdSeconds == 20)
        let a = figures.clients.first { $0.clientID == drA.id }?.tally
        #expect(a?.offered == 6)
        #expect(a?.answered == 3)
        #expect(a?.abandoned == 1)
        #expect(a?.closed == 1)
        #expect(a?.waitingNow == 2)
        #expect(a?.answeredInTime == 2)
        #expect(a?.serviceLevel == 0.4)
        #expect(a?.averageWaitSeconds == 23)
        #expect(a?.averageTalkSeconds == 140)
        let b = figures.clients.first { $0.clientID == kineB.id }?.tally
        #expect(b?.offered == 1)
        #expect(b?.answered == 1)
        #expect(b?.serviceLevel == 1)
        #expect(b?.averageWaitSeconds == 20)
        #expect(b?.averageTalkSeconds == 300)
        #expect(figures.total.offered == 7)
        #expect(figures.total.answered == 4)
        #expect(figures.total.abandoned == 1)
        #expect(figures.total.closed == 1)
        #expect(figures.total.serviceLevel == 0.5)
        #expect(figures.total.averageWaitSeconds == 22)
        #expect(figures.total.averageTalkSeconds == 193)

        let byLogin = Dictionary(uniqueKeysWithValues: figures.operators.map { ($0.login, $0) })
        #expect(figures.operators.map(\.login) == ["op1", "op2", "op3", "op4"], "the supervisor never took a call")
        #expect(byLogin["op1"]?.state == .onCall)
        #expect(byLogin["op1"]?.clientName == drA.name)
        #expect(byLogin["op1"]?.since == at("09:55", plus: 5))
        #expect(byLogin["op1"]?.handled == 2)
        #expect(byLogin["op2"]?.state == .wrapUp)
        #expect(byLogin["op2"]?.clientID == kineB.id)
        #expect(byLogin["op2"]?.handled == 1)
        #expect(byLogin["op3"]?.state == .paused)
        #expect(byLogin["op3"]?.since == at("09:30"))
        #expect(byLogin["op3"]?.handled == 1)
        #expect(byLogin["op4"]?.state == .offline)
        #expect(byLogin["op4"]?.handled == 0)
    }
}

@Suite("The supervisor's figures")
struct SupervisorFiguresTests {
    @Test func aMondayMorningCountedByHand() throws {
        let figures = SupervisorFigures.compute(
            day: try LocalDate(parsing: "2026-11-23"), now: MondayMorning.now,
            clients: [MondayMorning.drA, MondayMorning.kineB], calls: MondayMorning.calls,
            operators: MondayMorning.operators, presences: MondayMorning.presences,
            serviceCalendar: SupervisorFigures.serviceCalendar)
        MondayMorning.check(figures)
    }

    @Test func aLongerThresholdCountsMoreCallsInTime() throws {
        let figures = SupervisorFigures.compute(
            day: try LocalDate(parsing: "2026-11-23"), now: MondayMorning.now,
            clients: [MondayMorning.drA], calls: MondayMorning.calls, operators: [], presences: [],
            serviceCalendar: SupervisorFigures.serviceCalendar, thresholdSeconds: 30)
        // c1, c2 and c7 in time; judged: c1, c2, c3, c7 and c6 (60 s > 30 s).
        #expect(figures.clients.first?.tally.serviceLevel == 0.6)
    }

    @Test func aQuietDayHasNoAveragesRatherThanZeros() throws {
        let figures = SupervisorFigures.compute(
            day: try LocalDate(parsing: "2026-11-22"), now: MondayMorning.now,
            clients: [MondayMorning.drA], calls: [], operators: [], presences: [],
            serviceCalendar: SupervisorFigures.serviceCalendar)
        #expect(figures.waitingNow == 0)
        #expect(figures.longestWaitSeconds == nil)
        #expect(figures.clients.first?.tally.serviceLevel == nil)
        #expect(figures.clients.first?.tally.averageWaitSeconds == nil)
    }
}
