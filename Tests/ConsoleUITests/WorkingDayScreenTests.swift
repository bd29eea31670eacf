import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

// Issue 13, the screen at every size: statuses, help, long sentences, the queue, text fields.

/// The screen's rows joined by spaces, with the pane borders and runs of spaces removed: a
/// sentence wrapped over two rows reads as one.
func flowing(_ screen: ScreenBuffer) -> String {
    screen.lines.map { $0.filter { !"│┃".contains($0) } }.joined(separator: " ")
        .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
}

@Suite("Every status at every width (issue 13, point 3)")
struct CallerCardStatusTests {
    static func card(width: Int, height: Int, notes: String = "") -> AppState {
        var state = Fixture.answered(width: width, height: height)
        var marie = Fixture.marie
        marie.notes = notes
        _ = update(&state, .contactOpened(marie, ContactHistory(appointments: [
            .init(at: Fixture.at("2026-12-01T09:00"), text: "Consultation — Dr Claire Martin", status: .appointment(.booked)),
            .init(at: Fixture.at("2026-11-30T09:00"), text: "Consultation — Dr Claire Martin", status: .appointment(.cancelled)),
            .init(at: Fixture.at("2026-11-16T09:00"), text: "Consultation — Dr Claire Martin", status: .appointment(.noShow)),
            .init(at: Fixture.at("2026-11-09T09:00"), text: "Consultation — Dr Claire Martin", status: .appointment(.booked)),
        ])))
        _ = update(&state, .key(.character("2")))
        return state
    }

    @Test(arguments: [(120, 40), (100, 30), (80, 24), (200, 60)])
    func eachAppointmentSaysItsStatusFirst(width: Int, height: Int) {
        let screen = render(Self.card(width: width, height: height))
        let lines = screen.lines
        for (word, role) in [("booked", StyleRole.success), ("cancelled", .warning), ("no-show", .urgent), ("done", .dim)] {
            #expect(lines.contains { $0.contains(word + " ") && $0.contains("09:00") }, "\(word) at \(width)x\(height):\n\(screen.text)")
            #expect(screen.role(of: word + " ") == role, "\(word)")
        }
    }

    @Test func aLongNoteIsWrappedNotCut() {
        let note = "Préfère être rappelée le matin, jamais après 18 heures ; sourde d'une oreille, parler lentement et fort."
        let screen = render(Self.card(width: 80, height: 24, notes: note))
        #expect(flowing(screen).contains("parler lentement et fort."), "\(screen.text)")
    }
}

@Suite("What is on screen follows every write (issue 13, point 4)")
struct StaleCardTests {
    /// True when `effects` read the caller's card again, without recording another view.
    static func refreshesCard(_ effects: [Effect]) -> Bool {
        effects.contains { $0 == .refreshContact(Fixture.marie.id) }
    }

    @Test func everyWriteReloadsTheCard() throws {
        var state = Fixture.answered()
        #expect(Self.refreshesCard(update(&state, .externalChange)), "another terminal wrote")
        let moved = Fixture.appointment(5, "2026-11-24T11:00", Fixture.consultation, "Marie Lefèvre")
        #expect(Self.refreshesCard(update(&state, .agenda(.moved(moved)))))
        #expect(Self.refreshesCard(update(&state, .agenda(.noShowMarked(moved)))))
        #expect(Self.refreshesCard(update(&state, .agenda(.cancelled(AgendaCancellation(
            appointment: moved, freed: DateInterval(start: moved.start, end: moved.end), matches: []))))))
        let message = try Message(id: 9, clientID: Fixture.martin.id, callerName: "Marie Lefèvre", callbackNumber: nil,
                                  text: "Rappeler", createdAt: Fixture.now)
        #expect(Self.refreshesCard(update(&state, .messageSaved(message))))
    }
}

@Suite("Help scrolls (issue 13, point 11)")
struct HelpScrollTests {
    @Test(arguments: [(80, 24), (100, 30), (40, 12)])
    func everyKeyOfTheAgendaHelpCanBeReached(width: Int, height: Int) {
        var state = Fixture.state(width: width, height: height)
        _ = update(&state, .key(.character("4")))
        _ = update(&state, .key(.character("?")))
        // Rows joined: a label wrapped at 40 columns reads whole.
        var seen = flowing(render(state))
        for _ in 0..<40 {
            _ = update(&state, .key(.down))
            seen += flowing(render(state))
        }
        for label in Keymap.bindings(for: .pane(.agenda)).map(\.label) + Keymap.bindings(for: .global).map(\.label) {
            #expect(seen.contains(label(.en)), "\(label(.en)) never shown at \(width)x\(height)")
        }
        #expect(state.overlay != nil, "still in the help")
    }
}

@Suite("Sentences never cut at the important part (issue 13, point 12)")
struct LongSentenceTests {
    static let refusal = "the slot is taken: Wednesday 25/11/2026 at 15:15 for 20 min overlaps Marie Lefèvre's Consultation at 15:00"

    @Test(arguments: [(80, 24), (120, 40)])
    func aLongMessageTakesTwoLines(width: Int, height: Int) {
        var state = Fixture.answered(width: width, height: height)
        _ = update(&state, .agenda(.refused(Self.refusal)))
        #expect(flowing(render(state)).contains(Self.refusal), "\(render(state).text)")
    }

    @Test(arguments: [Language.en, .fr])
    func theStatusLineKeepsTheClientAndTheTimerAt80Columns(language: Language) {
        var state = Fixture.answered(width: 80, height: 24, language: language)
        _ = update(&state, .agenda(.refused(Self.refusal)))
        let top = render(state).lines[0]
        #expect(top.contains("Cabinet du Dr Martin") && top.contains("01:23"), "\(top)")
    }

    /// Issue 14: a console on demo or generated data says so; at 80 columns the call's client
    /// and timer still come first.
    @Test(arguments: [Language.en, .fr])
    func trainingDataIsSaidOnTheStatusLine(language: Language) {
        var wide = Fixture.answered(width: 120, height: 40, language: language)
        #expect(!render(wide).lines[0].contains(language == .fr ? "DÉMO" : "DEMO"))
        wide.isTrainingData = true
        #expect(render(wide).lines[0].contains(language == .fr ? "DÉMO" : "DEMO"), "\(render(wide).lines[0])")
        var narrow = Fixture.answered(width: 80, height: 24, language: language)
        narrow.isTrainingData = true
        let top = render(narrow).lines[0]
        #expect(top.contains("Cabinet du Dr Martin") && top.contains("01:23"), "\(top)")
    }

    @Test(arguments: [Language.en, .fr])
    func aLongClientNameGivesWayToTheTimer(language: Language) {
        var state = Fixture.answered(width: 80, height: 24, language: language)
        var client = Fixture.martin
        client.name = "Cabinet de kinésithérapie et d'ostéopathie Dubois-Lefèvre"
        _ = update(&state, .contextLoaded(ClientContext(client: client, instructions: nil, agendas: [Fixture.agenda], types: [])))
        let top = render(state).lines[0]
        #expect(top.contains("☎ Cabinet de kin") && top.contains("01:23") && top.contains(language == .fr ? "2 en attente" : "2 waiting"),
                "\(top)")
    }
}

@Suite("The queue at every size (issue 13, point 13)")
struct QueueRoomTests {
    static let longName = "Cabinet de kinésithérapie Dubois et associés"

    @Test func theClientColumnUsesTheRoomThereIs() {
        var state = Fixture.state(width: 200, height: 60)
        var queue = Fixture.queue
        queue[2].clientName = Self.longName
        _ = update(&state, .queueLoaded(queue))
        #expect(render(state).text.contains(Self.longName), "\(render(state).text)")
    }

    @Test(arguments: [Language.en, .fr])
    func theWaitingCountIsAlwaysOnTheStatusLine(language: Language) {
        var state = Fixture.answered(width: 80, height: 24, language: language)
        _ = update(&state, .key(.character("4")))
        let top = render(state).lines[0]
        #expect(top.contains(language == .fr ? "2 en attente" : "2 waiting"), "\(top)")
    }

    @Test func aNewCallWhileBusyElsewhereIsSignalled() throws {
        var state = Fixture.answered(width: 80, height: 24)
        _ = update(&state, .key(.character("4")))
        var queue = Array(Fixture.queue.dropFirst())
        queue.append(QueueEntry(callID: 13, clientID: Fixture.martin.id, clientName: "Cabinet du Dr Martin",
                                from: try PhoneNumber("06 55 44 33 22"), contactName: nil, arrivedAt: Fixture.now, isUrgent: false))
        _ = update(&state, .queueLoaded(queue))
        #expect(render(state).text.contains("New call"), "\(render(state).text)")
    }
}

@Suite("Text fields edit as readline does (issue 13, point 17)")
struct TextFieldTests {
    @Test func arrowsHomeEndAndControlW() throws {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("M")))
        _ = type("Rappeler demain matin", into: &state)
        _ = update(&state, .key(.control("w")))
        #expect(try #require(messageForm(state)).reason == "Rappeler demain ")
        _ = update(&state, .key(.home))
        _ = type("À ", into: &state)
        _ = update(&state, .key(.end))
        _ = type("soir", into: &state)
        for _ in 0..<4 { _ = update(&state, .key(.left)) }
        _ = update(&state, .key(.backspace))
        _ = update(&state, .key(.right))
        _ = type("-", into: &state)
        #expect(try #require(messageForm(state)).reason == "À Rappeler demains-oir")
    }

    @Test func theNameSearchToo() {
        var state = Fixture.state()
        _ = update(&state, .key(.character("2")))
        _ = update(&state, .key(.character("/")))
        _ = type("lefvre", into: &state)
        for _ in 0..<3 { _ = update(&state, .key(.left)) }
        _ = type("e", into: &state)
        #expect(state.lookup.query == "lefevre")
        #expect(render(state).text.contains("lefe▏vre"), "the cursor is drawn where it is")
    }
}
