import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

/// Every pane and every window, drawn in French and in English: none shows the other
/// language's status words, nor the database's raw words, nor the other language's key names.
@Suite("One language per screen")
struct LanguageTests {
    /// The words that must never show in `language`'s screens.
    static func foreignWords(on language: Language) -> [String] {
        let other: Language = language == .fr ? .en : .fr
        let statuses: [Text] = [
            .statusBooked, .statusCancelled, .statusNoShow, .statusNew, .statusTransmitted, .statusAcknowledged,
            .presenceAvailable, .presenceOnCall, .presencePaused, .outcomeBooked, .outcomeMoved, .outcomeCancelled,
            .outcomeMessage, .outcomeInformation, .outcomeTransferred, .callStatusAnswered, .callAbandoned, .callDone,
            .callbackOutcomeReached, .callbackOutcomeNoAnswer, .callbackOutcomeVoicemail, .agendaFree, .agendaPast,
            .agendaClosed, .agendaAway, .waitingListAnyTime,
        ]
        var words = statuses.map { $0(other) }
        let keys: [Key] = [.enter, .escape, .character(" ")]
        words += keys.map { $0.label(other) }
        if language == .fr {
            // What the database stores, never shown as such.
            // (`message` is a French word too.)
            words += (CallStatus.allCases.map(\.rawValue) + CallOutcome.allCases.map(\.rawValue)
                + MessageStatus.allCases.map(\.rawValue) + ["no-show", "booked"]).filter { $0 != "message" }
        } else {
            words += ["Phone :", "Email :", "Notes :", "mon-wed"]
        }
        // Words both languages share say nothing.
        let same = Set(Text.allCases.filter { $0(.fr) == $0(.en) }.map { $0(.fr) })
        return Array(Set(words).subtracting(same)).sorted()
    }

    static func contains(_ screen: String, word: String) -> Bool {
        let letters = CharacterSet.letters
        var range = screen.startIndex..<screen.endIndex
        while let found = screen.range(of: word, range: range) {
            let before = found.lowerBound == screen.startIndex ? nil : screen[screen.index(before: found.lowerBound)]
            let after = found.upperBound == screen.endIndex ? nil : screen[found.upperBound]
            let isLetter = { (c: Character?) in c.map { $0.unicodeScalars.allSatisfy(letters.contains) } ?? false }
            if !isLetter(before) && !isLetter(after) { return true }
            range = found.upperBound..<screen.endIndex
        }
        return false
    }

    /// Every screen of the console with `language`: each pane focused, each window open.
    static func screens(_ language: Language) -> [(String, String)] {
        var shots: [(String, String)] = []
        func shoot(_ name: String, _ state: AppState) { shots.append((name, render(state).text)) }
        var base = Fixture.answered(language: language)
        base.lookup.history = ContactHistory(
            calls: [.init(at: Fixture.at("2026-11-12T09:10"), text: "", status: .call(.done, .information)),
                    .init(at: Fixture.at("2026-11-10T09:10"), text: "", status: .call(.abandoned, nil))],
            messages: [.init(at: Fixture.at("2026-11-11T09:10"), text: "Rappel", status: .message(.new))],
            appointments: [.init(at: Fixture.at("2026-12-01T09:00"), text: "Consultation — Dr Claire Martin",
                                 status: .appointment(.cancelled)),
                           .init(at: Fixture.at("2026-11-02T09:00"), text: "Consultation — Dr Claire Martin",
                                 status: .appointment(.noShow))])
        base.now = Fixture.at("2026-11-23T10:07")
        for pane in PaneID.allCases {
            var state = base
            state.focus = pane
            shoot("pane \(pane)", state)
            state.overlay = .help
            shoot("help in \(pane)", state)
        }
        var state = base
        state.lookup.searching = true
        state.focus = .lookup
        shoot("name search", state)
        let overlays: [(String, Overlay)] = [
            ("quit", .confirmQuit), ("pick client", .pickClient(filter: "", selection: 0)),
            ("new contact", .newContact(NewContactForm(phone: "06 12 34 56 78"))),
            ("end call", .endCall(outcome: nil, note: "")), ("end call note", .endCall(outcome: .information, note: "")),
            ("message", .message(MessageForm(kind: .message, clientID: Fixture.martin.id, callerName: "Marie"))),
            ("question", .message(MessageForm(kind: .medicalQuestion, clientID: Fixture.martin.id, callerName: "Marie"))),
            ("emergency", .emergency(EmergencyScript(assessment: EmergencyTriage.script(country: .fr)))),
            ("messages", .messages(MessageList(clientID: Fixture.martin.id, messages: LanguageTests.messages))),
            ("callbacks", .callbacks(CallbackList(clientID: Fixture.martin.id, callbacks: LanguageTests.callbacks))),
            ("absences", .absences(LanguageTests.absenceList(form: false))),
            ("absence form", .absences(LanguageTests.absenceList(form: true))),
            ("waiting list", .waitingList(LanguageTests.waitingList)),
            ("details", .agenda(.details(Fixture.appointment(8, "2026-11-23T11:00", Fixture.consultation, "Jean Dupont",
                                                            status: .cancelled)))),
            ("booking", .agenda(.booking(BookingForm(agendaID: 1, start: Fixture.at("2026-11-23T11:00"), freeMinutes: 30,
                                                     contact: Fixture.marie, typeIndex: 0)))),
            ("booking search", .agenda(.booking(BookingForm(agendaID: 1, start: Fixture.at("2026-11-23T11:00"),
                                                            freeMinutes: 30, contact: nil, typeIndex: 0)))),
            ("waitlist form", .agenda(.waitlist(WaitlistForm(agendaID: 1, contact: Fixture.marie, typeIndex: nil)))),
            ("go to", .agenda(.goTo(text: "32/13", error: "x"))),
        ]
        for (name, overlay) in overlays {
            var state = base
            state.focus = .agenda
            state.overlay = overlay
            shoot(name, state)
        }
        for width in [80, 100, 200] {
            var state = base
            state.width = width
            state.focus = .agenda
            shoot("agenda at \(width)", state)
        }
        shots.append(("wallboard", renderWallboard(WallboardFixture.state(language: language)).text))
        return shots
    }

    static let messages: [Message] = MessageStatus.allCases.enumerated().map { index, status in
        var message = try! Message(id: Int64(index + 1), clientID: Fixture.martin.id, callerName: "Marie Lefèvre",
                                   callbackNumber: try! PhoneNumber("06 12 34 56 78"), reason: "Rappel", text: "Rappeler",
                                   isUrgent: index == 0, status: status, createdAt: Fixture.at("2026-11-23T09:00"))
        message.createdBy = "claire"
        return message
    }

    static let callbacks: [Callback] = [
        Callback(id: 1, clientID: Fixture.martin.id, number: try! PhoneNumber("06 12 34 56 78"), contactName: "Marie Lefèvre",
                 missedCalls: 2, lastMissedAt: Fixture.at("2026-11-23T09:40"), attempts: 1, lastOutcome: .noAnswer,
                 lastAttemptAt: Fixture.at("2026-11-23T09:50"), lastAttemptBy: "julien"),
        Callback(id: 2, clientID: Fixture.martin.id, number: try! PhoneNumber("07 11 22 33 44"),
                 lastMissedAt: Fixture.at("2026-11-23T09:45"), status: .taken, operatorLogin: "claire",
                 takenAt: Fixture.at("2026-11-23T10:05")),
    ]

    static func absenceList(form: Bool) -> AbsenceList {
        var list = AbsenceList(agendaID: 1, agendaName: "Dr Claire Martin")
        list.absences = Fixture.absences
        if form { list.form = AbsenceForm(from: "23/11/2026 14:00", to: "23/11/2026") }
        return list
    }

    static var waitingList: WaitingListView {
        var list = WaitingListView(agendaID: 1, agendaName: "Dr Claire Martin")
        list.entries = [WaitlistEntry(id: 1, agendaID: 1, contactID: 1, contactName: "Marie Lefèvre",
                                      preferences: try! WaitlistPreferences(parsing: "mon-wed 08:00-12:00"),
                                      createdAt: Fixture.at("2026-11-20T09:00")),
                        WaitlistEntry(id: 2, agendaID: 1, contactID: 2, contactName: "Jean Dupont", typeID: 1,
                                      typeName: "Consultation", minutes: 20, createdAt: Fixture.at("2026-11-21T09:00"))]
        return list
    }

    @Test(arguments: Language.allCases)
    func noScreenShowsTheOtherLanguagesWords(_ language: Language) {
        let words = Self.foreignWords(on: language)
        for (name, screen) in Self.screens(language) {
            let found = words.filter { Self.contains(screen, word: $0) }
            #expect(found.isEmpty, "\(language) \(name) shows \(found):\n\(screen)")
        }
    }

    @Test func dayNamesAreReadInBothLanguages() throws {
        let french = try WaitlistPreferences(parsing: "lundi-mercredi, ven. 08:00-12:00")
        let english = try WaitlistPreferences(parsing: "Monday-wed fri 08:00-12:00")
        #expect(french == english)
        #expect(french.days == [.monday, .tuesday, .wednesday, .friday])
        var state = Fixture.answered(language: .fr)
        state.overlay = .agenda(.waitlist(WaitlistForm(agendaID: 1, contact: Fixture.marie, typeIndex: nil)))
        _ = update(&state, .key(.enter))
        _ = type("lun-mer 08:00-12:00", into: &state)
        let effects = update(&state, .key(.enter))
        let wanted = try WaitlistPreferences(parsing: "mon-wed 08:00-12:00")
        #expect(effects == [.agenda(.addToWaitlist(WaitlistRequest(agendaID: 1, contactID: Fixture.marie.id, typeID: nil,
                                                                    preferences: wanted)))])
    }
}
