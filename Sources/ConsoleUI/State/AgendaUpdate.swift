import Foundation
import SecretaryCore

// The agenda pane's keys and the answers of its effects: the cursor over the week grid,
// changing week and agenda, and starting a booking, a move, a cancellation, a no-show.
// Pure, like `update`.

// MARK: - Where the agenda is

/// A new client in view: its first agenda, this week, the cursor on now.
func resetAgenda(_ state: inout AppState, for client: Client) {
    state.agenda = AgendaState()
    placeAgendaAtNow(&state, client: client)
}

/// Back to this week with the cursor on the current slot (a call was just answered: the
/// earliest free slot is then one `f` away).
func placeAgendaAtNow(_ state: inout AppState, client: Client) {
    let calendar = client.calendar
    let today = calendar.localDate(of: state.now)
    state.agenda.monday = today.mondayOfWeek
    state.agenda.cursorDay = min(5, today.weekday.rawValue - 1)
    state.agenda.cursorMinute = AgendaLayout.nextSlotStart(after: state.now, calendar: calendar, slot: client.slotMinutes)
    state.agenda.moving = nil
    state.agenda.scrollPending = true
    if state.agenda.grid?.monday != state.agenda.monday { state.agenda.grid = nil }
}

/// The cursor's cell in the grid, when the grid is in and the cursor on one of its rows.
func agendaCursor(_ state: AppState) -> WeekGrid.Position? {
    guard let grid = state.agenda.grid, let first = grid.rows.first else { return nil }
    let offset = state.agenda.cursorMinute - first.minutes
    guard offset >= 0, offset % grid.slotMinutes == 0, grid.rows.indices.contains(offset / grid.slotMinutes) else { return nil }
    return WeekGrid.Position(day: state.agenda.cursorDay, row: offset / grid.slotMinutes)
}

/// The rows the cursor selects in its day: the whole appointment, absence or closed stretch
/// under it, or its slot alone while an appointment is being moved (that goes slot by slot).
func agendaSelection(_ state: AppState) -> ClosedRange<Int>? {
    guard let grid = state.agenda.grid, let cursor = agendaCursor(state) else { return nil }
    return state.agenda.moving == nil ? grid.rowsSelected(at: cursor) : cursor.row...cursor.row
}

/// The instant the cursor's slot starts.
func agendaCursorStart(_ state: AppState) -> Date? {
    if let grid = state.agenda.grid, let position = agendaCursor(state) { return grid.interval(at: position).start }
    guard let client = state.context?.client, let monday = state.agenda.monday,
          let time = try? TimeOfDay(minutes: state.agenda.cursorMinute) else { return nil }
    return client.calendar.instant(monday.adding(days: state.agenda.cursorDay), time)
}

/// The type `f` looks for: the one chosen (with `T`, or last booked), else the client's first.
func agendaTypeIndex(_ state: AppState) -> Int? {
    guard let types = state.context?.types, !types.isEmpty else { return nil }
    return types.firstIndex { $0.id == state.agenda.typeID } ?? 0
}

/// The caller the agenda books for: the contact open in the lookup pane, if it is this client's.
func agendaCaller(_ state: AppState) -> Contact? {
    guard let contact = state.lookup.opened, contact.clientID == state.clientID else { return nil }
    return contact
}

/// Keeps what the agenda's cursor selects on screen (a cursor move then redraws the cells
/// it leaves and enters, not the grid).
func scrollAgendaToCursor(_ state: inout AppState) {
    guard let grid = state.agenda.grid, let first = grid.rows.first else { return }
    let cursorRow = max(0, min(grid.rows.count - 1, (state.agenda.cursorMinute - first.minutes) / grid.slotMinutes))
    let selected = agendaSelection(state) ?? cursorRow...cursorRow
    let visible = AgendaLayout.visibleRows(state)
    // A stretch taller than the pane (a closed afternoon): the cursor's row is enough.
    state.agenda.firstRow = AgendaLayout.firstRow(keeping: selected.count > visible ? cursorRow...cursorRow : selected,
                                                  from: state.agenda.firstRow, visible: visible, total: grid.rows.count)
}

private func showWeek(_ state: inout AppState, _ monday: LocalDate) -> [Effect] {
    state.agenda.monday = monday
    if state.agenda.grid?.monday != monday { state.agenda.grid = nil }
    guard let agenda = currentAgenda(state) else { return [] }
    return [.loadWeek(agenda, monday)]
}

/// A week arrived: shown if it is still the one wanted; the cursor is kept on its rows.
func agendaWeekLoaded(_ state: inout AppState, agendaID: Int64, _ grid: WeekGrid) {
    guard grid.monday == state.agenda.monday, agendaID == currentAgenda(state)?.id else { return }
    state.agenda.grid = grid
    guard let first = grid.rows.first, let last = grid.rows.last else { return }
    let minute = AgendaLayout.slotStart(of: state.agenda.cursorMinute, slot: grid.slotMinutes)
    state.agenda.cursorMinute = min(max(minute, first.minutes), last.minutes)
    if state.agenda.scrollPending {
        state.agenda.scrollPending = false
        // Show an hour of the morning above the cursor when there is room.
        let cursorRow = (state.agenda.cursorMinute - first.minutes) / grid.slotMinutes
        state.agenda.firstRow = max(0, cursorRow - 60 / grid.slotMinutes)
    }
    scrollAgendaToCursor(&state)
}

// MARK: - Keys of the agenda pane

/// The agenda pane's actions (arrows, weeks, `f`, `m`, `x`, `n`, `w`, `g`, `T`, Tab).
func performAgendaAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    if action == .nextAgenda, (state.context?.agendas.count ?? 0) < 2 {
        state.focus = PaneID(rawValue: state.focus.rawValue % 4 + 1)!
        return []
    }
    guard let client = state.context?.client, let monday = state.agenda.monday else { return [] }
    let slot = state.agenda.grid?.slotMinutes ?? client.slotMinutes
    let rows = state.agenda.grid?.rows.map(\.minutes) ?? []
    switch action {
    case .up, .down:
        guard let first = rows.first, let last = rows.last else { return [] }
        var step = action == .up ? -slot : slot
        // The next step leaves what the cursor selects (a whole appointment, say).
        if let cursor = agendaCursor(state), let selected = agendaSelection(state) {
            step = (action == .up ? selected.lowerBound - 1 - cursor.row : selected.upperBound + 1 - cursor.row) * slot
        }
        state.agenda.cursorMinute = min(max(state.agenda.cursorMinute + step, first), last)
    case .left:
        if state.agenda.cursorDay > 0 {
            state.agenda.cursorDay -= 1
        } else {
            state.agenda.cursorDay = 5
            return showWeek(&state, monday.adding(days: -7))
        }
    case .right:
        if state.agenda.cursorDay < 5 {
            state.agenda.cursorDay += 1
        } else {
            state.agenda.cursorDay = 0
            return showWeek(&state, monday.adding(days: 7))
        }
    case .previousWeek: return showWeek(&state, monday.adding(days: -7))
    case .nextWeek: return showWeek(&state, monday.adding(days: 7))
    case .today:
        let calendar = client.calendar
        let today = calendar.localDate(of: state.now)
        state.agenda.cursorDay = min(5, today.weekday.rawValue - 1)
        state.agenda.cursorMinute = AgendaLayout.nextSlotStart(after: state.now, calendar: calendar, slot: slot)
        if today.mondayOfWeek == monday, let first = rows.first, let last = rows.last {
            state.agenda.cursorMinute = min(max(state.agenda.cursorMinute, first), last)
        }
        let effects = showWeek(&state, today.mondayOfWeek)
        scrollAgendaToCursor(&state)
        return effects
    case .nextAgenda:
        let count = state.context?.agendas.count ?? 0
        state.agenda.agendaIndex = (min(state.agenda.agendaIndex, count - 1) + 1) % count
        state.agenda.grid = nil
        return showWeek(&state, monday)
    case .chooseType:
        guard let types = state.context?.types, let index = agendaTypeIndex(state) else {
            return flash(&state, .agendaNoTypes, isError: true)
        }
        let next = types[(index + 1) % types.count]
        state.agenda.typeID = next.id
        state.flash = Flash(text: state.text(.agendaTypeForF) + typeLabel(next), isError: false)
    case .nextFreeSlot:
        guard let agenda = currentAgenda(state), let types = state.context?.types, let index = agendaTypeIndex(state) else {
            return flash(&state, .agendaNoTypes, isError: true)
        }
        // Strictly after the cursor's start: pressed again, `f` hops to the following slot.
        // While moving, the slot must fit the appointment being moved.
        let from = max(state.now, (agendaCursorStart(state) ?? state.now).addingTimeInterval(60))
        let typeID = state.agenda.moving?.typeID ?? types[index].id
        return [.agenda(.findFreeSlot(agendaID: agenda.id, typeID: typeID, from: from))]
    case .goToDate:
        state.overlay = .agenda(.goTo(text: "", error: nil))
    case .moveAppointment, .cancelAppointment, .noShow, .waitlist:
        return startAppointmentAction(&state, action)
    default:
        break
    }
    scrollAgendaToCursor(&state)
    return []
}

/// `m`, `x`, `n` act on the appointment under the cursor; `w` on the caller.
private func startAppointmentAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    if state.agenda.moving != nil { return flash(&state, .agendaFinishMove, isError: true) }
    if action == .waitlist {
        guard let agenda = currentAgenda(state) else { return [] }
        guard let caller = agendaCaller(state) else { return flash(&state, .agendaNoCaller, isError: true) }
        state.overlay = .agenda(.waitlist(WaitlistForm(agendaID: agenda.id, contact: caller, typeIndex: agendaTypeIndex(state))))
        return []
    }
    guard let position = agendaCursor(state), let booking = state.agenda.grid?.cell(position).booking else {
        return flash(&state, .agendaNoAppointment, isError: true)
    }
    switch action {
    case .moveAppointment:
        guard booking.status == .booked else { return flash(&state, .agendaOnlyBooked, isError: true) }
        state.agenda.moving = MovingAppointment(id: booking.id, contactName: booking.contactName, typeID: booking.typeID,
                                                minutes: Int(booking.end.timeIntervalSince(booking.start) / 60),
                                                colour: booking.colour, from: booking.start)
    case .cancelAppointment:
        guard booking.status == .booked else { return flash(&state, .agendaOnlyBooked, isError: true) }
        state.overlay = .agenda(.cancel(CancelForm(booking: booking)))
    default:
        guard booking.status != .noShow else { return flash(&state, .agendaAlreadyNoShow, isError: true) }
        state.overlay = .agenda(.noShow(booking))
    }
    return []
}

/// Enter in the agenda: confirms a move; shows an appointment; books a free slot.
func selectInAgenda(_ state: inout AppState) -> [Effect] {
    guard let agenda = currentAgenda(state) else { return [] }
    if let moving = state.agenda.moving {
        guard let start = agendaCursorStart(state) else { return [] }
        return [.agenda(.move(moving.id, to: start, agendaID: agenda.id))]
    }
    guard let grid = state.agenda.grid, let position = agendaCursor(state) else { return [] }
    switch grid.cell(position) {
    case .appointment(let booking):
        return [.agenda(.showAppointment(booking.id))]
    case .closed:
        let day = grid.days[position.day]
        state.flash = Flash(text: day.holiday.map { "\(state.text(.agendaHoliday)) — \($0)" } ?? state.text(.agendaSlotClosed),
                            isError: true)
    case .absence(let reason):
        state.flash = Flash(text: "\(agenda.name) \(state.text(.agendaAway))" + (reason.isEmpty ? "" : " — \(reason)"), isError: true)
    case .free:
        let start = grid.interval(at: position).start
        if start < state.now { return flash(&state, .agendaSlotPast, isError: true) }
        guard let typeIndex = agendaTypeIndex(state) else { return flash(&state, .agendaNoTypes, isError: true) }
        // Free until the next appointment begins (maybe inside a row: the demo's and the
        // online bookings' starts need not fall on rows), closed time or an absence.
        var end = start
        for row in position.row..<grid.rows.count {
            let cell = grid.cell(day: position.day, row: row)
            if cell.isFree {
                end = grid.interval(at: WeekGrid.Position(day: position.day, row: row)).end
                continue
            }
            if let booking = cell.booking { end = max(end, booking.start) }
            break
        }
        var form = BookingForm(agendaID: agenda.id, start: start, freeMinutes: Int(end.timeIntervalSince(start) / 60),
                               contact: agendaCaller(state), typeIndex: typeIndex)
        // The caller known and the usual type fitting: straight to the note (Esc picks another type).
        if form.contact != nil, let types = state.context?.types, types[typeIndex].minutes <= form.freeMinutes {
            form.step = .note
        }
        state.overlay = .agenda(.booking(form))
    }
    return []
}

/// Esc in the agenda: gives up a move.
func cancelInAgenda(_ state: inout AppState) {
    guard state.agenda.moving != nil else { return }
    state.agenda.moving = nil
    state.flash = Flash(text: state.text(.agendaMoveCancelled), isError: false)
}

// MARK: - Answers

func updateAgenda(_ state: inout AppState, _ event: AgendaEvent) -> [Effect] {
    guard state.context != nil else { return [] }
    switch event {
    case .appointmentShown(let details):
        state.overlay = .agenda(.details(details))
        return []
    case .booked(let details):
        state.overlay = nil
        state.agenda.typeID = details.appointment.typeID
        state.flash = Flash(text: state.text(.agendaBooked) + summary(details, state), isError: false)
        return focusAgenda(&state, on: details.start)
    case .moved(let details):
        state.agenda.moving = nil
        state.flash = Flash(text: state.text(.agendaMoved) + summary(details, state), isError: false)
        return focusAgenda(&state, on: details.start)
    case .cancelled(let cancellation):
        state.overlay = cancellation.matches.isEmpty ? nil
            : .agenda(.waitlistOffers(WaitlistOffers(cancelled: cancellation.appointment, freed: cancellation.freed,
                                                     matches: cancellation.matches)))
        state.flash = Flash(text: state.text(.agendaCancelled) + summary(cancellation.appointment, state), isError: false)
        return reloadWeek(state)
    case .noShowMarked(let details):
        state.overlay = nil
        state.flash = Flash(text: state.text(.agendaNoShowMarked) + summary(details, state), isError: false)
        return reloadWeek(state)
    case .freeSlotFound(let slot, let typeID):
        let type = state.context?.types.first { $0.id == typeID }
        guard let slot else {
            state.flash = Flash(text: state.text(.agendaNoFreeSlot) + (type.map(typeLabel) ?? ""), isError: true)
            return []
        }
        if state.agenda.moving == nil { state.agenda.typeID = typeID }
        state.flash = Flash(text: state.text(.agendaFreeSlotFound) + when(slot.start, state)
                            + (type.map { " · " + typeLabel($0) } ?? ""), isError: false)
        return focusAgenda(&state, on: slot.start, reload: false)
    case .waitlisted(let entry):
        state.overlay = nil
        let agenda = state.context?.agendas.first { $0.id == entry.agendaID }?.name ?? ""
        let when = AgendaListOverlay.preferences(entry.preferences, state.language)
        state.flash = Flash(text: state.text(.agendaWaitlisted) + "\(entry.contactName) (\(agenda)\(when.isEmpty ? "" : ", \(when)"))",
                            isError: false)
        return []
    case .absencesLoaded, .absenceAdded, .waitlistLoaded:
        return handleAgendaListEvent(&state, event)
    case .refused(let reason):
        if case .absences(var list) = state.overlay, list.form != nil {
            list.form?.error = reason
            state.overlay = .absences(list)
            return []
        }
        if case .agenda(.waitlist(var form)) = state.overlay {
            form.error = reason
            state.overlay = .agenda(.waitlist(form))
            return []
        }
        if case .agenda = state.overlay { state.overlay = nil }
        state.flash = Flash(text: reason, isError: true)
        // The slot may have just been taken by another terminal: show the week as it is now.
        return reloadWeek(state)
    }
}

/// Puts the cursor on `instant` (in its week, loading it) and reads the week again.
private func focusAgenda(_ state: inout AppState, on instant: Date, reload: Bool = true) -> [Effect] {
    guard let client = state.context?.client else { return [] }
    let calendar = client.calendar
    let date = calendar.localDate(of: instant)
    state.agenda.cursorDay = min(5, date.weekday.rawValue - 1)
    state.agenda.cursorMinute = calendar.timeOfDay(of: instant).minutes
    let monday = date.mondayOfWeek
    if monday != state.agenda.monday || reload { return showWeek(&state, monday) }
    scrollAgendaToCursor(&state)
    return []
}

private func reloadWeek(_ state: AppState) -> [Effect] {
    guard let agenda = currentAgenda(state), let monday = state.agenda.monday else { return [] }
    return [.loadWeek(agenda, monday)]
}

private func flash(_ state: inout AppState, _ text: Text, isError: Bool) -> [Effect] {
    state.flash = Flash(text: state.text(text), isError: isError)
    return []
}

/// `Consultation 20 min`
func typeLabel(_ type: AppointmentType) -> String { "\(type.name) \(type.minutes) min" }

/// `Mon 23/11 10:15` in the client's time.
func when(_ instant: Date, _ state: AppState) -> String {
    let calendar = state.calendar
    return state.language.shortDate(calendar.localDate(of: instant)) + " " + calendar.timeOfDay(of: instant).description
}

/// `Marie Lefèvre · Consultation · Mon 23/11 10:15`
private func summary(_ details: AppointmentDetails, _ state: AppState) -> String {
    "\(details.contactName) · \(details.typeName) · \(when(details.start, state))"
}

// MARK: - Go to a date

/// The date typed after `g`: `2026-12-25`, `25/12/2026`, or `25/12` (the 25 December
/// nearest to today, so in November `10/01` is next January).
func goToDate(_ text: String, today: LocalDate) -> LocalDate? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: "/")
    if trimmed.filter({ $0 == "/" }).count == 1 {
        let candidates = [today.year - 1, today.year, today.year + 1].compactMap {
            try? LocalDate(parsing: trimmed, referenceYear: $0)
        }
        return candidates.min { abs($0.dayNumber - today.dayNumber) < abs($1.dayNumber - today.dayNumber) }
    }
    return try? LocalDate(parsing: trimmed)
}

/// Shows the week of `date`, the cursor on its day (Sunday: Saturday), at the same time.
func goToAgendaDate(_ state: inout AppState, _ date: LocalDate) -> [Effect] {
    state.agenda.cursorDay = min(5, date.weekday.rawValue - 1)
    let effects = showWeek(&state, date.mondayOfWeek)
    scrollAgendaToCursor(&state)
    return effects
}
