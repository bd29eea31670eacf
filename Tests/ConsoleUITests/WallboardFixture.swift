import Foundation
@testable import ConsoleUI
import SecretaryCore

/// A supervisor's morning, counted by hand: Monday 23 November 2026 at 10:00 in Paris.
///
/// Cabinet du Dr Martin (opens 08:00): answered in 10 s then talked 3:00 (Claire); answered
/// in 30 s then talked 5:00 (Julien); abandoned after 60 s; one call at 07:30, closed; one
/// waiting since 09:58 (2:00); one answered in 15 s at 09:59:35, Claire still on it.
/// → offered 5, answered 3, abandoned 1, closed 1, waiting 1; in time 2 of 5 judged (the
/// 2:00 wait counts against) = 40 %; mean wait (10+30+15+60)/4 = 28.75 → 0:29; mean talk
/// of ended calls (180+300)/2 = 4:00.
///
/// Kiné Dubois: answered in 5 s, talked 4:00 (Julien); answered in 3 s at 09:50:03, talk
/// ended 09:58:00 (477 s), Marc in wrap-up; one waiting 10 s (not yet judged).
/// → offered 3, answered 2, waiting 1; in time 2 of 2 = 100 %; wait 4 s; talk (240+477)/2
/// = 358.5 → 5:59.
///
/// Notaire Dumont: no call. All clients: offered 8, answered 5, abandoned 1, closed 1,
/// waiting 2; in time 4 of 7 = 57 %; wait 123/6 = 20.5 → 0:21; talk 1197/4 = 299.25 → 4:59.
///
/// Operators: Amina paused since 09:45; Claire on a call with Dr Martin since 09:59:35 (2
/// calls today); Julien available since 09:40 (2 calls); Lucas never signed in (offline);
/// Marc in wrap-up after Kiné Dubois since 09:58 (1 call); Sophie, a supervisor who took no
/// call and is not signed in, is not listed.
enum WallboardFixture {
    static let calendar = Fixture.calendar
    static func at(_ text: String) -> Date { Fixture.at(text) }
    static let now = at("2026-11-23T10:00")

    static let martin = Fixture.martin
    static let dubois = try! Client(
        id: ClientID("kine-dubois"), name: "Kiné Dubois", profession: "Kinésithérapeute",
        line: PhoneNumber("01 43 55 20 02"), country: .fr,
        hours: WeeklyHours(parsing: "mon-fri 08:00-12:00 14:00-19:00"),
        plan: Plan(callsPerMonth: 200, smsPerMonth: 20), isMedical: true)
    static let dumont = try! Client(
        id: ClientID("notaire-dumont"), name: "Étude de Maître Dumont", profession: "Notaire",
        line: PhoneNumber("01 45 00 30 03"), country: .fr,
        hours: WeeklyHours(parsing: "mon-fri 09:00-12:00 14:00-18:00"),
        plan: Plan(callsPerMonth: 100, smsPerMonth: 10), isMedical: false)

    static let operators: [Operator] = [
        try! Operator(id: 1, login: "claire", displayName: "Claire Dubois", role: .operator),
        try! Operator(id: 2, login: "julien", displayName: "Julien Morel", role: .operator),
        try! Operator(id: 3, login: "amina", displayName: "Amina Haddad", role: .operator),
        try! Operator(id: 4, login: "lucas", displayName: "Lucas Petit", role: .operator),
        try! Operator(id: 5, login: "marc", displayName: "Marc Lenoir", role: .operator),
        try! Operator(id: 6, login: "sophie", displayName: "Sophie Garnier", role: .supervisor),
    ]

    static func call(_ id: Int64, _ client: Client, _ status: CallStatus, arrived: String, answered: String? = nil,
                     ended: String? = nil, done: String? = nil, by operatorID: Int64? = nil) -> Call {
        Call(id: id, clientID: client.id, from: nil, status: status, arrivedAt: at(arrived),
             answeredAt: answered.map(at), endedAt: ended.map(at), doneAt: done.map(at), operatorID: operatorID)
    }

    static let calls: [Call] = [
        call(1, martin, .done, arrived: "2026-11-23T08:30:00", answered: "2026-11-23T08:30:10",
             ended: "2026-11-23T08:33:10", done: "2026-11-23T08:34:00", by: 1),
        call(2, martin, .done, arrived: "2026-11-23T09:00:00", answered: "2026-11-23T09:00:30",
             ended: "2026-11-23T09:05:30", done: "2026-11-23T09:06:00", by: 2),
        call(3, martin, .abandoned, arrived: "2026-11-23T09:10:00", ended: "2026-11-23T09:11:00"),
        call(4, martin, .closed, arrived: "2026-11-23T07:30:00"),
        call(5, martin, .waiting, arrived: "2026-11-23T09:58:00"),
        call(6, martin, .answered, arrived: "2026-11-23T09:59:20", answered: "2026-11-23T09:59:35", by: 1),
        call(7, dubois, .done, arrived: "2026-11-23T09:30:00", answered: "2026-11-23T09:30:05",
             ended: "2026-11-23T09:34:05", done: "2026-11-23T09:35:00", by: 2),
        call(8, dubois, .waiting, arrived: "2026-11-23T09:59:50"),
        call(9, dubois, .wrapUp, arrived: "2026-11-23T09:50:00", answered: "2026-11-23T09:50:03",
             ended: "2026-11-23T09:58:00", by: 5),
    ]

    static let presences: [OperatorPresence] = [
        OperatorPresence(operatorID: 1, state: .onCall, since: at("2026-11-23T09:59:35"), callID: 6),
        OperatorPresence(operatorID: 2, state: .available, since: at("2026-11-23T09:40")),
        OperatorPresence(operatorID: 3, state: .paused, since: at("2026-11-23T09:45")),
        OperatorPresence(operatorID: 5, state: .wrapUp, since: at("2026-11-23T09:58"), callID: 9),
    ]

    static let figures = SupervisorFigures.compute(
        day: try! LocalDate(parsing: "2026-11-23"), now: now, clients: [martin, dubois, dumont], calls: calls,
        operators: operators, presences: presences, serviceCalendar: calendar)

    static let sophie = operators[5]

    static func state(width: Int = 120, height: Int = 40, language: Language = .en, now: Date = now) -> WallboardState {
        var state = WallboardState(width: width, height: height, language: language, user: sophie, now: now)
        _ = updateWallboard(&state, .figuresLoaded(figures))
        return state
    }
}
