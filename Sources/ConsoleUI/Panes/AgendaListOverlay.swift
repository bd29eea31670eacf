import Foundation
import SecretaryCore

/// The agenda's lists: its practitioner's absences (with the form adding one) and its
/// waiting list.
enum AgendaListOverlay {
    static func render(_ state: AppState, _ list: AbsenceList, into buffer: inout ScreenBuffer) {
        var lines: [BookingOverlay.Line] = []
        if let absences = list.absences {
            if absences.isEmpty { lines.append(.init(text: state.text(.absencesNone), role: .dim)) }
            for (index, absence) in absences.enumerated() {
                let selected = index == list.selection && list.form == nil
                lines.append(.init(text: period(absence.start, absence.end, state) + "  " + absence.reason,
                                   role: selected ? .selection : .normal, fill: selected))
            }
        } else {
            lines.append(.init(text: state.text(.messagesLoading), role: .dim))
        }
        lines.append(.init(text: ""))
        if let form = list.form {
            lines.append(.init(text: state.text(.absenceNewTitle), role: .heading))
            let fields: [(Text, String, AbsenceForm.Field)] = [(.absenceFrom, form.from, .from), (.absenceTo, form.to, .to),
                                                               (.absenceReason, form.reason, .reason)]
            for (label, value, field) in fields {
                let typing = form.field == field
                lines.append(.init(text: DisplayWidth.fit(state.text(label), columns: 10, ellipsis: false) + " " + value
                                   + (typing ? "▏" : ""), role: typing ? .input : .normal))
            }
            lines.append(.init(text: form.error ?? state.text(.absenceFormHint), role: form.error == nil ? .dim : .warning))
        } else {
            lines.append(.init(text: ListKeys.text(state, .absences), role: .dim))
        }
        BookingOverlay.window(state, title: state.text(.absencesTitle) + " — " + list.agendaName, lines, into: &buffer)
    }

    static func render(_ state: AppState, _ list: WaitingListView, into buffer: inout ScreenBuffer) {
        var lines: [BookingOverlay.Line] = []
        if let entries = list.entries {
            if entries.isEmpty { lines.append(.init(text: state.text(.waitingListNone), role: .dim)) }
            for (index, entry) in entries.enumerated() {
                let selected = index == list.selection
                let since = state.language.fullDate(state.calendar.localDate(of: entry.createdAt))
                let wanted = entry.typeName ?? state.text(.waitlistAnyType)
                let when = preferences(entry.preferences, state.language)
                var text = DisplayWidth.fit(entry.contactName, columns: 22) + " " + wanted
                text += " · " + (when.isEmpty ? state.text(.waitingListAnyTime) : when)
                text += " · " + state.text(.waitingListSince) + " " + since
                if !entry.note.isEmpty { text += " · " + entry.note }
                lines.append(.init(text: text, role: selected ? .selection : .normal, fill: selected))
            }
        } else {
            lines.append(.init(text: state.text(.messagesLoading), role: .dim))
        }
        lines.append(.init(text: ""))
        lines.append(.init(text: ListKeys.text(state, .waitingList), role: .dim))
        BookingOverlay.window(state, title: state.text(.waitingListTitle) + " — " + list.agendaName, lines, into: &buffer)
    }

    /// `Thu 26/11 14:00-16:00`, or `Thu 26/11 14:00 → Fri 27/11 18:00` over several days.
    static func period(_ start: Date, _ end: Date, _ state: AppState) -> String {
        let calendar = state.calendar
        let first = calendar.localDate(of: start), last = calendar.localDate(of: end.addingTimeInterval(-1))
        if first == last { return BookingOverlay.span(start, end, state) }
        return state.language.shortDate(first) + " " + calendar.timeOfDay(of: start).description + " → "
            + state.language.shortDate(calendar.localDate(of: end)) + " " + calendar.timeOfDay(of: end).description
    }

    /// `mon-wed 08:00-12:00` in the interface's language: `lun. mar. mer. 08:00-12:00`.
    static func preferences(_ preferences: WaitlistPreferences, _ language: Language) -> String {
        (Weekday.allCases.filter(preferences.days.contains).map { language.weekdayName($0, short: true) }
            + preferences.times.map(\.description)).joined(separator: " ")
    }
}
