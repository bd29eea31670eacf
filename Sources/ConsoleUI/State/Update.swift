import Foundation
import SecretaryCore

/// The console's one update: (state, event) → new state plus the effects to perform. Pure,
/// so every key's behaviour is tested without a terminal or a database.
public func update(_ state: inout AppState, _ event: Event) -> [Effect] {
    switch event {
    case .key(let key):
        return handleKey(&state, key)
    case .tick(let now):
        state.now = now
        return []
    case .resize(let width, let height):
        state.width = width
        state.height = height
        scrollAgendaToCursor(&state)
        return []
    case .externalChange:
        var effects: [Effect] = [.loadQueue, .loadOwnCall]
        // The caller's card may show what another terminal just changed.
        if let shown = state.lookup.opened { effects.append(.refreshContact(shown.id)) }
        if let agenda = currentAgenda(state), let monday = state.agenda.monday {
            effects.append(.loadWeek(agenda, monday))
        }
        // A message taken or transmitted from another terminal shows in the open list; so do
        // call-backs, absences and the waiting list.
        switch state.overlay {
        case .messages(let list): effects.append(.loadMessages(list.clientID))
        case .callbacks(let list): effects.append(.callbacks(.load(list.clientID)))
        case .board: effects.append(.board(.load))
        case .absences(let list): effects.append(.agenda(.loadAbsences(list.agendaID)))
        case .waitingList(let list): effects.append(.agenda(.loadWaitlist(list.agendaID)))
        default: break
        }
        return effects
    case .queueLoaded(let entries):
        let signal = signalNewCalls(&state, entries)
        state.queue = entries
        state.queueSelection = min(state.queueSelection, max(0, entries.count - 1))
        // With no call and no client chosen, the panes follow the selected queue entry.
        if state.call == nil, state.context == nil, let first = entries.first {
            return signal + [.loadContext(first.clientID)]
        }
        return signal
    case .callClaimed(let call):
        guard let call else {
            state.flash = Flash(text: state.text(.noWaitingCall), isError: false)
            return []
        }
        if state.call?.callID != call.callID { state.drafts = Drafts() }
        state.call = call
        state.presence = .onCall
        state.flash = Flash(text: state.text(.callAnswered), isError: false)
        state.lookup = LookupState()
        state.lookup.callerNumber = call.from
        state.instructions = InstructionsState()
        state.focus = .lookup
        if let client = state.context?.client, client.id == call.clientID { placeAgendaAtNow(&state, client: client) }
        var effects: [Effect] = [.loadQueue, .loadContext(call.clientID)]
        if let contactID = call.contactID {
            effects.append(.loadCaller(contactID))
        } else if let from = call.from {
            effects.append(.lookupCaller(from, call.clientID))
        }
        return effects
    case .contextLoaded(let context):
        let changed = state.context?.client.id != context.client.id
        state.context = context
        if changed {
            state.instructions = InstructionsState()
            resetAgenda(&state, for: context.client)
        }
        if let agenda = currentAgenda(state), let monday = state.agenda.monday {
            return [.loadWeek(agenda, monday)]
        }
        return []
    case .callerMatched(let number, let contacts):
        guard state.lookup.callerNumber == number else { return [] }
        state.lookup.results = contacts
        state.lookup.selection = 0
        state.lookup.callerUnknown = contacts.isEmpty
        // One contact with the number is the caller (as the store decides on call-in); a
        // shared number shows its first contact, as a candidate the operator confirms with `C`.
        guard let first = contacts.first else { return [] }
        if contacts.count == 1 {
            state.lookup.caller = first
            giveTheAgendaTheKeys(&state)
        }
        return [.openContact(first)]
    case .searchResults(let query, let contacts):
        if bookingSearchResults(&state, query: query, contacts) { return [] }
        guard state.lookup.query == query else { return [] } // a newer keystroke superseded it
        state.lookup.results = contacts
        state.lookup.selection = 0
        return []
    case .contactOpened(let contact, let history):
        state.lookup.opened = contact
        state.lookup.history = history
        return []
    case .callerIdentified, .callerLoaded, .contactRefreshed:
        return handleCallerEvent(&state, event)
    case .weekLoaded(let agendaID, let grid):
        agendaWeekLoaded(&state, agendaID: agendaID, grid)
        return []
    case .clientsLoaded(let clients):
        state.clients = clients
        return []
    case .contactAdded(let contact):
        state.overlay = nil
        state.flash = Flash(text: state.text(.contactSaved), isError: false)
        state.lookup.results = [contact]
        state.lookup.callerUnknown = false
        return [.openContact(contact)]
    case .callFinished:
        state.call = nil
        state.drafts = Drafts()
        state.presence = .available
        state.overlay = nil
        state.lookup = LookupState()
        state.flash = Flash(text: state.text(.callFinished), isError: false)
        return [.loadQueue]
    case .presenceChanged(let presence):
        state.presence = presence
        state.flash = Flash(text: state.text(presence == .paused ? .nowPaused : .nowAvailable), isError: false)
        return []
    case .failed(let message):
        if case .newContact(var form) = state.overlay {
            form.error = message
            state.overlay = .newContact(form)
        } else {
            state.flash = Flash(text: message, isError: true)
        }
        return []
    case .agenda(let event):
        var effects = updateAgenda(&state, event)
        // A booking, a move, a cancellation, a no-show: the card's appointments changed.
        if event.wrote, let shown = state.lookup.opened { effects.append(.refreshContact(shown.id)) }
        return effects
    case .messageSaved, .messageRefused, .emergencyReported, .messagesLoaded, .deliveriesLoaded, .instructionHistoryLoaded:
        return handleMessageEvent(&state, event)
    case .ownCallLoaded(let stored):
        return followStoredCall(&state, stored)
    case .callbacks(let event):
        return handleCallbackEvent(&state, event)
    case .board(let event):
        return handleBoardEvent(&state, event)
    }
}

func currentAgenda(_ state: AppState) -> Agenda? {
    guard let agendas = state.context?.agendas, !agendas.isEmpty else { return nil }
    return agendas[min(state.agenda.agendaIndex, agendas.count - 1)]
}

private func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    state.flash = nil
    // The caret stays put only while a field is being edited; any other key puts it back at
    // the end of whichever field comes next.
    if !state.isTyping || !isEditingKey(key) { state.caret = 0 }
    if let overlay = state.overlay { return handleOverlayKey(&state, overlay, key) }
    if state.focus == .lookup && state.lookup.searching { return handleSearchKey(&state, key) }
    if state.focus == .instructions && state.instructions.finding { return handleFindKey(&state, key) }
    guard let action = Keymap.action(for: key, in: state.focus) else { return [] }
    return perform(&state, action)
}

private func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .board:
        return openBoard(&state)
    case .resend:
        break // in the board's window
    case .quit:
        if state.call != nil {
            state.overlay = .confirmQuit
        } else {
            state.isRunning = false
        }
    case .help:
        state.overlay = .help
        state.helpScroll = 0
    case .redraw:
        return [.redraw]
    case .answer:
        if state.call != nil {
            state.flash = Flash(text: state.text(.alreadyOnCall), isError: true)
        } else if state.presence == .paused {
            state.flash = Flash(text: state.text(.pausedCannotAnswer), isError: true)
        } else {
            return [.claimNextCall]
        }
    case .endCall:
        guard state.call != nil else {
            state.flash = Flash(text: state.text(.noCurrentCall), isError: true)
            return []
        }
        if let call = state.call, let draft = state.drafts.endCall(callID: call.callID) {
            state.overlay = .endCall(outcome: draft.outcome, note: draft.note)
        } else {
            state.overlay = .endCall(outcome: nil, note: "")
        }
    case .togglePause:
        guard state.call == nil else {
            state.flash = Flash(text: state.text(.alreadyOnCall), isError: true)
            return []
        }
        return [.setPresence(state.presence == .paused ? .available : .paused)]
    case .focusNext:
        state.focus = PaneID(rawValue: state.focus.rawValue % 4 + 1)!
    case .focusPrevious:
        state.focus = PaneID(rawValue: (state.focus.rawValue + 2) % 4 + 1)!
    case .focusQueue: state.focus = .queue
    case .focusLookup: state.focus = .lookup
    case .focusInstructions: state.focus = .instructions
    case .focusAgenda: state.focus = .agenda
    case .pickClient:
        state.overlay = .pickClient(filter: "", selection: 0)
        return [.loadClients]
    case .cancel:
        if state.focus == .agenda { cancelInAgenda(&state) }
    case .backToCaller, .identifyCaller:
        return performCallerAction(&state, action)
    case .search:
        if state.focus == .lookup {
            state.lookup.searching = true
            state.lookup.query = ""
            state.lookup.results = []
        } else if state.focus == .instructions {
            state.instructions.finding = true
            state.instructions.query = ""
        }
    case .searchNext, .searchPrevious:
        findInInstructions(&state, forward: action == .searchNext, startingAfter: state.instructions.matchLine)
    case .newContact:
        guard state.context != nil else {
            state.flash = Flash(text: state.text(.agendaNone), isError: true)
            return []
        }
        state.overlay = .newContact(NewContactForm(phone: state.lookup.callerNumber?.national ?? ""))
    case .up, .down, .left, .right, .pageUp, .pageDown, .top, .bottom, .previousWeek, .nextWeek, .today:
        return move(&state, action)
    case .select:
        return select(&state)
    case .nextFreeSlot, .moveAppointment, .cancelAppointment, .noShow, .waitlist, .goToDate, .nextAgenda, .chooseType:
        return performAgendaAction(&state, action)
    case .newMessage, .medicalQuestion, .emergencyScript, .clientMessages, .instructionsHistory:
        return performMessageAction(&state, action)
    case .confirmEmergency, .caretLeft, .caretRight, .caretStart, .caretEnd, .deleteBackward, .deleteForward,
         .deleteWord, .clearField:
        break  // only in the emergency script and in text fields
    case .toggleReports, .previousPeriod, .nextPeriod, .spanDay, .spanWeek, .spanMonth, .nextClient, .previousClient:
        break // the wallboard's reports screen only
    case .callbacks:
        return openCallbacks(&state)
    case .absences, .showWaitingList:
        return openAgendaList(&state, action)
    case .takeCallback, .callbackReached, .callbackNoAnswer, .callbackVoicemail, .releaseCallback,
         .markTransmitted, .acknowledgeMessage, .undoTransmitted, .addAbsence:
        break // keys of the list windows, handled there
    }
    return []
}

private func select(_ state: inout AppState) -> [Effect] {
    switch state.focus {
    case .queue:
        guard state.call == nil, state.queue.indices.contains(state.queueSelection) else { return [] }
        return [.loadContext(state.queue[state.queueSelection].clientID)]
    case .lookup:
        guard state.lookup.results.indices.contains(state.lookup.selection) else { return [] }
        return [.openContact(state.lookup.results[state.lookup.selection])]
    case .instructions:
        return []
    case .agenda:
        return selectInAgenda(&state)
    }
}

private func move(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch state.focus {
    case .queue:
        if action == .up { state.queueSelection = max(0, state.queueSelection - 1) }
        if action == .down { state.queueSelection = min(max(0, state.queue.count - 1), state.queueSelection + 1) }
    case .lookup:
        if action == .up { state.lookup.selection = max(0, state.lookup.selection - 1) }
        if action == .down { state.lookup.selection = min(max(0, state.lookup.results.count - 1), state.lookup.selection + 1) }
    case .instructions:
        let page = max(1, state.height / 3)
        switch action {
        case .up: state.instructions.scroll = max(0, state.instructions.scroll - 1)
        case .down: state.instructions.scroll += 1
        case .pageUp: state.instructions.scroll = max(0, state.instructions.scroll - page)
        case .pageDown: state.instructions.scroll += page
        case .top: state.instructions.scroll = 0
        default: break
        }
    case .agenda:
        return performAgendaAction(&state, action)
    }
    return []
}

// MARK: - Text fields

private func handleSearchKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    switch key {
    case .escape:
        state.lookup.searching = false
        state.lookup.query = ""
        state.lookup.results = []
        return []
    case .enter:
        state.lookup.searching = false
        return select(&state)
    case .up, .down:
        return move(&state, key == .up ? .up : .down)
    default:
        guard edit(&state.lookup.query, key, caret: &state.caret) else { return [] }
        guard let client = state.clientID else { return [] }
        if SearchText.words(state.lookup.query).isEmpty {
            state.lookup.results = []
            return []
        }
        return [.searchContacts(state.lookup.query, client)]
    }
}

private func handleFindKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    switch key {
    case .escape:
        state.instructions.finding = false
        state.instructions.matchLine = nil
    case .enter:
        state.instructions.finding = false
    default:
        guard edit(&state.instructions.query, key, caret: &state.caret) else { return [] }
        findInInstructions(&state, forward: true, startingAfter: nil)
    }
    return []
}

/// Moves to the next (or previous) line of the instructions containing the query,
/// accent-blind and case-blind.
private func findInInstructions(_ state: inout AppState, forward: Bool, startingAfter: Int?) {
    let query = SearchText.fold(state.instructions.query)
    guard !query.isEmpty else { return }
    let width = InstructionsPane.textWidth(for: state)
    let lines = InstructionsPane.lines(state, width: width).map { SearchText.fold($0.text) }
    let order: [Int] = forward
        ? Array(((startingAfter.map { $0 + 1 } ?? 0)..<lines.count)) + Array(0..<min(lines.count, (startingAfter.map { $0 + 1 } ?? 0)))
        : Array((0..<(startingAfter ?? lines.count)).reversed()) + Array(((startingAfter ?? lines.count)..<lines.count).reversed())
    if let line = order.first(where: { lines[$0].contains(query) }) {
        state.instructions.matchLine = line
        state.instructions.scroll = max(0, line - 2)
    } else {
        state.instructions.matchLine = nil
        state.flash = Flash(text: state.text(.instructionsNotFound) + state.instructions.query, isError: true)
    }
}

// MARK: - Overlays

private func handleOverlayKey(_ state: inout AppState, _ overlay: Overlay, _ key: Key) -> [Effect] {
    switch overlay {
    case .help:
        scrollHelp(&state, key)
    case .confirmQuit:
        if key == .character("o") || key == .character("y") || key == .character("O") || key == .character("Y") {
            state.isRunning = false
        }
        state.overlay = nil
    case .pickClient(var filter, var selection):
        let matches = pickableClients(state, filter: filter)
        switch key {
        case .escape:
            state.overlay = nil
            return []
        case .enter:
            state.overlay = nil
            guard matches.indices.contains(selection), state.call == nil else { return [] }
            return [.loadContext(matches[selection].id)]
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(max(0, matches.count - 1), selection + 1)
        default:
            if edit(&filter, key, caret: &state.caret) { selection = 0 }
        }
        state.overlay = .pickClient(filter: filter, selection: selection)
    case .newContact(var form):
        switch key {
        case .escape:
            state.overlay = nil
            return []
        case .tab, .down: form.field = (form.field + 1) % 3
        case .backTab, .up: form.field = (form.field + 2) % 3
        case .enter:
            guard let client = state.context?.client else { return [] }
            do {
                let phone = form.phone.trimmingCharacters(in: .whitespaces)
                let phones = phone.isEmpty ? [] : [try PhoneNumber(phone, country: client.country)]
                let contact = try Contact(clientID: client.id, lastName: form.lastName, firstName: form.firstName, phones: phones)
                form.error = nil
                state.overlay = .newContact(form)
                return [.addContact(contact)]
            } catch {
                form.error = "\(error)"
            }
        default:
            switch form.field {
            case 0: _ = edit(&form.lastName, key, caret: &state.caret)
            case 1: _ = edit(&form.firstName, key, caret: &state.caret)
            default: _ = edit(&form.phone, key, caret: &state.caret)
            }
        }
        state.overlay = .newContact(form)
    case .endCall(let outcome, let note):
        return endCallKey(&state, outcome: outcome, note: note, key)
    case .agenda(let overlay):
        return handleAgendaOverlayKey(&state, overlay, key)
    case .message, .emergency, .messages, .instructionsHistory:
        return handleMessageOverlayKey(&state, overlay, key)
    case .callbacks(let list):
        return callbackListKey(&state, list, key)
    case .board(let list):
        return boardListKey(&state, list, key)
    case .absences(let list):
        return absenceListKey(&state, list, key)
    case .waitingList(let list):
        return waitingListKey(&state, list, key)
    }
    return []
}

func pickableClients(_ state: AppState, filter: String) -> [Client] {
    let words = SearchText.words(filter)
    return state.clients.filter { client in
        let text = SearchText.fold("\(client.name) \(client.id.rawValue) \(client.profession)")
        return words.allSatisfy { text.contains($0) }
    }
}
