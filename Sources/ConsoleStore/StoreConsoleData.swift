import ConsoleUI
import Foundation
import SecretaryCore
import SecretaryStore

/// The console's data source over the shared SQLite store.
public final class StoreConsoleData: ConsoleData {
    public let store: Store
    /// The signed-in person (with their session) whose actions this console records.
    public let identity: Identity

    /// What tells another terminal's change (the screen loop asks it whether a commit was seen).
    public let changes: ChangeMark

    public init(store: Store, identity: Identity) {
        self.store = store
        self.identity = identity
        changes = ChangeMark(store: store)
    }

    public func now() -> Date { store.now }

    /// Moves when another terminal changed something (a heartbeat does not count).
    public func changeCounter() throws -> Int { try changes.current() }

    public func queue() throws -> [QueueEntry] {
        try store.queue().map {
            QueueEntry(callID: $0.call.id, clientID: $0.call.clientID, clientName: $0.clientName, from: $0.call.from,
                       contactName: $0.contactName, arrivedAt: $0.call.arrivedAt, isUrgent: $0.call.isUrgent)
        }
    }

    /// Nil when no call waits (the console says so in the operator's language); a paused
    /// operator or a call taken by another terminal comes back as the store's sentence.
    public func claimNextCall(for user: Operator) throws -> ActiveCall? {
        do {
            return activeCall(try store.claimNextCall(operator: user.login).call)
        } catch let refusal as RuleViolation where refusal.rule == .notFound {
            return nil
        }
    }

    public func currentCall(for user: Operator) throws -> ActiveCall? {
        try store.currentCall(operator: user.login).map { activeCall($0.call) }
    }

    private func activeCall(_ call: Call) -> ActiveCall {
        ActiveCall(callID: call.id, clientID: call.clientID, from: call.from, answeredAt: call.answeredAt ?? store.now,
                   endedAt: call.endedAt, contactID: call.contactID)
    }

    public func finishCall(_ callID: Int64, outcome: CallOutcome, note: String, by user: Operator) throws {
        try store.finish(callID: callID, outcome: outcome, note: note, operator: user.login)
    }

    /// Opening or closing a console in the middle of a call (available, offline) leaves the
    /// call's presence alone; pausing then is refused with the store's reason.
    public func setPresence(_ presence: Presence, for user: Operator) throws {
        if presence != .paused, [.onCall, .wrapUp].contains(try store.presence(operator: user.login).state) { return }
        try store.setPresence(operator: user.login, presence)
    }

    public func clients() throws -> [Client] { try store.clients() }

    public func clientContext(_ id: ClientID, on date: LocalDate) throws -> ClientContext {
        let own = try store.ownAdviceRules(for: id)
        // A client's own refusal sentence replaces the shipped one.
        return ClientContext(client: try store.client(id), instructions: try store.instructions(of: id, on: date),
                             agendas: try store.agendas(of: id), types: try store.appointmentTypes(of: id),
                             ownAdviceRules: own, refusalScript: own.refusalScript.isEmpty ? nil : own.refusalScript)
    }

    public func contacts(phone: PhoneNumber, client: ClientID) throws -> [Contact] {
        try store.contacts(phone: phone, client: client)
    }

    public func searchContacts(name: String, client: ClientID) throws -> [Contact] {
        try store.searchContacts(name: name, client: client, limit: LookupState.searchLimit)
    }

    public func openContact(_ contactID: Int64, by user: Operator) throws -> ContactHistory {
        try store.recordView(by: identity, objectType: "contact", objectID: "\(contactID)")
        return try history(contactID)
    }

    public func refreshContact(_ contactID: Int64) throws -> (Contact, ContactHistory) {
        guard let contact = try store.contact(id: contactID) else { throw StoreError("unknown contact \(contactID)") }
        return (contact, try history(contactID))
    }

    private func history(_ contactID: Int64) throws -> ContactHistory {
        let history = try store.contactHistory(contactID)
        return ContactHistory(
            calls: history.calls.map { .init(at: $0.at, text: $0.text, status: $0.status) },
            messages: history.messages.map { .init(at: $0.at, text: $0.text, status: $0.status) },
            appointments: history.appointments.map { .init(at: $0.at, text: $0.text, status: $0.status) })
    }

    public func contact(id: Int64) throws -> Contact? { try store.contact(id: id) }

    public func identifyCaller(callID: Int64, contactID: Int64, by user: Operator) throws {
        try store.identifyCaller(callID: callID, contactID: contactID, operator: user.login)
    }

    public func addContact(_ contact: Contact, by user: Operator) throws -> Contact {
        try store.addContact(contact, by: identity)
    }

    public func addMessage(_ draft: MessageDraft, by user: Operator) throws -> Message {
        try store.addMessage(draft, by: identity)
    }

    public func messages(client: ClientID) throws -> [Message] {
        try store.messages(client: client, limit: 200)
    }

    public func deliveries(messages: [Int64]) throws -> [Int64: [Delivery]] {
        try store.deliveries(messages: messages)
    }

    public func board(by user: Operator) throws -> [BoardEntry] {
        try store.board(by: identity)
    }

    public func resend(message: Int64, by user: Operator) throws {
        try store.resend(message: message, by: identity)
    }

    public func markTransmitted(_ messageID: Int64, by user: Operator) throws {
        try store.markTransmitted([messageID], by: identity)
    }

    public func instructionHistory(client: ClientID) throws -> [Instructions] {
        try store.instructionHistory(of: client)
    }

    public func acknowledge(_ messageID: Int64, by user: Operator) throws {
        try store.acknowledge([messageID], by: Identity(user.login))
    }

    public func undoTransmitted(_ messageID: Int64, by user: Operator) throws {
        try store.undoTransmitted(messageID, by: Identity(user.login))
    }

    public func callbacks(client: ClientID?, doneSince: Date) throws -> [Callback] {
        try store.callbacks(client: client, doneSince: doneSince)
    }

    public func takeCallback(_ id: Int64, by user: Operator) throws -> Callback {
        try store.takeCallback(id, operator: user.login)
    }

    public func recordCallback(_ id: Int64, outcome: CallbackOutcome, by user: Operator) throws -> Callback {
        try store.recordCallback(id, outcome: outcome, operator: user.login)
    }

    public func releaseCallback(_ id: Int64, by user: Operator) throws -> Callback {
        try store.releaseCallback(id, operator: user.login)
    }
}
