import Foundation
import SecretaryCore

// Who is on the line, and what else the console signals while the operator works: the
// caller and the contacts looked up, new calls arriving, the help window, the end of a call.

/// `C` and `Esc` in the caller pane.
func performCallerAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    guard let call = state.call else {
        // No call: Esc closes the card, as elsewhere.
        if action == .backToCaller {
            state.lookup.opened = nil
            state.lookup.history = nil
        } else {
            state.flash = Flash(text: state.text(.notDuringACall), isError: true)
        }
        return []
    }
    switch action {
    case .identifyCaller:
        guard let shown = state.lookup.opened, shown.clientID == call.clientID else {
            state.flash = Flash(text: state.text(.agendaNoCaller), isError: true)
            return []
        }
        if state.lookup.showsCaller {
            state.flash = Flash(text: state.text(.alreadyTheCaller), isError: false)
            return []
        }
        return [.identifyCaller(callID: call.callID, shown)]
    default:
        // Back to the caller: their card, or the number nobody has.
        state.lookup.searching = false
        state.lookup.query = ""
        if let caller = state.lookup.caller {
            if !state.lookup.showsCaller {
                state.lookup.opened = caller
                state.lookup.history = nil
            }
            return [.refreshContact(caller.id)]
        }
        state.lookup.opened = nil
        state.lookup.history = nil
        return []
    }
}

func handleCallerEvent(_ state: inout AppState, _ event: Event) -> [Effect] {
    switch event {
    case .callerIdentified(let contact):
        state.lookup.caller = contact
        state.lookup.callerUnknown = false
        state.call?.contactID = contact.id
        if state.lookup.opened?.id != contact.id { state.lookup.opened = contact }
        state.flash = Flash(text: state.text(.callerIdentified) + contact.displayName, isError: false)
        return [.refreshContact(contact.id), .loadQueue]
    case .callerLoaded(let contact, let history):
        guard state.call?.contactID == contact.id else { return [] }
        state.lookup.caller = contact
        state.lookup.callerUnknown = false
        state.lookup.opened = contact
        state.lookup.history = history
        giveTheAgendaTheKeys(&state)
        return []
    case .contactRefreshed(let contact, let history):
        if state.lookup.caller?.id == contact.id { state.lookup.caller = contact }
        if state.lookup.opened?.id == contact.id {
            state.lookup.opened = contact
            state.lookup.history = history
        }
        return []
    default:
        return []
    }
}

/// A call that was not in the queue before, arriving while the operator is busy elsewhere
/// (on a call, in a window, or in another pane): said in the status line, and rung with `--bell`.
func signalNewCalls(_ state: inout AppState, _ entries: [QueueEntry]) -> [Effect] {
    defer { state.queueSeen = true }
    guard state.queueSeen else { return [] }
    let known = Set(state.queue.map(\.callID))
    guard let arrived = entries.first(where: { !known.contains($0.callID) }) else { return [] }
    let busy = state.call != nil || state.overlay != nil || state.focus != .queue
    guard busy else { return [] }
    // A sentence the operator is reading (a refusal) is not replaced by the signal.
    if state.flash?.isError != true {
        state.flash = Flash(text: state.text(.newCallArrived) + arrived.clientName, isError: false)
    }
    return state.ringsBell ? [.ringBell] : []
}

// MARK: - Help

/// The help window scrolls; Esc, `?`, `q` or Enter close it.
func scrollHelp(_ state: inout AppState, _ key: Key) {
    let page = max(1, HelpOverlay.visibleRows(state) - 1)
    let last = HelpOverlay.maximumScroll(state)
    switch Keymap.action(for: key, scope: .help) {
    case .up?: state.helpScroll -= 1
    case .down?: state.helpScroll += 1
    case .pageUp?: state.helpScroll -= page
    case .pageDown?: state.helpScroll += page
    case .top?: state.helpScroll = 0
    case .bottom?: state.helpScroll = last
    case .cancel?: state.overlay = nil
    default: break
    }
    state.helpScroll = max(0, min(state.helpScroll, last))
}

// MARK: - The end of a call

/// The outcome (one digit each), then the note. Esc keeps the note as a draft of the call;
/// ↑/↓ change the outcome once the note has begun.
func endCallKey(_ state: inout AppState, outcome: CallOutcome?, note: String, _ key: Key) -> [Effect] {
    let outcomes = EndCallOverlay.outcomes
    guard let outcome else {
        if key == .escape { state.overlay = nil }
        if case .character(let c) = key, let digit = c.wholeNumberValue, outcomes.indices.contains(digit - 1) {
            state.overlay = .endCall(outcome: outcomes[digit - 1], note: note)
        }
        return []
    }
    var note = note
    switch key {
    case .escape:
        if let call = state.call {
            state.drafts.keepEndCall(Drafts.EndCall(outcome: outcome, note: note), callID: call.callID, clientID: call.clientID)
        }
        state.overlay = nil
    case .up, .down:
        let index = outcomes.firstIndex(of: outcome) ?? 0
        let next = (index + (key == .up ? outcomes.count - 1 : 1)) % outcomes.count
        state.overlay = .endCall(outcome: outcomes[next], note: note)
    case .enter:
        guard let call = state.call, mayFinish(&state, outcome: outcome, note: note) else { return [] }
        return [.finishCall(call.callID, outcome, note.trimmingCharacters(in: .whitespaces))]
    default:
        if Keymap.action(for: key, scope: .textField) == .emergencyScript {
            openEmergencyScript(&state, typed: note, note: note, resume: .endCall(outcome: outcome, note: note))
            return []
        }
        guard edit(&note, key, caret: &state.caret) else { return [] }
        state.overlay = .endCall(outcome: outcome, note: note)
    }
    return []
}

/// A known caller: the agenda takes the keys (f, Enter books), the caller's card stays in view
/// beside it. An unknown one keeps the caller pane, where n creates the contact.
func giveTheAgendaTheKeys(_ state: inout AppState) {
    if state.focus == .lookup, Layout(width: state.width, height: state.height, focus: .agenda).showsAllPanes {
        state.focus = .agenda
    }
}
