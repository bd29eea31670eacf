import Foundation
import SecretaryCore

/// The agenda's windows: booking, an appointment's details, cancelling, a no-show, the
/// waiting list (offers after a cancellation, and adding the caller), the go-to-date line.
enum BookingOverlay {
    /// One line of a window: text, role, and whether the role fills the whole line.
    struct Line {
        var text: String
        var role: StyleRole = .normal
        var fill = false
    }

    static func render(_ state: AppState, _ overlay: AgendaOverlay, into buffer: inout ScreenBuffer) {
        switch overlay {
        case .booking(let form): window(state, title: state.text(.bookingTitle), booking(state, form), into: &buffer)
        case .details(let details): window(state, title: state.text(.detailsTitle), self.details(state, details), into: &buffer)
        case .cancel(let form): window(state, title: state.text(.cancelTitle), cancel(state, form), into: &buffer)
        case .noShow(let booking):
            window(state, title: state.text(.noShowTitle), [
                Line(text: describe(booking, state), role: .emphasis),
                Line(text: ""),
                Line(text: state.text(.noShowConfirm), role: .warning),
            ], into: &buffer)
        case .waitlistOffers(let offers): window(state, title: state.text(.offersTitle), self.offers(state, offers), into: &buffer)
        case .waitlist(let form): window(state, title: state.text(.waitlistTitle), waitlist(state, form), into: &buffer)
        case .goTo(let text, let error): goTo(state, text: text, error: error, into: &buffer)
        }
    }

    static func window(_ state: AppState, title: String, _ lines: [Line], into buffer: inout ScreenBuffer) {
        let widest = lines.map { DisplayWidth.of($0.text) }.max() ?? 0
        let rect = Overlays.centered(width: max(50, min(76, widest + 4)), height: lines.count + 2, in: state)
        Overlays.frame(rect, title: title, into: &buffer)
        for (index, line) in lines.enumerated() where index < rect.height - 2 {
            let y = rect.y + 1 + index
            if line.fill { buffer.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), role: line.role) }
            buffer.write(DisplayWidth.prefix(line.text, columns: rect.width - 4, ellipsis: true), x: rect.x + 2, y: y, role: line.role)
        }
    }

    /// `Marie Lefèvre · Consultation · Mon 23/11 10:00-10:20`
    static func describe(_ booking: WeekGrid.Booking, _ state: AppState) -> String {
        "\(booking.contactName) · \(booking.typeName) · \(span(booking.start, booking.end, state))"
    }

    /// `Mon 23/11 10:00-10:20`
    static func span(_ start: Date, _ end: Date, _ state: AppState) -> String {
        let calendar = state.calendar
        return state.language.shortDate(calendar.localDate(of: start)) + " " + calendar.spokenSpan(DateInterval(start: start, end: end))
    }

    static func booking(_ state: AppState, _ form: BookingForm) -> [Line] {
        let types = state.context?.types ?? []
        let agenda = state.context?.agendas.first { $0.id == form.agendaID }?.name ?? ""
        var lines = [Line(text: "\(agenda) · \(when(form.start, state))", role: .heading)]
        if form.step == .contact {
            lines.append(Line(text: state.text(.lookupSearchPrompt) + state.withCaret(form.query), role: .input))
            if form.results.isEmpty && !SearchText.words(form.query).isEmpty {
                lines.append(Line(text: state.text(.lookupNoMatch), role: .dim))
            }
            for (index, contact) in form.results.prefix(8).enumerated() {
                let phone = contact.phones.first?.national ?? ""
                let selected = index == form.selection
                lines.append(Line(text: "\(contact.lastName) \(contact.firstName)  \(phone)",
                                  role: selected ? .selection : (contact.isBlacklisted ? .urgent : .normal), fill: selected))
            }
            lines.append(Line(text: ""))
            lines.append(Line(text: state.text(.bookingContactHint), role: .dim))
            return lines
        }
        if let contact = form.contact {
            let phone = contact.phones.first.map { " · \($0.national)" } ?? ""
            lines.append(Line(text: contact.displayName + phone, role: contact.isBlacklisted ? .urgent : .emphasis))
            if contact.isBlacklisted { lines.append(Line(text: "⚠ " + state.text(.lookupBlacklisted), role: .warning)) }
        }
        lines.append(Line(text: ""))
        lines.append(Line(text: state.text(.bookingChooseType), role: form.step == .type ? .heading : .dim))
        let nameWidth = min(28, types.map { DisplayWidth.of($0.name) }.max() ?? 0)
        for (index, type) in types.enumerated().prefix(9) {
            let fits = type.minutes <= form.freeMinutes
            let selected = index == form.typeIndex
            let text = " \(index + 1)  " + DisplayWidth.fit(type.name, columns: nameWidth) + String(format: " %3d min", type.minutes)
                + (fits ? "" : "  " + state.text(.bookingDoesNotFit))
            let role: StyleRole = selected ? .selection : (fits ? .normal : .dim)
            lines.append(Line(text: text, role: role, fill: selected && form.step == .type))
        }
        lines.append(Line(text: ""))
        if form.step == .note, let contact = form.contact, types.indices.contains(form.typeIndex) {
            // What Enter will do, said before it is done.
            let type = types[form.typeIndex]
            let end = form.start.addingTimeInterval(TimeInterval(type.minutes * 60))
            lines.append(Line(text: "→ \(contact.displayName) · \(type.name) · \(span(form.start, end, state))",
                              role: .emphasis))
            lines.append(Line(text: state.text(.endCallNote) + state.withCaret(form.note), role: .input))
            lines.append(Line(text: state.text(.bookingNoteHint), role: .dim))
        } else {
            lines.append(Line(text: state.text(.bookingTypeHint), role: .dim))
        }
        return lines
    }

    static func details(_ state: AppState, _ details: AppointmentDetails) -> [Line] {
        let agenda = state.context?.agendas.first { $0.id == details.appointment.agendaID }?.name ?? ""
        let status: Text = switch details.status {
        case .booked: .statusBooked
        case .cancelled: .statusCancelled
        case .noShow: .statusNoShow
        }
        func field(_ label: Text, _ value: String) -> Line {
            Line(text: DisplayWidth.fit(state.text(label), columns: 10, ellipsis: false) + " " + value)
        }
        var lines = [
            field(.detailsWho, details.contactName),
            field(.detailsType, "\(details.typeName) (\(Int(details.end.timeIntervalSince(details.start) / 60)) min)"),
            field(.detailsWhen, span(details.start, details.end, state) + " · " + agenda),
        ]
        if !details.appointment.note.isEmpty { lines.append(field(.detailsNote, details.appointment.note)) }
        let booked = [details.bookedBy, details.bookedAt.map { state.language.fullDate(state.calendar.localDate(of: $0)) + " "
            + state.calendar.timeOfDay(of: $0).description }].compactMap { $0 }.joined(separator: ", ")
        if !booked.isEmpty { lines.append(field(.detailsBookedBy, booked)) }
        var statusText = state.text(status)
        if let reason = details.appointment.cancelReason, details.status == .cancelled { statusText += " — \(reason)" }
        lines.append(field(.detailsStatus, statusText))
        lines.append(Line(text: ""))
        lines.append(Line(text: state.text(.detailsKeys), role: .dim))
        return lines
    }

    static func cancel(_ state: AppState, _ form: CancelForm) -> [Line] {
        var lines = [Line(text: describe(form.booking, state), role: .emphasis),
                     Line(text: state.text(.cancelReason) + (form.confirming ? form.reason : state.withCaret(form.reason)), role: .input)]
        if let error = form.error { lines.append(Line(text: error, role: .warning)) }
        lines.append(Line(text: ""))
        lines.append(form.confirming ? Line(text: state.text(.cancelConfirm), role: .warning)
                                     : Line(text: state.text(.cancelHint), role: .dim))
        return lines
    }

    static func offers(_ state: AppState, _ offers: WaitlistOffers) -> [Line] {
        var lines = [Line(text: state.text(.offersFreed) + span(offers.freed.start, offers.freed.end, state), role: .heading),
                     Line(text: "")]
        for (index, match) in offers.matches.prefix(9).enumerated() {
            let entry = match.entry
            var text = " \(index + 1)  \(entry.contactName) · \(entry.typeName ?? offers.cancelled.typeName) · "
                + span(match.slot.start, match.slot.end, state)
            let when = AgendaListOverlay.preferences(entry.preferences, state.language)
            if !when.isEmpty { text += " · \(when)" }
            let selected = index == offers.selection
            lines.append(Line(text: text, role: selected ? .selection : .normal, fill: selected))
        }
        lines.append(Line(text: ""))
        lines.append(Line(text: state.text(.offersHint), role: .dim))
        return lines
    }

    static func waitlist(_ state: AppState, _ form: WaitlistForm) -> [Line] {
        let types = state.context?.types ?? []
        let agenda = state.context?.agendas.first { $0.id == form.agendaID }?.name ?? ""
        var lines = [Line(text: "\(form.contact.displayName) · \(agenda)", role: .heading), Line(text: "")]
        let choices: [(Int?, String)] = [(nil, " 0  " + state.text(.waitlistAnyType))]
            + types.prefix(9).enumerated().map { (Optional($0.offset), " \($0.offset + 1)  " + typeLabel($0.element)) }
        for (index, text) in choices {
            let selected = index == form.typeIndex
            lines.append(Line(text: text, role: selected ? .selection : .normal, fill: selected && !form.typingPreferences))
        }
        lines.append(Line(text: ""))
        if form.typingPreferences {
            lines.append(Line(text: state.text(.waitlistPreferences) + state.withCaret(form.preferences), role: .input))
            lines.append(Line(text: form.error ?? state.text(.waitlistPreferencesHint), role: form.error == nil ? .dim : .warning))
        } else {
            lines.append(Line(text: state.text(.waitlistTypeHint), role: .dim))
        }
        return lines
    }

    /// The `g` line, over the agenda pane's last line (or the screen's middle when the agenda
    /// is not on screen).
    static func goTo(_ state: AppState, text: String, error: String?, into buffer: inout ScreenBuffer) {
        let layout = Layout(width: state.width, height: state.height, focus: state.focus)
        let line: Rect
        if let pane = layout.panes[.agenda] {
            let inside = pane.inset(by: 1)
            line = Rect(x: inside.x, y: inside.maxY - 1, width: inside.width, height: 1)
        } else {
            line = Rect(x: 1, y: state.height / 2, width: state.width - 2, height: 1)
        }
        buffer.fill(line, role: .input)
        let used = buffer.write(state.text(.goToPrompt) + state.withCaret(text), x: line.x, y: line.y, role: .input, limit: line.width)
        if let error {
            buffer.write("  " + error, x: line.x + used, y: line.y, role: .warning, limit: line.width - used)
        }
    }
}
