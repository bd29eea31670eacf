import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

@Suite("Keys and actions")
struct UpdateTests {
    @Test func answerAsksForTheNextCallFromAnyPane() {
        for pane in ["1", "2", "3", "4"] {
            var state = Fixture.state()
            _ = update(&state, .key(.character(Character(pane))))
            #expect(update(&state, .key(.character("a"))) == [.claimNextCall])
        }
    }

    @Test func answeringLooksTheCallerUpByNumber() {
        var state = Fixture.state()
        let effects = update(&state, .callClaimed(ActiveCall(callID: 10, clientID: Fixture.martin.id,
                                                            from: try! PhoneNumber("+33612345678"), answeredAt: Fixture.now)))
        #expect(effects.contains(.lookupCaller(try! PhoneNumber("06 12 34 56 78"), Fixture.martin.id)))
        #expect(state.focus == .lookup)
        let opened = update(&state, .callerMatched(try! PhoneNumber("06 12 34 56 78"), [Fixture.marie]))
        #expect(opened == [.openContact(Fixture.marie)])
    }

    @Test func unknownCallerIsMarkedAndNPrefillsTheNumber() {
        var state = Fixture.state()
        let number = try! PhoneNumber("07 11 22 33 44")
        _ = update(&state, .callClaimed(ActiveCall(callID: 11, clientID: Fixture.martin.id, from: number, answeredAt: Fixture.now)))
        _ = update(&state, .callerMatched(number, []))
        #expect(render(state).text.contains("Unknown caller — n to create a contact"))
        _ = update(&state, .key(.character("n")))
        guard case .newContact(let form) = state.overlay else {
            Issue.record("n did not open the form")
            return
        }
        #expect(form.phone == "07 11 22 33 44")
        for c in "Dupont" { _ = update(&state, .key(.character(c))) }
        _ = update(&state, .key(.tab))
        for c in "Élise" { _ = update(&state, .key(.character(c))) }
        let effects = update(&state, .key(.enter))
        guard case .addContact(let contact) = effects.first else {
            Issue.record("Enter did not save: \(effects)")
            return
        }
        #expect(contact.displayName == "Élise Dupont")
        #expect(contact.phones == [number])
    }

    @Test func slashSearchesByNameAtEachKeystrokeAndDigitsAreTyped() {
        var state = Fixture.state()
        _ = update(&state, .key(.character("2")))
        _ = update(&state, .key(.character("/")))
        #expect(state.isTyping)
        var last: [Effect] = []
        for c in "lefe" { last = update(&state, .key(.character(c))) }
        #expect(last == [.searchContacts("lefe", Fixture.martin.id)])
        // While typing, 3 is text, not "jump to pane 3".
        _ = update(&state, .key(.character("3")))
        #expect(state.focus == .lookup)
        #expect(state.lookup.query == "lefe3")
        _ = update(&state, .key(.backspace))
        _ = update(&state, .searchResults(query: "lefe", [Fixture.marie]))
        #expect(render(state).text.contains("Lefèvre Marie"))
        #expect(update(&state, .key(.enter)) == [.openContact(Fixture.marie)])
        #expect(!state.isTyping)
    }

    @Test func aFullListOfResultsAsksForMoreLetters() {
        var state = Fixture.state()
        _ = update(&state, .key(.character("2")))
        _ = update(&state, .key(.character("/")))
        for c in "ma" { _ = update(&state, .key(.character(c))) }
        _ = update(&state, .searchResults(query: "ma", [Fixture.marie]))
        #expect(!render(state).text.contains("type more of the name"))
        _ = update(&state, .searchResults(query: "ma", Array(repeating: Fixture.marie, count: LookupState.searchLimit)))
        #expect(render(state).text.contains("More contacts match: type more of the name."))
    }

    @Test func theSelectedResultStaysInSightBelowThePane() throws {
        var state = Fixture.state(width: 80, height: 24)
        _ = update(&state, .key(.character("2")))
        _ = update(&state, .key(.character("/")))
        for c in "ma" { _ = update(&state, .key(.character(c))) }
        let names = try (1...LookupState.searchLimit).map {
            try Contact(id: Int64($0), clientID: Fixture.martin.id, lastName: "Martin\($0)", firstName: "Anne", phones: [])
        }
        _ = update(&state, .searchResults(query: "ma", names))
        #expect(render(state).text.contains("Martin1 Anne"))
        for _ in 1..<LookupState.searchLimit { _ = update(&state, .key(.down)) }
        #expect(state.lookup.selection == LookupState.searchLimit - 1)
        let screen = render(state).text
        #expect(screen.contains("Martin\(LookupState.searchLimit) Anne"), "the last name, selected, is on screen")
        #expect(!screen.contains("Martin1 Anne"), "the list scrolled")
    }

    @Test func staleSearchResultsAreIgnored() {
        var state = Fixture.state()
        _ = update(&state, .key(.character("2")))
        _ = update(&state, .key(.character("/")))
        for c in "lefev" { _ = update(&state, .key(.character(c))) }
        _ = update(&state, .searchResults(query: "le", [Fixture.marie, Fixture.marie]))
        #expect(state.lookup.results.isEmpty)
    }

    @Test func quitAsksFirstDuringACall() {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("q")))
        #expect(state.overlay == .confirmQuit)
        #expect(state.isRunning)
        _ = update(&state, .key(.character("n")))
        #expect(state.isRunning && state.overlay == nil)
        _ = update(&state, .key(.character("q")))
        _ = update(&state, .key(.character("y")))
        #expect(!state.isRunning)

        var idle = Fixture.state()
        _ = update(&idle, .key(.character("q")))
        #expect(!idle.isRunning)
    }

    @Test func pausedOperatorCannotAnswer() {
        var state = Fixture.state()
        #expect(update(&state, .key(.character("p"))) == [.setPresence(.paused)])
        _ = update(&state, .presenceChanged(.paused))
        #expect(update(&state, .key(.character("a"))).isEmpty)
        #expect(state.flash?.text == "Paused: p to become available.")
    }

    @Test func endOfCallPicksAnOutcomeWithOneKeyThenANote() {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("e")))
        _ = update(&state, .key(.character("4")))
        #expect(state.overlay == .endCall(outcome: .message, note: ""))
        for c in "rappel 14h" { _ = update(&state, .key(.character(c))) }
        #expect(update(&state, .key(.enter)) == [.finishCall(10, .message, "rappel 14h")])
        _ = update(&state, .callFinished)
        #expect(state.call == nil && state.presence == .available)
    }

    @Test func instructionsFindMovesToTheMatch() {
        var state = Fixture.state(width: 80, height: 24)
        _ = update(&state, .key(.character("3")))
        _ = update(&state, .key(.character("/")))
        for c in "PARKING" { _ = update(&state, .key(.character(c))) }
        _ = update(&state, .key(.enter))
        let screen = render(state)
        #expect(screen.role(of: "Parking : rue Servan") == .searchMatch)
    }

    @Test func agendaCursorMovesBySlotPastAppointmentsAndByDayAndChangesWeek() {
        var state = Fixture.state()
        _ = update(&state, .key(.character("4")))
        #expect(state.agenda.cursorMinute == 600, "on Marie Lefèvre's appointment, 10:00-10:20")
        _ = update(&state, .key(.character("j")))
        #expect(state.agenda.cursorMinute == 630, "past the appointment's two rows in one step")
        _ = update(&state, .key(.character("j")))
        #expect(state.agenda.cursorMinute == 645, "free time goes slot by slot")
        _ = update(&state, .key(.character("k")))
        _ = update(&state, .key(.character("k")))
        #expect(state.agenda.cursorMinute == 615, "back onto the appointment, by its last row")
        _ = update(&state, .key(.character("k")))
        #expect(state.agenda.cursorMinute == 585, "and past it")
        _ = update(&state, .key(.character("j")))
        _ = update(&state, .key(.right))
        #expect(state.agenda.cursorDay == 1)
        let effects = update(&state, .key(.character("]")))
        #expect(effects == [.loadWeek(Fixture.agenda, try! LocalDate(parsing: "2026-11-30"))])
        _ = update(&state, .key(.character("t")))
        #expect(state.agenda.monday == (try! LocalDate(parsing: "2026-11-23")))
        _ = update(&state, .weekLoaded(agendaID: Fixture.agenda.id, Fixture.grid()))
        #expect(render(state).role(of: "Mon 23/11  Tue") == .agendaToday)
    }

    @Test func everyKeyIsHandledThroughTheKeymap() {
        // No two bindings of one scope share a key.
        for scope in [Scope.global] + PaneID.allCases.map(Scope.pane) {
            let keys = Keymap.bindings(for: scope).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(scope)")
        }
    }
}

@Suite("Themes and language")
struct ThemeTests {
    @Test func themeFilesNameEveryRoleAndParse() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes")
        for name in ["default", "high-contrast", "monochrome"] {
            let path = folder.appendingPathComponent("\(name).theme").path
            let theme = try Theme(name: name, text: String(contentsOfFile: path, encoding: .utf8), file: path)
            for role in StyleRole.allCases {
                #expect(theme.styles[role] != nil, "\(name) does not style \(role.rawValue)")
            }
            if name == "monochrome" {
                #expect(theme.styles.values.allSatisfy { !$0.usesColour })
            }
        }
    }

    @Test func brokenThemeNamesTheFileLineAndKey() {
        #expect(throws: Theme.LoadError(description: "mine.theme:3: 'border': unknown colour or attribute 'purple'")) {
            try Theme(name: "mine", text: "# mine\nnormal = default\nborder = purple\n", file: "mine.theme")
        }
        #expect(throws: Theme.LoadError(description: "mine.theme:1: unknown role 'borders'")) {
            try Theme(name: "mine", text: "borders = blue", file: "mine.theme")
        }
    }

    @Test func languageFromTheEnvironment() {
        #expect(Language.from(environment: ["LANG": "fr_FR.UTF-8"]) == .fr)
        #expect(Language.from(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"]) == .en)
        #expect(Language.from(environment: ["LC_MESSAGES": "fr_BE"]) == .fr)
        #expect(Language.from(environment: [:]) == .en)
    }

    @Test func catalogueHasBothLanguages() {
        for key in Text.allCases {
            #expect(Text.table[key] != nil, "\(key) missing from the catalogue")
        }
    }
}
