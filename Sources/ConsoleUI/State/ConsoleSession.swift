import Foundation
import SecretaryCore

/// Runs the console: feeds events to `update`, performs the effects it asks for against the
/// data source, and feeds their answers back. The terminal loop (in the executable) only
/// reads keys, calls `handle`, and draws `render(session.state)`.
public final class ConsoleSession {
    public private(set) var state: AppState
    let data: ConsoleData
    /// Set when an effect asked the terminal to repaint everything (Ctrl-L).
    public var needsFullRedraw = false
    /// Set when a new call asked for the terminal's bell (`--bell`); the loop rings and clears it.
    public var needsBell = false
    private var watch = ChangeWatch()

    public init(state: AppState, data: ConsoleData) {
        self.state = state
        self.data = data
    }

    /// Loads the first data: the queue, the operator's own call if one is open, the clients.
    public func start() {
        if let call = try? data.currentCall(for: state.user) {
            handle(.callClaimed(call))
        }
        perform(.loadQueue).forEach(handle)
        watch.start(try? data.changeCounter())
    }

    public func handle(_ event: Event) {
        var pending: [Event] = [event]
        while !pending.isEmpty {
            let next = pending.removeFirst()
            for effect in update(&state, next) {
                pending.append(contentsOf: perform(effect))
            }
        }
    }

    /// Called on every loop turn: advances the clock and, when another terminal changed the
    /// database, reloads what is on screen.
    public func poll() {
        handle(.tick(ChangeWatch.wholeSecond(data.now())))
        if watch.changed(try? data.changeCounter()) { handle(.externalChange) }
    }

    private func perform(_ effect: Effect) -> [Event] {
        do {
            switch effect {
            case .loadQueue:
                return [.queueLoaded(try data.queue())]
            case .claimNextCall:
                return [.callClaimed(try data.claimNextCall(for: state.user))]
            case .loadContext(let client):
                let calendar = try data.clientContext(client, on: state.calendar.localDate(of: state.now))
                return [.contextLoaded(calendar)]
            case .lookupCaller(let number, let client):
                return [.callerMatched(number, try data.contacts(phone: number, client: client))]
            case .searchContacts(let query, let client):
                return [.searchResults(query: query, try data.searchContacts(name: query, client: client))]
            case .openContact(let contact):
                return [.contactOpened(contact, try data.openContact(contact.id, by: state.user))]
            case .loadWeek(let agenda, let monday):
                return [.weekLoaded(agendaID: agenda.id, try data.weekGrid(agenda: agenda, monday: monday))]
            case .loadClients:
                return [.clientsLoaded(try data.clients())]
            case .addContact(let contact):
                return [.contactAdded(try data.addContact(contact, by: state.user))]
            case .finishCall(let call, let outcome, let note):
                try data.finishCall(call, outcome: outcome, note: note, by: state.user)
                return [.callFinished]
            case .setPresence(let presence):
                try data.setPresence(presence, for: state.user)
                return [.presenceChanged(presence)]
            case .redraw:
                needsFullRedraw = true
                return []
            case .agenda(let effect):
                return [performAgenda(effect)]
            case .addMessage(let draft):
                do {
                    return [.messageSaved(try data.addMessage(draft, by: state.user))]
                } catch {
                    return [.messageRefused("\(error)")]
                }
            case .reportEmergency(let callID, let note, let message):
                // The client is alerted first: if closing the call then fails, the message is out.
                _ = try data.addMessage(message, by: state.user)
                try data.finishCall(callID, outcome: .emergency, note: note, by: state.user)
                return [.emergencyReported]
            case .loadMessages(let client):
                return try messagesLoaded(client)
            case .markTransmitted(let id, let client):
                try data.markTransmitted(id, by: state.user)
                return try messagesLoaded(client)
            case .acknowledgeMessage(let id, let client):
                try data.acknowledge(id, by: state.user)
                return try messagesLoaded(client)
            case .undoTransmitted(let id, let client):
                try data.undoTransmitted(id, by: state.user)
                return try messagesLoaded(client)
            case .callbacks(let effect):
                return [performCallbacks(effect)]
            case .board(let effect):
                return [performBoard(effect)]
            case .loadInstructionHistory(let client):
                return [.instructionHistoryLoaded(client, try data.instructionHistory(client: client))]
            case .loadOwnCall:
                return [.ownCallLoaded(try data.currentCall(for: state.user))]
            case .loadCaller(let id):
                guard let contact = try data.contact(id: id) else { return [] }
                return [.callerLoaded(contact, try data.openContact(id, by: state.user))]
            case .identifyCaller(let callID, let contact):
                try data.identifyCaller(callID: callID, contactID: contact.id, by: state.user)
                return [.callerIdentified(contact)]
            case .refreshContact(let id):
                let (contact, history) = try data.refreshContact(id)
                return [.contactRefreshed(contact, history)]
            case .ringBell:
                needsBell = true
                return []
            }
        } catch {
            return [.failed("\(error)")]
        }
    }
}

extension ConsoleSession {
    /// The client's messages with what the dispatch did with each.
    func messagesLoaded(_ client: ClientID) throws -> [Event] {
        let messages = try data.messages(client: client)
        return [.messagesLoaded(client, messages), .deliveriesLoaded(try data.deliveries(messages: messages.map(\.id)))]
    }

    /// Performs a board effect; a refusal (not a supervisor) comes back as its sentence.
    func performBoard(_ effect: BoardEffect) -> Event {
        do {
            switch effect {
            case .load:
                return .board(.loaded(try data.board(by: state.user)))
            case .resend(let id):
                try data.resend(message: id, by: state.user)
                return .board(.resent(id, try data.board(by: state.user)))
            }
        } catch {
            return .board(.refused("\(error)"))
        }
    }

    /// Performs a call-back effect; the store's refusal (taken meanwhile, one already held,
    /// on a call) comes back in the operator's list as its sentence.
    func performCallbacks(_ effect: CallbackEffect) -> Event {
        let user = state.user
        // Those done today stay on the list, with what came of them and who did it.
        let calendar = state.calendar
        let today = calendar.instant(calendar.localDate(of: state.now), .midnight)
        do {
            switch effect {
            case .load(let client):
                return .callbacks(.loaded(client, try data.callbacks(client: client, doneSince: today)))
            case .take(let id, let client):
                let taken = try data.takeCallback(id, by: user)
                return .callbacks(.recorded(taken, try data.callbacks(client: client, doneSince: today)))
            case .record(let id, let outcome, let client):
                let done = try data.recordCallback(id, outcome: outcome, by: user)
                return .callbacks(.recorded(done, try data.callbacks(client: client, doneSince: today)))
            case .release(let id, let client):
                let released = try data.releaseCallback(id, by: user)
                return .callbacks(.recorded(released, try data.callbacks(client: client, doneSince: today)))
            }
        } catch let violation as RuleViolation {
            return .callbacks(.refused(violation.reason))
        } catch {
            return .callbacks(.refused("\(error)"))
        }
    }
}
