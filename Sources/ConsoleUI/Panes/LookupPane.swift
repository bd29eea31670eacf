import Foundation
import SecretaryCore

/// The caller: found by number when a call is answered, or searched by name with `/`.
enum LookupPane {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, in rect: Rect) {
        var writer = LineWriter(rect: rect)
        let lookup = state.lookup
        if lookup.searching || (!lookup.query.isEmpty && lookup.opened == nil) {
            writer.line(&buffer, state.text(.lookupSearchPrompt) + (lookup.searching ? state.withCaret(lookup.query) : lookup.query), role: .input)
            if lookup.results.isEmpty && !SearchText.words(lookup.query).isEmpty {
                writer.line(&buffer, state.text(.lookupNoMatch), role: .dim)
            } else if lookup.results.count >= LookupState.searchLimit {
                writer.line(&buffer, state.text(.lookupMoreMatches), role: .dim)
            }
            results(state, into: &buffer, writer: &writer)
            return
        }
        if let contact = lookup.opened {
            contactCard(state, contact, into: &buffer, writer: &writer)
            return
        }
        if lookup.callerUnknown {
            writer.line(&buffer, state.text(.lookupUnknownHint), role: .warning)
            writer.line(&buffer, lookup.callerNumber?.national ?? state.text(.withheldNumber), role: .emphasis)
            return
        }
        if !lookup.results.isEmpty {
            results(state, into: &buffer, writer: &writer)
            return
        }
        writer.line(&buffer, state.text(.lookupIdle), role: .dim)
    }

    /// As many names as the pane has rows, scrolled so that the selected one shows.
    private static func results(_ state: AppState, into buffer: inout ScreenBuffer, writer: inout LineWriter) {
        let rows = max(1, writer.rect.maxY - writer.y)
        let first = max(0, state.lookup.selection - rows + 1)
        for (index, contact) in state.lookup.results.enumerated().dropFirst(first) {
            let selected = index == state.lookup.selection && state.focus == .lookup
            let name = DisplayWidth.fit("\(contact.lastName) \(contact.firstName)", columns: max(10, writer.rect.width - 16))
            let phone = contact.phones.first?.national ?? ""
            let role: StyleRole = selected ? .selection : (contact.isBlacklisted ? .urgent : .normal)
            if !writer.line(&buffer, name + " " + phone, role: role, fill: selected) { return }
        }
    }

    private static func contactCard(_ state: AppState, _ contact: Contact, into buffer: inout ScreenBuffer,
                                    writer: inout LineWriter) {
        // During a call, the card always says whether it shows the caller.
        if state.call != nil {
            let whose: Text = state.lookup.showsCaller ? .cardCaller
                : state.lookup.caller == nil && state.lookup.results.contains(contact) ? .cardCandidate : .cardLookedUp
            writer.line(&buffer, (state.lookup.showsCaller ? "☎ " : "? ") + state.text(whose),
                        role: state.lookup.showsCaller ? .ownCall : .warning, fill: true)
        }
        writer.line(&buffer, contact.displayName, role: .heading)
        if contact.isBlacklisted { writer.line(&buffer, "⚠ " + state.text(.lookupBlacklisted), role: .warning, fill: true) }
        let colon = state.language.colon
        writer.line(&buffer, state.text(.labelNumbers) + colon + contact.phones.map(\.national).joined(separator: ", "))
        if let email = contact.email { writer.line(&buffer, state.text(.labelEmail) + colon + email) }
        // A note is read in full: wrapped, never cut.
        if !contact.notes.isEmpty {
            for line in InstructionsPane.wrap(state.text(.labelNotes) + colon + contact.notes, width: writer.rect.width) {
                writer.line(&buffer, line, role: .emphasis)
            }
        }
        guard let history = state.lookup.history else { return }
        let calendar = state.calendar
        let upcoming = history.appointments.filter { $0.at >= state.now }.reversed()
        let past = history.appointments.filter { $0.at < state.now }
        let sections: [(Text, [ContactHistory.Item])] = [
            (.historyAppointmentsUpcoming, Array(upcoming)), (.historyCalls, history.calls),
            (.historyMessages, history.messages), (.historyAppointmentsPast, past),
        ]
        for (title, items) in sections {
            guard writer.line(&buffer, "") else { return }
            writer.line(&buffer, state.text(title) + (items.isEmpty ? colon + state.text(.historyNone) : ""), role: .heading)
            let marks = items.prefix(5).map { item in item.status.map { HistoryMark($0, isPast: item.at < state.now) } }
            let statusWidth = marks.compactMap { $0.map { DisplayWidth.of(state.text($0.text)) } }.max().map { $0 + 1 } ?? 0
            for (item, mark) in zip(items.prefix(5), marks) {
                let date = state.language.fullDate(calendar.localDate(of: item.at))
                let time = calendar.timeOfDay(of: item.at)
                guard writer.y < writer.rect.maxY else { return }
                // The status first, in its own column and colour: never at the cut end.
                if let mark {
                    buffer.write(" " + DisplayWidth.fit(state.text(mark.text), columns: statusWidth, ellipsis: false),
                                 x: writer.rect.x, y: writer.y, role: mark.role, limit: writer.rect.width)
                    let cut = DisplayWidth.prefix(" \(date) \(time)  \(item.text)", columns: writer.rect.width - 1 - statusWidth,
                                                  ellipsis: true)
                    buffer.write(cut, x: writer.rect.x + 1 + statusWidth, y: writer.y)
                    writer.y += 1
                } else if !writer.line(&buffer, "  \(date) \(time)  \(item.text)") {
                    return
                }
            }
        }
    }
}

/// Writes successive lines into a pane, stopping at its bottom.
struct LineWriter {
    let rect: Rect
    var y: Int

    init(rect: Rect) {
        self.rect = rect
        y = rect.y
    }

    /// Writes one line; false once the pane is full.
    @discardableResult
    mutating func line(_ buffer: inout ScreenBuffer, _ text: String, role: StyleRole = .normal, fill: Bool = false) -> Bool {
        guard y < rect.maxY else { return false }
        if fill { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role) }
        buffer.write(DisplayWidth.prefix(text, columns: rect.width, ellipsis: true), x: rect.x, y: y, role: role)
        y += 1
        return true
    }
}

/// An appointment's status on the caller's card: a short word in its colour. A booked
/// appointment in the past is done.
/// A history item's status as the card shows it: a word in its own colour. A past booked
/// appointment reads "done".
struct HistoryMark {
    let text: Text
    let role: StyleRole

    init(_ status: HistoryStatus, isPast: Bool) {
        switch status {
        case .appointment(.booked): (text, role) = isPast ? (.statusDone, .dim) : (.statusBooked, .success)
        case .appointment(.cancelled): (text, role) = (.statusCancelled, .warning)
        case .appointment(.noShow): (text, role) = (.statusNoShow, .urgent)
        case .call(.abandoned, _): (text, role) = (Text(status), .warning)
        case .message(.new): (text, role) = (Text(status), .emphasis)
        default: (text, role) = (Text(status), .dim)
        }
    }
}
