import Foundation
import SecretaryCore

// Two lists of the agenda in view, each a window over the panes: its practitioner's absences
// (`A`, where `n` adds one from the cursor's day), and its waiting list (`W`). Pure.

/// The agenda's coming absences, and the form adding one.
public struct AbsenceList: Equatable, Sendable {
    public var agendaID: Int64
    public var agendaName: String
    /// nil until loaded; those not over yet, by start.
    public var absences: [Absence]?
    public var selection = 0
    /// Adding an absence: open while typing it.
    public var form: AbsenceForm?

    public init(agendaID: Int64, agendaName: String) {
        self.agendaID = agendaID
        self.agendaName = agendaName
    }
}

/// An absence as typed: from and to (`26/11/2026 14:00`, or a bare date: the whole day), why.
public struct AbsenceForm: Equatable, Sendable {
    public enum Field: Int, CaseIterable, Sendable { case from, to, reason }

    public var from: String
    public var to: String
    public var reason = ""
    public var field = Field.reason
    public var error: String?

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// The agenda's open waiting list, oldest first.
public struct WaitingListView: Equatable, Sendable {
    public var agendaID: Int64
    public var agendaName: String
    public var entries: [WaitlistEntry]?
    public var selection = 0

    public init(agendaID: Int64, agendaName: String) {
        self.agendaID = agendaID
        self.agendaName = agendaName
    }
}

extension Overlay {
    /// The list window open, whose keys the key-hint line then shows (a form in it types).
    var list: ListOverlay? {
        switch self {
        case .callbacks: .callbacks
        case .messages: .messages
        case .absences(let list): list.form == nil ? .absences : nil
        case .waitingList: .waitingList
        case .board: .board
        default: nil
        }
    }
}

func openAgendaList(_ state: inout AppState, _ action: Action) -> [Effect] {
    guard let agenda = currentAgenda(state) else {
        state.flash = Flash(text: state.text(.agendaNone), isError: true)
        return []
    }
    if action == .absences {
        state.overlay = .absences(AbsenceList(agendaID: agenda.id, agendaName: agenda.name))
        return [.agenda(.loadAbsences(agenda.id))]
    }
    state.overlay = .waitingList(WaitingListView(agendaID: agenda.id, agendaName: agenda.name))
    return [.agenda(.loadWaitlist(agenda.id))]
}

func absenceListKey(_ state: inout AppState, _ list: AbsenceList, _ key: Key) -> [Effect] {
    var list = list
    defer { if case .absences = state.overlay { state.overlay = .absences(list) } }
    if var form = list.form {
        defer { list.form = list.form == nil ? nil : form }
        let fields = AbsenceForm.Field.allCases
        switch key {
        case .escape:
            list.form = nil
        case .tab, .down:
            form.field = fields[(form.field.rawValue + 1) % fields.count]
        case .backTab, .up:
            form.field = fields[(form.field.rawValue + fields.count - 1) % fields.count]
        case .enter:
            return submitAbsence(&state, list.agendaID, &form)
        default:
            switch form.field {
            case .from: guard edit(&form.from, key, caret: &state.caret) else { return [] }
            case .to: guard edit(&form.to, key, caret: &state.caret) else { return [] }
            case .reason: guard edit(&form.reason, key, caret: &state.caret) else { return [] }
            }
            form.error = nil
        }
        return []
    }
    let count = list.absences?.count ?? 0
    switch Keymap.action(for: key, in: .absences) {
    case .cancel: state.overlay = nil
    case .up: list.selection = max(0, list.selection - 1)
    case .down: list.selection = min(max(0, count - 1), list.selection + 1)
    case .addAbsence:
        // From the agenda's cursor: its day and slot, to the end of that day.
        let day = state.agenda.monday.map { $0.adding(days: state.agenda.cursorDay) } ?? state.calendar.localDate(of: state.now)
        let time = AgendaPane.hhmm(state.agenda.cursorMinute)
        list.form = AbsenceForm(from: state.language.fullDate(day) + " " + time, to: state.language.fullDate(day))
    default: break
    }
    return []
}

private func submitAbsence(_ state: inout AppState, _ agendaID: Int64, _ form: inout AbsenceForm) -> [Effect] {
    let today = state.calendar.localDate(of: state.now)
    guard let from = absenceInstant(form.from, today: today, calendar: state.calendar, endOfDay: false) else {
        form.field = .from
        form.error = state.text(.absenceBadTime)
        return []
    }
    guard let to = absenceInstant(form.to, today: today, calendar: state.calendar, endOfDay: true) else {
        form.field = .to
        form.error = state.text(.absenceBadTime)
        return []
    }
    guard to > from else {
        form.field = .to
        form.error = state.text(.absenceEndBeforeStart)
        return []
    }
    guard !form.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
        form.field = .reason
        form.error = state.text(.absenceNeedsReason)
        return []
    }
    form.error = nil
    return [.agenda(.addAbsence(agendaID: agendaID, from: from, to: to,
                                reason: form.reason.trimmingCharacters(in: .whitespaces)))]
}

/// `26/11/2026 14:00`, `26/11 14:00`, `2026-11-26T14:00`; a bare date starts at its midnight,
/// or, for an end, includes that day.
func absenceInstant(_ text: String, today: LocalDate, calendar: LocalCalendar, endOfDay: Bool) -> Date? {
    let parts = text.replacingOccurrences(of: "T", with: " ").split(separator: " ").map(String.init)
    guard (1...2).contains(parts.count), let date = goToDate(parts[0], today: today) else { return nil }
    if parts.count == 2 {
        guard let time = try? TimeOfDay(parsing: parts[1]) else { return nil }
        return calendar.instant(date, time)
    }
    guard let midnight = try? TimeOfDay(minutes: 0) else { return nil }
    return calendar.instant(endOfDay ? date.adding(days: 1) : date, midnight)
}

func waitingListKey(_ state: inout AppState, _ list: WaitingListView, _ key: Key) -> [Effect] {
    var list = list
    let count = list.entries?.count ?? 0
    switch Keymap.action(for: key, in: .waitingList) {
    case .cancel:
        state.overlay = nil
        return []
    case .up: list.selection = max(0, list.selection - 1)
    case .down: list.selection = min(max(0, count - 1), list.selection + 1)
    default: return []
    }
    state.overlay = .waitingList(list)
    return []
}

func handleAgendaListEvent(_ state: inout AppState, _ event: AgendaEvent) -> [Effect] {
    switch event {
    case .absencesLoaded(let agendaID, let absences):
        guard case .absences(var list) = state.overlay, list.agendaID == agendaID else { return [] }
        list.absences = absences
        list.selection = min(list.selection, max(0, absences.count - 1))
        state.overlay = .absences(list)
    case .absenceAdded(let absence, let affected):
        guard case .absences(var list) = state.overlay else { return [] }
        list.form = nil
        state.overlay = .absences(list)
        var text = state.text(.absenceAdded) + BookingOverlay.span(absence.start, absence.end, state)
        if !affected.isEmpty {
            text += " — \(affected.count) " + state.text(.absenceToMove) + affected.map(\.contactName).joined(separator: ", ")
        }
        state.flash = Flash(text: text, isError: !affected.isEmpty)
        var effects: [Effect] = [.agenda(.loadAbsences(list.agendaID))]
        if let agenda = currentAgenda(state), agenda.id == absence.agendaID, let monday = state.agenda.monday {
            effects.append(.loadWeek(agenda, monday))
        }
        return effects
    case .waitlistLoaded(let agendaID, let entries):
        guard case .waitingList(var list) = state.overlay, list.agendaID == agendaID else { return [] }
        list.entries = entries
        list.selection = min(list.selection, max(0, entries.count - 1))
        state.overlay = .waitingList(list)
    default:
        break
    }
    return []
}
