import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

/// The week grid drawn into the buffer, as literal lines, at 80 and 200 columns.
@Suite("The agenda on screen")
struct AgendaScreenTests {
    func agendaState(width: Int, height: Int, language: Language = .en) -> AppState {
        var state = Fixture.state(width: width, height: height, language: language)
        _ = update(&state, .key(.character("4")))
        return state
    }

    /// The agenda pane's columns of each screen line (the right-hand pane of the full layout).
    func pane(_ screen: ScreenBuffer, x: Int) -> [String] {
        screen.lines.map { String($0.dropFirst(x)) }
    }

    @Test func weekAt80ColumnsAsText() {
        let lines = render(agendaState(width: 80, height: 24)).lines
        #expect(Array(lines[1...21]) == [
            "┏━ 4/4 Agenda — Dr Claire Martin — week 48 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
            "┃      Mon 23/11   Tue 24/11   Wed 25/11   Thu 26/11   Fri 27/11   Sat 28/11   ┃",
            "┃09:00 -           Jean Dupont                                                 ┃",
            "┃09:15 -                                                                       ┃",
            "┃09:30 -                                                                       ┃",
            "┃09:45 -                                                                       ┃",
            "┃10:00▸Marie Lefè…                                                             ┃",
            "┃10:15 │                                                                       ┃",
            "┃10:30                                                                         ┃",
            "┃10:45                                                                         ┃",
            "┃11:00                                                                         ┃",
            "┃11:15                         Paul Roux                                       ┃",
            "┃11:30                         │                                               ┃",
            "┃11:45                         │                                               ┃",
            "┃12:00 ·           ·           ·           ·           ·           ·           ┃",
            "┃12:15 ·           ·           ·           ·           ·           ·           ┃",
            "┃12:30 ·           ·           ·           ·           ·           ·           ┃",
            "┃12:45 ·           ·           ·           ·           ·           ·           ┃",
            "┃13:00 ·           ·           ·           ·           ·           ·           ┃",
            "┃13:15 ·           ·           ·           ·           ·           ·           ┃",
            "┃Mon 23/11 10:00-10:20 · Marie Lefèvre · Consultation                          ┃",
        ])
        #expect(lines[23].hasPrefix(" Enter Book / show  f Next free slot  m Move  x Cancel appt."))
    }

    @Test func weekAt200ColumnsNamesDaysInFullAndTypesUnderNames() {
        let lines = pane(render(agendaState(width: 200, height: 60)), x: 83)
        #expect(lines[24] == "┏━ 4 Agenda — Dr Claire Martin — week 48 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓")
        #expect(Array(lines[25...37]) == [
            "┃      Monday 23/11       Tuesday 24/11     Wednesday 25/11   Thursday 26/11    Friday 27/11      Saturday 28/11    ┃",
            "┃09:00 -                  Jean Dupont                                                                               ┃",
            "┃09:15 -                                                                                                            ┃",
            "┃09:30 -                                                                                                            ┃",
            "┃09:45 -                                                                                                            ┃",
            "┃10:00▸Marie Lefèvre                                                                                                ┃",
            "┃10:15 Consultation                                                                                                 ┃",
            "┃10:30                                                                                                              ┃",
            "┃10:45                                                                                                              ┃",
            "┃11:00                                                                                                              ┃",
            "┃11:15                                      Paul Roux                                                               ┃",
            "┃11:30                                      Première consult…                                                       ┃",
            "┃11:45                                      │                                                                       ┃",
        ])
        #expect(lines[46] == "┃14:00                                                        Formation                           ·                 ┃")
        #expect(lines[57] == "┃Mon 23/11 10:00-10:20 · Marie Lefèvre · Consultation                                                               ┃")
    }

    @Test func rolesMarkAppointmentsClosedTimeAbsenceTodayNowAndTheCursor() {
        let screen = render(agendaState(width: 200, height: 60))
        let lines = pane(screen, x: 83)
        /// The role at `text` in the agenda pane.
        func role(_ text: String) -> StyleRole? {
            for (y, line) in lines.enumerated() where y > 24 {
                guard let range = line.range(of: text) else { continue }
                return screen[83 + line.distance(from: line.startIndex, to: range.lowerBound), y].role
            }
            return nil
        }
        #expect(role("Marie Lefèvre") == .agendaCursor, "the cursor starts on now's slot")
        #expect(role("Consultation") == .agendaCursor, "the appointment there is selected whole")
        #expect(role("Première consult") == .appointment(4), "the type's colour, below the name")
        #expect(role("Jean Dupont") == .appointment(3))
        #expect(role("Paul Roux") == .appointment(4))
        #expect(role("Formation") == .agendaAbsence)
        #expect(role("Monday 23/11") == .agendaToday)
        #expect(role("Tuesday 24/11") == .heading)
        #expect(role("10:00▸") == .agendaNow)
        #expect(role("11:00") == .normal)
        #expect(role("11:15") == .dim)
        #expect(role("·") == .agendaClosed, "12:00 is lunch")
        #expect(screen[90, 27].role == .agendaClosed, "Monday 09:15 is free but gone by: shown apart")
        #expect(screen[90, 32].role == .agendaFree, "Monday 10:30 is free")
    }

    @Test func aHolidayIsNarrowAndNamedInFrench() {
        var state = agendaState(width: 80, height: 24, language: .fr)
        _ = update(&state, .weekLoaded(agendaID: 1, Fixture.grid("2026-12-21", entries: [], absences: [])))
        #expect(state.agenda.grid?.monday == (try! LocalDate(parsing: "2026-11-23")), "a week not asked for is ignored")
        _ = update(&state, .key(.character("g")))
        for c in "25/12" { _ = update(&state, .key(.character(c))) }
        #expect(update(&state, .key(.enter)) == [.loadWeek(Fixture.agenda, try! LocalDate(parsing: "2026-12-21"))])
        _ = update(&state, .weekLoaded(agendaID: 1, Fixture.grid("2026-12-21", entries: [], absences: [])))
        let lines = render(state).lines
        #expect(lines[1].contains("semaine 52"))
        #expect(Array(lines[2...5]) == [
            "┃      lun. 21/12   mar. 22/12   mer. 23/12   jeu. 24/12   25/12   sam. 26/12  ┃",
            "┃09:00                                                     férié               ┃",
            "┃09:15                                                     Noël                ┃",
            "┃09:30                                                                         ┃",
        ])
        #expect(lines[15] == "┃12:00 ·            ·            ·            ·                    ·           ┃")
        #expect(lines[21] == "┃ven. 25/12 · férié — Noël                                                     ┃")
    }

    @Test func aMoveDrawsTheAppointmentWhereItWouldGo() {
        var state = agendaState(width: 80, height: 24)
        _ = update(&state, .key(.character("m")))
        _ = update(&state, .key(.character("j")))
        _ = update(&state, .key(.character("j")))
        let screen = render(state)
        #expect(Array(screen.lines[7...10]) == [
            "┃10:00▸Marie Lefè…                                                             ┃",
            "┃10:15 │                                                                       ┃",
            "┃10:30 → Marie Lef                                                             ┃",
            "┃10:45 │                                                                       ┃",
        ])
        #expect(screen.role(of: "→ Marie") == .agendaCursor)
        #expect(screen.lines[21].hasPrefix("┃Moving Marie Lefèvre (20 min): Enter moves it here, Esc cancels"))
    }
}
