import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

/// The reports screen as text, on `ReportsFixture`'s week (the wallboard's Monday counted by
/// hand: offered 8, answered 5, abandoned 1, service 4 of 7 = 57 %).
@Suite("The wallboard's reports screen")
struct ReportsScreenTests {
    func lines(_ state: WallboardState) -> [String] { renderWallboard(state).lines }

    @Test func theWeekAt120x40InEnglish() {
        let state = ReportsFixture.state()
        let screen = lines(state)
        #expect(screen[0].hasPrefix(" Sophie Garnier · Supervision · Reports · Mon 23/11 10:00:00"))
        #expect(screen[1].hasPrefix("┌─ Week 2026-W48 · 23/11/2026 – 29/11/2026 · all clients ─"))
        #expect(screen[2].hasPrefix("│Offered 8   Answered 5   Abandoned 1 (13%)   Service 57%   ASA 00:13   Avg wait 00:21   P90 wait 01:00 "))
        #expect(screen[4].hasPrefix("│Offered     ███··················  max 8 "))
        #expect(screen[6].hasPrefix("│Service     ███··················  max 57% "))
        #expect(screen[8].hasPrefix("┌─ Busiest hours: calls offered (· 0  ░ ▒ ▓ █ 7) ─"))
        #expect(screen[9].hasPrefix("│     08 09 10 11 12 13 14 15 16 17 18 19 "))
        #expect(screen[10].hasPrefix("│Mon  ░░ ██ ·· ·· ·· ·· ·· ·· ·· ·· ·· ·· "))
        #expect(screen[15].hasPrefix("│Sat  ·· ·· "))
        #expect(screen[17].hasPrefix("┌─ Clients over the period, and the month's plan 11/2026 (in progress) ─"))
        #expect(screen[19] == "│Cabinet du Dr Martin               5      40%  412/300 +112     "
                + String(repeating: "█", count: 29) + String(repeating: "▓", count: 11) + " over plan    │")
        #expect(screen[20].hasPrefix("│Kiné Dubois                        3     100%  120/200          "
                + String(repeating: "█", count: 24) + String(repeating: "░", count: 16) + " "))
        #expect(screen[21].hasPrefix("│Étude de Maître Dumont             0        -  0/100            ░░░░"))
        #expect(screen[39].hasPrefix(" [ Prev. period  ] Next period  d Day  w Week  m Month  c Next client  r Reports / live  ? Help "))
    }

    @Test func theWeekAt80x24InFrench() {
        let screen = lines(ReportsFixture.state(width: 80, height: 24, language: .fr))
        #expect(screen.count == 24 && screen.allSatisfy { DisplayWidth.of($0) == 80 })
        #expect(screen[1].hasPrefix("┌─ Semaine 2026-W48 · 23/11/2026 – 29/11/2026 · tous les clients ─"))
        #expect(screen[2] == "│Reçus 8   Répondus 5   Perdus 1 (13%)   Service 57%   Décroché moy. 00:13     │")
        #expect(screen[3] == "│Att. moy. 00:21   Att. P90 01:00   Conv. moy. 04:59   Fin d'appel moy. 00:45  │")
        #expect(screen[4] == "│Reçus       ███··················  max 8                                      │")
        #expect(screen[6].hasPrefix("┌─ Heures chargées : appels reçus (· 0  ░ ▒ ▓ █ 7) ─"))
        #expect(screen[8] == "│lun. ░░ ██ ·· ·· ·· ·· ·· ·· ·· ·· ·· ··                                      │")
        #expect(screen[15].hasPrefix("┌─ Clients sur la période, et forfait du mois 11/2026 (en cours) ─"))
        #expect(screen[17] == "│Cabinet du Dr Mart…       5      40%  412/300 +112     ███████▓▓▓ hors forfait│")
        #expect(screen[18] == "│Kiné Dubois               3     100%  120/200          ██████░░░░             │")
        #expect(screen[23].hasPrefix(" [ Période préc.  ] Période suiv.  d Jour  w Semaine  m Mois"))
    }

    @Test func theWeekAt120x40InFrenchAnd80x24InEnglish() {
        let french = renderWallboard(ReportsFixture.state(language: .fr)).text
        #expect(french.contains("│Reçus 8   Répondus 5   Perdus 1 (13%)   Service 57%   Décroché moy. 00:13   Att. moy. 00:21   Att. P90 01:00"))
        #expect(french.contains("412/300 +112"))
        #expect(french.contains("hors forfait"))
        #expect(french.contains("│sam. ·· ··"))
        #expect(french.contains("r Rapports / direct  ? Aide"))
        let english = lines(ReportsFixture.state(width: 80, height: 24, language: .en))
        #expect(english[2] == "│Offered 8   Answered 5   Abandoned 1 (13%)   Service 57%   ASA 00:13          │")
        #expect(english[17].hasPrefix("│Cabinet du Dr Mart…       5      40%  412/300 +112     "))
        #expect(english[17].contains("over plan"))
    }

    /// Over the plan is said in figures and drawn in another character, not only in the
    /// warning colour: a monochrome terminal reads the same.
    @Test func overThePlanIsNotColourAlone() {
        let buffer = renderWallboard(ReportsFixture.state())
        #expect(buffer.role(of: "▓▓▓") == .warning)
        #expect(buffer.role(of: "+112") == .warning)
        #expect(buffer.text.contains("412/300 +112"))
        #expect(!buffer.text.contains("120/200 +"))
    }

    @Test func keysChangeThePeriodTheSpanAndTheClient() {
        var state = ReportsFixture.state()
        #expect(state.reports.request.days.from.description == "2026-11-23")
        #expect(updateWallboard(&state, .key(.character("["))) == [.loadReport(ReportsRequest(span: .week, anchor: try! LocalDate(parsing: "2026-11-16")))])
        _ = updateWallboard(&state, .reportLoaded(ReportsFixture.data(state.reports.request)))
        // The Tuesday before: two answered calls at Kiné Dubois, at 09:00.
        var text = renderWallboard(state).text
        #expect(text.contains("Week 2026-W47 · 16/11/2026 – 22/11/2026 · all clients"))
        #expect(text.contains("│Offered 2   Answered 2   Abandoned 0 (0%)   Service 50%   ASA 00:30"))
        #expect(text.contains("│Tue  ·· ██ ··"))

        let effects = updateWallboard(&state, .key(.character("d")))
        #expect(effects == [.loadReport(ReportsRequest(span: .day, anchor: try! LocalDate(parsing: "2026-11-16")))])
        _ = updateWallboard(&state, .key(.character("t")))
        _ = updateWallboard(&state, .key(.character("c")))
        #expect(state.reports.request == ReportsRequest(span: .day, anchor: try! LocalDate(parsing: "2026-11-23"),
                                                         client: WallboardFixture.martin.id))
        _ = updateWallboard(&state, .reportLoaded(ReportsFixture.data(state.reports.request)))
        text = renderWallboard(state).text
        #expect(text.contains("Day Mon 23/11 · Cabinet du Dr Martin"))
        // A day is cut by hour: 24 hours, three characters each; one call at 08:00, four at 09:00.
        #expect(text.contains("│Offered     " + String(repeating: "·", count: 24) + "▂▂▂███" + String(repeating: "·", count: 42) + "  max 4"))
        #expect(!text.contains("Kiné Dubois"))
        _ = updateWallboard(&state, .key(.character("C")))
        #expect(state.reports.request.client == nil)
        #expect(updateWallboard(&state, .key(.character("m"))).count == 1)
        #expect(state.reports.request.days.from.description == "2026-11-01")
        #expect(state.reports.request.days.to.description == "2026-11-30")
    }

    @Test func aLateAnswerToAnEarlierRequestIsDropped() {
        var state = ReportsFixture.state()
        let shown = state.reports.data
        _ = updateWallboard(&state, .key(.character("]")))
        _ = updateWallboard(&state, .reportLoaded(ReportsFixture.data(ReportsRequest(span: .week, anchor: try! LocalDate(parsing: "2026-11-02")))))
        #expect(state.reports.data == shown)
    }

    @Test func rSwitchesBetweenLiveAndReports() {
        var state = WallboardFixture.state()
        #expect(renderWallboard(state).text.contains("Clients today"))
        let effects = updateWallboard(&state, .key(.character("r")))
        #expect(effects == [.loadReport(ReportsRequest(span: .week, anchor: try! LocalDate(parsing: "2026-11-23")))])
        #expect(renderWallboard(state).text.contains("Counting the report…"))
        #expect(updateWallboard(&state, .key(.character("r"))) == [.loadFigures])
        #expect(state.mode == .live)
        #expect(renderWallboard(state).text.contains("Clients today"))
        // On the live screen the reports' keys do nothing.
        #expect(updateWallboard(&state, .key(.character("["))).isEmpty)
    }

    @Test func helpListsTheReportsKeysFromTheKeymap() {
        var state = ReportsFixture.state()
        _ = updateWallboard(&state, .key(.character("?")))
        let text = renderWallboard(state).text
        for binding in Keymap.bindings(for: .reports) + Keymap.bindings(for: .wallboard) {
            #expect(text.contains(binding.label(.en)), "\(binding.action)")
        }
    }
}
