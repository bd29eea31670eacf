import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

/// The agenda's keys, as key sequences and the effects they ask for.
@Suite("Agenda keys and booking flow")
struct AgendaUpdateTests {
    typealias F = Fixture

    /// Presses each key; returns the effects of the last one.
    @discardableResult
    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects = update(&state, .key(key)) }
        return effects
    }

    func type(_ state: inout AppState, _ text: String) {
        for c in text { _ = update(&state, .key(.character(c))) }
    }

    func slot(_ start: String, _ minutes: Int) -> DateInterval {
        DateInterval(start: F.at(start), duration: TimeInterval(minutes * 60))
    }

    func booking(_ state: AppState) -> BookingForm? {
        if case .agenda(.booking(let form)) = state.overlay { return form }
        return nil
    }

    @Test func bookingTheEarliestFreeSlotForTheCallerTakesThreeKeys() {
        var state = F.answered()
        var keys = 0
        func key(_ k: Key) -> [Effect] {
            keys += 1
            return update(&state, .key(k))
        }
        #expect(state.focus == .agenda, "answering a known caller gives the agenda the keys")
        // From the cursor (on now's slot after answering), never before now.
        #expect(key(.character("f")) == [.agenda(.findFreeSlot(agendaID: 1, typeID: F.consultation.id, from: F.now.addingTimeInterval(83)))])
        _ = update(&state, .agenda(.freeSlotFound(slot("2026-11-23T10:30", 20), typeID: F.consultation.id)))
        #expect(state.agenda.cursorDay == 0 && state.agenda.cursorMinute == 10 * 60 + 30)
        #expect(state.flash?.text == "Free slot: Mon 23/11 10:30 · Consultation 20 min")
        #expect(key(.enter).isEmpty)
        #expect(booking(state)?.contact == F.marie, "the caller on the line is the contact")
        #expect(booking(state)?.step == .note, "the client's usual type is taken: Esc picks another")
        #expect(render(state).text.contains("→ Marie Lefèvre · Consultation · Mon 23/11 10:30-10:50"),
                "the window says what Enter will book")
        let effects = key(.enter)
        #expect(effects == [.agenda(.book(BookingRequest(agendaID: 1, contact: .existing(F.marie.id), typeID: F.consultation.id,
                                                        start: F.at("2026-11-23T10:30"))))])
        #expect(keys == 3)

        let booked = F.appointment(9, "2026-11-23T10:30", F.consultation, "Marie Lefèvre")
        let after = update(&state, .agenda(.booked(booked)))
        #expect(state.overlay == nil)
        #expect(state.flash?.text == "Booked: Marie Lefèvre · Consultation · Mon 23/11 10:30")
        #expect(after == [.loadWeek(F.agenda, try! LocalDate(parsing: "2026-11-23")), .refreshContact(F.marie.id)],
                "the week and the caller's upcoming appointments are read again")
    }

    @Test func withoutACallerBookingSearchesTheContactAndTakesTypeAndNote() {
        var state = F.state()
        press(&state, .character("4"), .down)  // past Marie Lefèvre's appointment, 10:30
        press(&state, .enter)
        #expect(booking(state)?.step == .contact)
        type(&state, "le")
        #expect(press(&state, .character("f")) == [.searchContacts("lef", F.martin.id)], "letters are typed, not keys")
        _ = update(&state, .searchResults(query: "le", [F.marie, F.marie]))
        #expect(booking(state)?.results.isEmpty == true, "a stale answer is ignored")
        _ = update(&state, .searchResults(query: "lef", [F.marie]))
        #expect(state.lookup.results.isEmpty, "the lookup pane's search is left alone")
        #expect(render(state).text.contains("Lefèvre Marie  06 12 34 56 78"))
        press(&state, .enter)
        #expect(booking(state)?.contact == F.marie && booking(state)?.step == .type)
        press(&state, .character("2"))
        type(&state, "à jeun")
        #expect(press(&state, .enter) == [.agenda(.book(BookingRequest(agendaID: 1, contact: .existing(F.marie.id), typeID: F.renewal.id,
                                                                    start: F.at("2026-11-23T10:30"), note: "à jeun")))])
    }

    @Test func typesThatDoNotFitTheFreeTimeAreMarked() {
        var state = F.answered()
        press(&state, .character("4"))
        for _ in 0..<5 { press(&state, .down) }  // past Marie Lefèvre's appointment to Monday 11:30, free until lunch
        press(&state, .enter, .escape)  // the usual type offered; Esc to choose another
        let text = render(state).text
        #expect(text.contains("Book an appointment"))
        #expect(text.contains("Mon 23/11 11:30"))
        #expect(text.contains(" 1  Consultation           20 min                    ┃"))
        #expect(text.contains(" 3  Première consultation  45 min  does not fit here"))
        press(&state, .escape)
        #expect(state.overlay == nil)
    }

    @Test func escapeInTheNoteGoesBackToTheType() {
        var state = F.answered()
        press(&state, .character("4"), .down, .down, .enter, .character("1"))
        press(&state, .escape)
        #expect(booking(state)?.step == .type)
        press(&state, .down, .enter)
        #expect(booking(state)?.typeIndex == 1 && booking(state)?.step == .note)
    }

    @Test func enterOnAnAppointmentShowsWhoWhatWhenAndWhoBookedIt() {
        var state = F.state()
        #expect(press(&state, .character("4"), .enter) == [.agenda(.showAppointment(5))])
        _ = update(&state, .agenda(.appointmentShown(F.appointment(5, "2026-11-23T10:00", F.consultation, "Marie Lefèvre",
                                                                    note: "Apporter l'ordonnance"))))
        let text = render(state).text
        for expected in ["Contact    Marie Lefèvre", "Type       Consultation (20 min)", "When       Mon 23/11 10:00-10:20 · Dr Claire Martin",
                         "Note       Apporter l'ordonnance", "Booked by  julien, 16/11/2026 09:12", "Status     booked"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        press(&state, .escape)
        #expect(state.overlay == nil)
    }

    @Test func closedAndPastSlotsSayWhyTheyCannotBeBooked() {
        var state = F.state()
        press(&state, .character("4"), .up)
        press(&state, .enter)
        #expect(state.flash?.text == "This slot is in the past.")
        for _ in 0..<8 { press(&state, .down) }  // 10:00 (an appointment, one step), 10:30 … 12:00
        press(&state, .enter)
        #expect(state.flash?.text == "This slot is closed." && state.overlay == nil)
        press(&state, .right, .right, .right)
        #expect(render(state).text.contains("┃Thu 26/11 12:00-14:00 · closed "), "lunch is selected whole")
        press(&state, .down)  // Thursday 14:00
        #expect(render(state).text.contains("┃Thu 26/11 14:00-16:00 · away — Formation "), "the absence is selected whole")
        press(&state, .enter)
        #expect(state.flash?.text == "Dr Claire Martin away — Formation")
        press(&state, .down)
        #expect(state.agenda.cursorMinute == 16 * 60, "one step leaves it")
    }

    @Test func walkingDownADayScrollsHalfAPaneAtATime() throws {
        var state = F.state()
        press(&state, .character("4"))
        let grid = try #require(state.agenda.grid)
        let visible = AgendaLayout.visibleRows(state)
        var rowsBetweenScrolls: [Int] = []
        var lastScrollRow = try #require(agendaCursor(state)).row
        while state.agenda.cursorMinute < 18 * 60 + 45 {
            let first = state.agenda.firstRow
            press(&state, .down)
            let cursor = try #require(agendaCursor(state))
            let selected = grid.rowsSelected(at: cursor)
            #expect(selected.lowerBound >= state.agenda.firstRow && selected.upperBound < state.agenda.firstRow + visible,
                    "what the cursor selects stays in view")
            guard state.agenda.firstRow != first else { continue }
            let centred = selected.lowerBound - state.agenda.firstRow == (visible - selected.count) / 2
            #expect(centred || state.agenda.firstRow == grid.rows.count - visible,
                    "a scroll brings the selection to the middle, or the day's end into view")
            rowsBetweenScrolls.append(cursor.row - lastScrollRow)
            lastScrollRow = cursor.row
        }
        #expect(rowsBetweenScrolls.count >= 2)
        #expect(rowsBetweenScrolls.dropFirst().allSatisfy { $0 >= visible / 2 - 1 }, "\(rowsBetweenScrolls), \(visible) rows")
    }

    @Test func moveChoosesTheSlotWithTheCursorEnterConfirmsEscCancels() {
        var state = F.state()
        press(&state, .character("4"), .character("m"))
        #expect(state.agenda.moving?.id == 5 && state.agenda.moving?.minutes == 20)
        press(&state, .right, .down, .down)
        #expect(press(&state, .enter) == [.agenda(.move(5, to: F.at("2026-11-24T10:30"), agendaID: 1))])
        // Another terminal took the slot meanwhile: said, the week read again, still moving.
        let refused = update(&state, .agenda(.refused("the slot was just taken by julien: Jean Dupont, 10:30-10:45")))
        #expect(refused == [.loadWeek(F.agenda, try! LocalDate(parsing: "2026-11-23"))])
        #expect(state.flash == Flash(text: "the slot was just taken by julien: Jean Dupont, 10:30-10:45", isError: true))
        #expect(state.agenda.moving != nil)
        press(&state, .character("x"))
        #expect(state.flash?.text == "Finish the move first: Enter or Esc." && state.overlay == nil)
        press(&state, .escape)
        #expect(state.agenda.moving == nil && state.flash?.text == "Move cancelled.")

        press(&state, .up, .up, .up, .up, .up, .up, .character("m"))  // Tuesday 09:00
        #expect(state.agenda.moving?.id == 6)
        #expect(press(&state, .character("f")) == [.agenda(.findFreeSlot(agendaID: 1, typeID: F.renewal.id, from: F.at("2026-11-24T09:01")))],
                "while moving, f looks for a slot of the moved appointment's length")
        press(&state, .escape, .left, .down, .down, .down, .down, .character("m"), .character("]"))
        #expect(state.agenda.monday == (try! LocalDate(parsing: "2026-11-30")), "a move can go to another week")
        _ = update(&state, .weekLoaded(agendaID: 1, F.grid("2026-11-30", entries: [], absences: [])))
        #expect(press(&state, .enter) == [.agenda(.move(5, to: F.at("2026-11-30T10:00"), agendaID: 1))])
        let moved = update(&state, .agenda(.moved(F.appointment(5, "2026-11-30T10:00", F.consultation, "Marie Lefèvre"))))
        #expect(state.agenda.moving == nil)
        #expect(state.flash?.text == "Moved: Marie Lefèvre · Consultation · Mon 30/11 10:00")
        #expect(moved == [.loadWeek(F.agenda, try! LocalDate(parsing: "2026-11-30"))])
    }

    @Test func cancelAsksAReasonConfirmsThenProposesTheWaitingList() {
        var state = F.state()
        press(&state, .character("4"), .character("x"))
        press(&state, .enter)
        #expect(render(state).text.contains("Say why the appointment is cancelled."))
        type(&state, "malade")
        #expect(press(&state, .enter).isEmpty)
        let text = render(state).text
        #expect(text.contains("Marie Lefèvre · Consultation · Mon 23/11 10:00-10:20"))
        #expect(text.contains("Cancel this appointment? (y/n)"))
        press(&state, .character("n"))
        #expect(press(&state, .enter).isEmpty, "no: back to the reason")
        #expect(press(&state, .character("y")) == [.agenda(.cancel(5, reason: "malade"))])

        let waiting = WaitlistEntry(id: 9, agendaID: 1, contactID: 2, contactName: "Jean Dupont", typeID: F.renewal.id,
                                    typeName: "Renouvellement", minutes: 15,
                                    preferences: try! WaitlistPreferences(parsing: "mon-wed"), createdAt: F.at("2026-11-20T09:00"))
        let cancelled = F.appointment(5, "2026-11-23T10:00", F.consultation, "Marie Lefèvre", status: .cancelled)
        let effects = update(&state, .agenda(.cancelled(AgendaCancellation(
            appointment: cancelled, freed: DateInterval(start: F.at("2026-11-23T10:00"), end: F.at("2026-11-23T12:00")),
            matches: [WaitlistMatch(entry: waiting, slot: slot("2026-11-23T10:00", 15))]))))
        #expect(effects == [.loadWeek(F.agenda, try! LocalDate(parsing: "2026-11-23"))])
        #expect(state.flash?.text == "Cancelled: Marie Lefèvre · Consultation · Mon 23/11 10:00")
        let offers = render(state).text
        #expect(offers.contains("Waiting list — freed time"))
        #expect(offers.contains("Freed: Mon 23/11 10:00-12:00"))
        #expect(offers.contains("1  Jean Dupont · Renouvellement · Mon 23/11 10:00-10:15 · Mon Tue Wed"))
        #expect(press(&state, .character("1")) == [.agenda(.book(BookingRequest(
            agendaID: 1, contact: .existing(2), typeID: F.renewal.id, start: F.at("2026-11-23T10:00"), waitlistEntryID: 9)))])
    }

    @Test func noShowAsksFirst() {
        var state = F.state()
        press(&state, .character("4"), .character("n"))
        #expect(render(state).text.contains("Record that the contact did not come? (y/n)"))
        #expect(press(&state, .character("n")).isEmpty && state.overlay == nil)
        #expect(press(&state, .character("n"), .character("o")) == [.agenda(.markNoShow(5))], "o is oui")
        press(&state, .down, .down)
        press(&state, .character("n"))
        #expect(state.flash?.text == "No appointment under the cursor." && state.overlay == nil)
    }

    @Test func fSearchesStrictlyAfterTheCursorAndIntoLaterWeeks() {
        var state = F.state()
        press(&state, .character("4"), .right)
        for _ in 0..<9 { press(&state, .down) }  // Tuesday 10:15 … 11:45, lunch, 14:00
        #expect(press(&state, .character("f")) == [.agenda(.findFreeSlot(agendaID: 1, typeID: F.consultation.id,
                                                                          from: F.at("2026-11-24T14:01")))])
        press(&state, .character("T"), .character("T"))
        #expect(state.flash?.text == "f: Première consultation 45 min")
        #expect(press(&state, .character("f")) == [.agenda(.findFreeSlot(agendaID: 1, typeID: F.firstVisit.id,
                                                                          from: F.at("2026-11-24T14:01")))])
        let later = update(&state, .agenda(.freeSlotFound(slot("2026-12-02T09:15", 45), typeID: F.firstVisit.id)))
        #expect(later == [.loadWeek(F.agenda, try! LocalDate(parsing: "2026-11-30"))])
        #expect(state.agenda.cursorDay == 2 && state.agenda.cursorMinute == 9 * 60 + 15)
        _ = update(&state, .agenda(.freeSlotFound(nil, typeID: F.firstVisit.id)))
        #expect(state.flash == Flash(text: "No free slot within a year for Première consultation 45 min", isError: true))
    }

    @Test func wPutsTheCallerOnTheWaitingListWithTypeAndTimes() {
        var idle = F.state()
        press(&idle, .character("4"), .character("w"))
        #expect(idle.flash?.text == "No caller: open the contact first (2, then /)." && idle.overlay == nil)

        var state = F.answered()
        press(&state, .character("4"), .character("w"))
        #expect(render(state).text.contains("Put on the waiting list"))
        press(&state, .character("2"))
        type(&state, "someday")
        press(&state, .enter)
        #expect(render(state).text.contains("expected days (mon, tue-thu) and times (08:00-12:00)"))
        press(&state, .control("u"))
        type(&state, "mon-wed 08:00-12:00")
        #expect(press(&state, .enter) == [.agenda(.addToWaitlist(WaitlistRequest(
            agendaID: 1, contactID: F.marie.id, typeID: F.renewal.id,
            preferences: try! WaitlistPreferences(parsing: "mon-wed 08:00-12:00"))))])
        _ = update(&state, .agenda(.waitlisted(WaitlistEntry(id: 3, agendaID: 1, contactID: 1, contactName: "Marie Lefèvre",
                                                              preferences: try! WaitlistPreferences(parsing: "mon-wed 08:00-12:00"),
                                                              createdAt: F.now))))
        #expect(state.overlay == nil)
        #expect(state.flash?.text == "On the waiting list: Marie Lefèvre (Dr Claire Martin, Mon Tue Wed 08:00-12:00)")
    }

    @Test func gGoesToADateTypedThreeWays() {
        let today = try! LocalDate(parsing: "2026-11-23")
        #expect(goToDate("25/12", today: today) == (try! LocalDate(parsing: "2026-12-25")))
        #expect(goToDate("10/01", today: today) == (try! LocalDate(parsing: "2027-01-10")), "the nearest 10 January")
        #expect(goToDate("20/11", today: today) == (try! LocalDate(parsing: "2026-11-20")))
        #expect(goToDate("25/12/2027", today: today) == (try! LocalDate(parsing: "2027-12-25")))
        #expect(goToDate("2026-12-25", today: today) == (try! LocalDate(parsing: "2026-12-25")))
        #expect(goToDate("31/02", today: today) == nil)
        #expect(goToDate("demain", today: today) == nil)

        var state = F.state()
        press(&state, .character("4"), .character("g"))
        type(&state, "31/02")
        #expect(press(&state, .enter).isEmpty)
        #expect(render(state).text.contains("Go to: 31/02▏  expected a date: 25/12, 25/12/2026 or 2026-12-25"))
        press(&state, .backspace, .backspace, .backspace, .backspace, .backspace)
        type(&state, "2027-01-10")
        #expect(press(&state, .enter) == [.loadWeek(F.agenda, try! LocalDate(parsing: "2027-01-04"))])
        #expect(state.overlay == nil && state.agenda.cursorDay == 5, "a Sunday shows its week, the cursor on Saturday")
    }

    @Test func tabGoesThroughTheAgendasWhenThereAreSeveral() {
        var single = F.state()
        press(&single, .character("4"), .tab)
        #expect(single.focus == .queue, "one agenda: Tab moves on to the next pane")
        var none = AppState(width: 120, height: 40, language: .en, user: F.claire, now: F.now)
        press(&none, .character("4"), .tab)
        #expect(none.focus == .queue, "no client yet: Tab moves on too")

        let hugo = Agenda(id: 2, clientID: F.martin.id, name: "Dr Hugo Martin")
        var state = F.state()
        state.context?.agendas = [F.agenda, hugo]
        press(&state, .character("4"))
        #expect(press(&state, .tab) == [.loadWeek(hugo, try! LocalDate(parsing: "2026-11-23"))])
        #expect(state.focus == .agenda)
        _ = update(&state, .weekLoaded(agendaID: 1, F.grid()))
        #expect(state.agenda.grid == nil, "the other agenda's week is not shown")
        _ = update(&state, .weekLoaded(agendaID: 2, F.grid(entries: [], absences: [])))
        #expect(render(state).text.contains("4 Agenda — Dr Hugo Martin — week 48"))
        #expect(press(&state, .tab) == [.loadWeek(F.agenda, try! LocalDate(parsing: "2026-11-23"))])
        #expect(press(&state, .backTab).isEmpty && state.focus == .instructions)
    }

    @Test func anotherTerminalsBookingShowsOnTheNextPoll() {
        var state = F.state()
        press(&state, .character("4"))
        let effects = update(&state, .externalChange)
        #expect(effects.contains(.loadWeek(F.agenda, try! LocalDate(parsing: "2026-11-23"))))
        _ = update(&state, .weekLoaded(agendaID: 1, F.grid(entries: F.entries + [
            F.appointment(11, "2026-11-27T10:30", F.consultation, "Léa Fontaine", contactID: 4)])))
        let row = render(state).lines.first { $0.contains("┃10:30") } ?? ""
        #expect(row.hasSuffix("Léa Font…           ┃"), "Friday 10:30: \(row)")
    }

    @Test func aRefusalClosesTheBookingAndReadsTheWeekAgain() {
        var state = F.answered()
        press(&state, .character("4"), .down, .down, .enter, .character("1"), .enter)
        let effects = update(&state, .agenda(.refused("the slot was just taken by julien: Jean Dupont, 10:30-10:45")))
        #expect(state.overlay == nil)
        #expect(state.flash?.isError == true)
        #expect(effects == [.loadWeek(F.agenda, try! LocalDate(parsing: "2026-11-23"))])
        #expect(render(state).text.contains("┃the slot was just taken by julien"), "the agenda's footer says it when the status line is full")
    }

    @Test func answeringACallBringsTheAgendaBackToNow() {
        var state = F.state()
        press(&state, .character("4"), .character("]"), .down)
        _ = update(&state, .callClaimed(ActiveCall(callID: 10, clientID: F.martin.id, from: nil, answeredAt: F.now)))
        #expect(state.agenda.monday == (try! LocalDate(parsing: "2026-11-23")))
        #expect(state.agenda.cursorDay == 0 && state.agenda.cursorMinute == 600)
    }

    @Test func theKeysAreInTheHelpOfTheAgendaPane() {
        var state = F.state(width: 120, height: 60)
        press(&state, .character("4"), .character("?"))
        let text = render(state).text
        for binding in Keymap.bindings(for: .pane(.agenda)) {
            #expect(text.contains(binding.label(.en)), "help misses \(binding.action)")
        }
    }
}
