import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

/// The windows listing things: call-backs (15), messages (16), the agenda's absences and
/// waiting list (18); and the agenda's time and flow after answering (14).
@Suite("Lists over the panes, and the agenda after answering")
struct ListWindowTests {
    func callbackList(_ state: AppState) -> CallbackList? {
        if case .callbacks(let list) = state.overlay { return list }
        return nil
    }

    @Test func rListsTheCallBacksOneIsTakenThenClosedWithItsOutcome() throws {
        var state = Fixture.state()
        #expect(update(&state, .key(.character("r"))) == [.callbacks(.load(Fixture.martin.id))])
        _ = update(&state, .callbacks(.loaded(Fixture.martin.id, LanguageTests.callbacks)))
        var text = render(state).text
        #expect(text.contains("Call-backs — Cabinet du Dr Martin (2)"), "\(text)")
        #expect(text.contains("09:40       Marie Lefèvre          06 12 34 56 78   2 missed     no answer (julien 09:50)"), "\(text)")
        // Julien's... no: Claire holds the second one (the fixture's), so it is selected.
        #expect(callbackList(state)?.selection == 1)
        #expect(text.contains("► taken by you") && text.contains("Call 07 11 22 33 44 now"), "\(text)")
        #expect(update(&state, .key(.character("1"))) == [.callbacks(.record(2, .reached, list: Fixture.martin.id))])
        _ = update(&state, .key(.up))
        #expect(update(&state, .key(.enter)) == [.callbacks(.take(1, list: Fixture.martin.id))])
        _ = update(&state, .callbacks(.refused("call-back 1 was already taken by julien")))
        text = render(state).text
        #expect(text.contains("⚠ call-back 1 was already taken by julien"), "\(text)")
        var done = LanguageTests.callbacks[1]
        done.status = .done
        done.lastOutcome = .voicemail
        _ = update(&state, .callbacks(.recorded(done, [LanguageTests.callbacks[0]])))
        #expect(state.flash?.text == "Call-back done: voicemail left")
        #expect(!render(state).text.contains("taken by you"))
        #expect(update(&state, .key(.escape)).isEmpty && state.overlay == nil)
    }

    @Test func theOutcomeKeysNeedACallBackTakenFirst() {
        var state = Fixture.state()
        _ = update(&state, .key(.character("r")))
        _ = update(&state, .callbacks(.loaded(Fixture.martin.id, [LanguageTests.callbacks[0]])))
        #expect(update(&state, .key(.character("2"))).isEmpty)
        #expect(render(state).text.contains("Take a call-back first (Enter)."))
    }

    @Test func theMessageListShowsWhoTookEachMarksUrgentOnesAndUndoesOrAcknowledges() throws {
        var state = Fixture.state()
        state.focus = .instructions
        _ = update(&state, .key(.character("m")))
        _ = update(&state, .messagesLoaded(Fixture.martin.id, LanguageTests.messages))
        let buffer = render(state)
        let row = try #require(buffer.lines.first { $0.contains("‼ URGENT") })
        #expect(row.contains("claire"), "\(row)")
        // Selected, the urgent new message keeps its colour where it says so.
        #expect(buffer.role(of: "‼ URGENT") == .urgent)
        #expect(update(&state, .key(.character("a"))) == [.markTransmitted(1, Fixture.martin.id),
                                                          .acknowledgeMessage(1, Fixture.martin.id)])
        _ = update(&state, .key(.down))
        #expect(update(&state, .key(.character("u"))) == [.undoTransmitted(2, Fixture.martin.id)])
        #expect(update(&state, .key(.character("a"))) == [.acknowledgeMessage(2, Fixture.martin.id)])
    }

    @Test func absencesAreListedAndOneIsAddedFromTheCursorsDay() throws {
        var state = Fixture.state()
        state.focus = .agenda
        #expect(update(&state, .key(.character("A"))) == [.agenda(.loadAbsences(Fixture.agenda.id))])
        _ = update(&state, .agenda(.absencesLoaded(Fixture.agenda.id, Fixture.absences)))
        #expect(render(state).text.contains("Thu 26/11 14:00-16:00  Formation"), "\(render(state).text)")
        _ = update(&state, .key(.character("n")))
        _ = type("Congrès", into: &state)
        let effects = update(&state, .key(.enter))
        #expect(effects == [.agenda(.addAbsence(agendaID: Fixture.agenda.id, from: Fixture.at("2026-11-23T10:00"),
                                                to: Fixture.at("2026-11-24T00:00"), reason: "Congrès"))])
        // A time that is not one is said, and nothing is sent.
        _ = update(&state, .key(.tab))
        _ = type(" 25:00", into: &state)
        #expect(update(&state, .key(.enter)).isEmpty)
        #expect(render(state).text.contains("expected a date: 26/11, 26/11/2026 or 2026-11-26, and a time 14:00"))
    }

    @Test func theWaitingListShowsDaysInTheInterfacesLanguage() {
        var state = Fixture.state(language: .fr)
        state.focus = .agenda
        #expect(update(&state, .key(.character("W"))) == [.agenda(.loadWaitlist(Fixture.agenda.id))])
        _ = update(&state, .agenda(.waitlistLoaded(Fixture.agenda.id, LanguageTests.waitingList.entries ?? [])))
        let text = render(state).text
        #expect(text.contains("Liste d'attente — Dr Claire Martin"), "\(text)")
        #expect(text.contains("lun. mar. mer. 08:00-12:00"), "\(text)")
    }

    @Test func pastSlotsAreShownApartAndTodayGoesToTheNextSlotToBegin() {
        var state = Fixture.state()
        state.focus = .agenda
        _ = update(&state, .tick(Fixture.at("2026-11-23T10:07")))
        _ = update(&state, .key(.character("t")))
        #expect(state.agenda.cursorMinute == 10 * 60 + 15)
        // 09:45 on Monday is free but gone: a dash, and the footer says so.
        _ = update(&state, .key(.up))  // Marie Lefèvre's 10:00-10:20 is selected whole: one step up
        let text = render(state).text
        #expect(text.contains("Mon 23/11 09:45 · past"), "\(text)")
        #expect(update(&state, .key(.enter)).isEmpty && state.overlay == nil)
    }

    @Test func answeringAKnownCallerGivesTheAgendaTheKeysAndEnterOffersTheUsualType() throws {
        var state = Fixture.answered()
        #expect(state.focus == .agenda)
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.enter))
        guard case .agenda(.booking(let form)) = state.overlay else {
            Issue.record("no booking window: \(String(describing: state.overlay))")
            return
        }
        #expect(form.step == .note && form.typeIndex == 0)
        #expect(render(state).text.contains("→ Marie Lefèvre · Consultation"))
        // An unknown caller keeps the caller pane, where n creates the contact.
        var unknown = Fixture.state()
        let number = try PhoneNumber("07 11 22 33 44")
        _ = update(&unknown, .callClaimed(ActiveCall(callID: 11, clientID: Fixture.martin.id, from: number, answeredAt: Fixture.now)))
        _ = update(&unknown, .callerMatched(number, []))
        #expect(unknown.focus == .lookup)
    }

    @Test func dayHeadersKeepTheirDatesWhenNarrow() {
        var state = Fixture.state(width: 100, height: 30)
        state.focus = .agenda
        let text = render(state).text
        for date in ["23/11", "24/11", "25/11", "26/11", "27/11", "28/11"] {
            #expect(text.contains(date), "\(date):\n\(text)")
        }
    }
}
