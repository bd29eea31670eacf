import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

@Suite("Screens drawn into the buffer")
struct ScreenTests {
    @Test func fullLayoutAt120x40ShowsTheFourPanes() {
        let screen = render(Fixture.state())
        let text = screen.text
        #expect(screen.lines[0].hasPrefix(" Claire Dubois · available · Mon 23/11 10:00:00"))
        for title in ["1 Call queue (3)", "2 Caller", "3 Instructions — Cabinet du Dr Martin", "4 Agenda — Dr Claire Martin — week 48"] {
            #expect(text.contains(title), "missing pane title \(title)")
        }
        #expect(text.contains("02:00 Cabinet du Dr Martin"))
        #expect(text.contains("02:00 Cabinet du Dr Martin  Marie Lefèvre"))
        #expect(text.contains("00:40 Cabinet du Dr Martin  07 11 22 33 44"))
        #expect(text.contains("« Cabinet du Dr Martin, Claire à l'appareil, bonjour. »"))
        #expect(text.contains("Mon 23/11  Tue 24/11  Wed 25/11 Thu 26/11 Fri 27/11 Sat 28/11"))
        #expect(text.contains("10:00▸Marie Lef…"))
        #expect(screen.lines[39].contains("a Answer"))
    }

    @Test func queueRowsAsTextAt120x40() {
        let lines = render(Fixture.state()).lines
        #expect(lines[1].hasPrefix("┏━ 1 Call queue (3) ━"))
        #expect(lines[2].hasPrefix("┃02:00 Cabinet du Dr Martin  Marie Lefèvre       ┃│« Cabinet du Dr Martin"))
        #expect(lines[3].hasPrefix("┃00:40 Cabinet du Dr Martin  07 11 22 33 44      ┃│version 2 · 01/09/2026"))
        #expect(lines[4].hasPrefix("┃00:05 Kiné Dubois           withheld number     ┃│"))
    }

    @Test func answeredCallShowsTheCallerAndTheOwnCallOnTop() {
        let screen = render(Fixture.answered())
        let text = screen.text
        #expect(screen.lines[0].contains("on a call"))
        #expect(screen.lines[0].contains("☎ Cabinet du Dr Martin 01:23"))
        #expect(text.contains("► ON CALL 01:23  Marie Lefèvre — Cabinet du Dr …"))
        #expect(text.contains("Phone: 06 12 34 56 78"))
        #expect(text.contains("Notes: Préfère être rappelée le matin."))
        #expect(text.contains("01/12/2026 09:00  Consultation — Dr Claire Ma…"))
        #expect(screen.role(of: "► ON CALL") == .ownCall)
    }

    @Test func waitTimeColourChangesAtThresholds() {
        let screen = render(Fixture.state())
        #expect(screen.role(of: "02:00 ") == .waitLate)
        #expect(screen.role(of: "00:40 ") == .waitWarn)
        #expect(screen.role(of: "00:05 ") == .waitOK)
    }

    @Test func focusedPaneHasADistinctBorder() {
        var state = Fixture.state()
        #expect(render(state).role(of: "━ 1 Call queue") == .borderFocused)
        _ = update(&state, .key(.tab))
        let screen = render(state)
        #expect(screen.role(of: "─ 1 Call queue") == .border)
        #expect(screen.text.contains("┏━ 2 Caller"))
    }

    @Test func at80x24OnePaneFillsTheScreenAndTabCycles() {
        var state = Fixture.state(width: 80, height: 24)
        var screen = render(state)
        #expect(screen.lines[1].hasPrefix("┏━ 1/4 Call queue (3) ━"))
        #expect(screen.lines[1].hasSuffix("┓"))
        #expect(!screen.text.contains("Instructions"))
        #expect(screen.lines[2].hasPrefix("┃02:00 Cabinet du Dr Martin"))
        for (title, next) in [("2/4 Caller", Key.tab), ("3/4 Instructions", .tab), ("4/4 Agenda", .tab), ("1/4 Call queue", .tab)] {
            _ = update(&state, .key(next))
            screen = render(state)
            #expect(screen.lines[1].contains(title))
        }
        _ = update(&state, .key(.character("4")))
        screen = render(state)
        #expect(screen.lines[1].contains("4/4 Agenda"))
        #expect(screen.text.contains("Mon 23/11"))
    }

    @Test func agendaAt80ColumnsIsReadable() {
        var state = Fixture.state(width: 80, height: 24)
        _ = update(&state, .key(.character("4")))
        let lines = render(state).lines
        #expect(lines[2].contains("Mon 23/11"))
        #expect(lines[2].contains("Sat 28/11"))
        #expect(lines.contains { $0.contains("10:00▸Marie Lefè…") })
        #expect(lines.contains { $0.contains("12:00 ·") })
    }

    @Test func tooSmallTerminalShowsAMessageOnly() {
        let state = Fixture.state(width: 39, height: 11)
        let screen = render(state)
        #expect(screen.text.contains("Terminal too small"))
        #expect(screen.text.contains("39×11 < 40×12"))
        #expect(!screen.text.contains("Call queue"))
        let tiny = render(Fixture.state(width: 10, height: 3))
        #expect(tiny.lines.count == 3)
        #expect(tiny.lines.allSatisfy { DisplayWidth.of($0) == 10 })
    }

    @Test func frenchScreen() {
        let screen = render(Fixture.answered(language: .fr))
        let text = screen.text
        #expect(screen.lines[0].hasPrefix(" Claire Dubois · en ligne · lun. 23/11 10:01:23"))
        for expected in ["1 Appels en attente (2)", "2 Appelant", "3 Consignes", "4 Agenda", "semaine 48",
                         "lun 23/11  mar 24/11", "sam 28/11", "► EN LIGNE 01:23", "Tél. : 06 12 34 56 78", "Rendez-vous à venir",
                         "Questions fréquentes", "Avis médical demandé ? Dites : « Je ne peux pas", "Répondre"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test func englishScreen() {
        let text = render(Fixture.answered(language: .en)).text
        for expected in ["1 Call queue (2)", "2 Caller", "3 Instructions", "week 48", "Mon 23/11  Tue 24/11",
                         "► ON CALL 01:23", "Phone: 06 12 34 56 78", "Upcoming appointments", "FAQ", "Asked for medical advice? Say: « Je ne peux pas", "Answer"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test func helpListsEveryKeyOfThePaneAndTheGlobalOnes() {
        var state = Fixture.state()
        _ = update(&state, .key(.character("2")))
        _ = update(&state, .key(.character("?")))
        let text = render(state).text
        #expect(text.contains("Help — keys"))
        for binding in Keymap.bindings(for: .pane(.lookup)) + Keymap.bindings(for: .global) {
            #expect(text.contains(binding.label(.en)), "help misses \(binding.action)")
        }
        _ = update(&state, .key(.escape))
        #expect(!render(state).text.contains("Help — keys"))
    }

    @Test func wideCharactersAreCutByDisplayWidth() {
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("中") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.prefix("中文字", columns: 5) == "中文")
        #expect(DisplayWidth.prefix("Lefèvre", columns: 4, ellipsis: true) == "Lef…")
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.write("a中b文c", x: 0, y: 0)
        #expect(buffer.lines[0] == "a中b文")
        #expect(buffer[1, 0].isLead && !buffer[2, 0].isLead)
    }
}
