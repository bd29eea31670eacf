import Foundation
import SecretaryCore

// Keys in the agenda's windows: booking (contact, type, note), an appointment's details,
// cancelling (reason, confirm), a no-show (confirm), the waiting-list offers after a
// cancellation, putting the caller on the waiting list, and the go-to-date line.

func handleAgendaOverlayKey(_ state: inout AppState, _ overlay: AgendaOverlay, _ key: Key) -> [Effect] {
    switch overlay {
    case .booking(let form): return bookingKey(&state, form, key)
    case .details: return detailsKey(&state, key)
    case .cancel(let form): return cancelKey(&state, form, key)
    case .noShow(let booking):
        state.overlay = nil
        return isYes(key) ? [.agenda(.markNoShow(booking.id))] : []
    case .waitlistOffers(let offers): return offersKey(&state, offers, key)
    case .waitlist(let form): return waitlistKey(&state, form, key)
    case .goTo(var text, _):
        switch key {
        case .escape:
            state.overlay = nil
        case .enter:
            guard let date = goToDate(text, today: state.calendar.localDate(of: state.now)) else {
                state.overlay = .agenda(.goTo(text: text, error: state.text(.goToInvalid)))
                return []
            }
            state.overlay = nil
            return goToAgendaDate(&state, date)
        default:
            if edit(&text, key, caret: &state.caret) { state.overlay = .agenda(.goTo(text: text, error: nil)) }
        }
        return []
    }
}

/// `o` (oui), `y` or Enter confirm.
private func isYes(_ key: Key) -> Bool {
    [.character("o"), .character("O"), .character("y"), .character("Y"), .enter].contains(key)
}

/// The digit key `1`–`9` as an index 0–8.
private func digitIndex(_ key: Key) -> Int? {
    guard case .character(let c) = key, let digit = c.wholeNumberValue, (1...9).contains(digit) else { return nil }
    return digit - 1
}

private func bookingKey(_ state: inout AppState, _ form: BookingForm, _ key: Key) -> [Effect] {
    var form = form
    let types = state.context?.types ?? []
    defer { if case .agenda(.booking) = state.overlay { state.overlay = .agenda(.booking(form)) } }
    switch form.step {
    case .contact:
        switch key {
        case .escape:
            state.overlay = nil
        case .up:
            form.selection = max(0, form.selection - 1)
        case .down:
            form.selection = min(max(0, form.results.count - 1), form.selection + 1)
        case .enter:
            guard form.results.indices.contains(form.selection) else { return [] }
            form.contact = form.results[form.selection]
            form.step = .type
        default:
            guard edit(&form.query, key, caret: &state.caret), let client = state.clientID else { return [] }
            if SearchText.words(form.query).isEmpty {
                form.results = []
                return []
            }
            return [.searchContacts(form.query, client)]
        }
    case .type:
        switch key {
        case .escape:
            state.overlay = nil
        case .character("/"):
            form.step = .contact
            form.query = ""
            form.results = []
        case .up:
            form.typeIndex = max(0, form.typeIndex - 1)
        case .down:
            form.typeIndex = min(max(0, types.count - 1), form.typeIndex + 1)
        case .enter:
            if types.indices.contains(form.typeIndex) { form.step = .note }
        default:
            guard let index = digitIndex(key), types.indices.contains(index) else { return [] }
            form.typeIndex = index
            form.step = .note
        }
    case .note:
        switch key {
        case .escape:
            form.step = .type
        case .enter:
            guard let contact = form.contact, types.indices.contains(form.typeIndex) else { return [] }
            state.agenda.typeID = types[form.typeIndex].id
            return [.agenda(.book(BookingRequest(agendaID: form.agendaID, contact: .existing(contact.id), typeID: types[form.typeIndex].id,
                                                start: form.start, note: form.note.trimmingCharacters(in: .whitespaces))))]
        default:
            _ = edit(&form.note, key, caret: &state.caret)
        }
    }
    return []
}

/// Contacts found while booking (the lookup's search, answered into the booking window).
/// True when the answer was the booking's.
func bookingSearchResults(_ state: inout AppState, query: String, _ contacts: [Contact]) -> Bool {
    guard case .agenda(.booking(var form)) = state.overlay, form.step == .contact else { return false }
    if form.query == query {
        form.results = contacts
        form.selection = 0
        state.overlay = .agenda(.booking(form))
    }
    return true
}

/// The details window closes with Esc or Enter; `m`, `x`, `n` act on the appointment shown
/// (the cursor is on it).
private func detailsKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if key == .escape || key == .enter {
        state.overlay = nil
        return []
    }
    guard let action = Keymap.action(for: key, in: .agenda),
          [.moveAppointment, .cancelAppointment, .noShow].contains(action) else { return [] }
    state.overlay = nil
    return performAgendaAction(&state, action)
}

private func cancelKey(_ state: inout AppState, _ form: CancelForm, _ key: Key) -> [Effect] {
    var form = form
    if form.confirming {
        if isYes(key) {
            return [.agenda(.cancel(form.booking.id, reason: form.reason.trimmingCharacters(in: .whitespaces)))]
        }
        // No (or Esc): back to the reason; other keys are ignored.
        if key == .escape || key == .character("n") || key == .character("N") {
            form.confirming = false
            state.overlay = .agenda(.cancel(form))
        }
        return []
    }
    switch key {
    case .escape:
        state.overlay = nil
        return []
    case .enter:
        if form.reason.trimmingCharacters(in: .whitespaces).isEmpty {
            form.error = state.text(.cancelNeedsReason)
        } else {
            form.error = nil
            form.confirming = true
        }
    default:
        _ = edit(&form.reason, key, caret: &state.caret)
    }
    state.overlay = .agenda(.cancel(form))
    return []
}

private func offersKey(_ state: inout AppState, _ offers: WaitlistOffers, _ key: Key) -> [Effect] {
    var offers = offers
    var chosen: Int?
    switch key {
    case .escape:
        state.overlay = nil
        return []
    case .up: offers.selection = max(0, offers.selection - 1)
    case .down: offers.selection = min(max(0, offers.matches.count - 1), offers.selection + 1)
    case .enter: chosen = offers.selection
    default:
        if let index = digitIndex(key), offers.matches.indices.contains(index) {
            offers.selection = index
            chosen = index
        }
    }
    state.overlay = .agenda(.waitlistOffers(offers))
    guard let chosen, offers.matches.indices.contains(chosen) else { return [] }
    let match = offers.matches[chosen]
    return [.agenda(.book(BookingRequest(
        agendaID: match.entry.agendaID, contact: .existing(match.entry.contactID),
        typeID: match.entry.typeID ?? offers.cancelled.appointment.typeID, start: match.slot.start,
        note: match.entry.note, waitlistEntryID: match.entry.id)))]
}

private func waitlistKey(_ state: inout AppState, _ form: WaitlistForm, _ key: Key) -> [Effect] {
    var form = form
    let types = state.context?.types ?? []
    if !form.typingPreferences {
        switch key {
        case .escape:
            state.overlay = nil
            return []
        case .character("0"):
            form.typeIndex = nil
            form.typingPreferences = true
        case .up:
            form.typeIndex = form.typeIndex.flatMap { $0 == 0 ? nil : $0 - 1 }
        case .down:
            form.typeIndex = min(max(0, types.count - 1), form.typeIndex.map { $0 + 1 } ?? 0)
        case .enter:
            form.typingPreferences = true
        default:
            guard let index = digitIndex(key), types.indices.contains(index) else { return [] }
            form.typeIndex = index
            form.typingPreferences = true
        }
        state.overlay = .agenda(.waitlist(form))
        return []
    }
    switch key {
    case .escape:
        form.typingPreferences = false
        form.error = nil
    case .enter:
        do {
            let preferences = try WaitlistPreferences(parsing: form.preferences)
            let typeID = form.typeIndex.flatMap { types.indices.contains($0) ? types[$0].id : nil }
            form.error = nil
            state.overlay = .agenda(.waitlist(form))
            return [.agenda(.addToWaitlist(WaitlistRequest(agendaID: form.agendaID, contactID: form.contact.id,
                                                           typeID: typeID, preferences: preferences)))]
        } catch {
            form.error = state.text(.waitlistBadPreferences)
        }
    default:
        if edit(&form.preferences, key, caret: &state.caret) { form.error = nil }
    }
    state.overlay = .agenda(.waitlist(form))
    return []
}
