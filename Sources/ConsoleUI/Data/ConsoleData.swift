import Foundation
import SecretaryCore

/// A waiting (or own) call as the queue pane shows it.
public struct QueueEntry: Equatable, Sendable {
    public var callID: Int64
    public var clientID: ClientID
    public var clientName: String
    public var from: PhoneNumber?
    public var contactName: String?
    public var arrivedAt: Date
    public var isUrgent: Bool

    public init(callID: Int64, clientID: ClientID, clientName: String, from: PhoneNumber?, contactName: String?,
                arrivedAt: Date, isUrgent: Bool) {
        self.callID = callID
        self.clientID = clientID
        self.clientName = clientName
        self.from = from
        self.contactName = contactName
        self.arrivedAt = arrivedAt
        self.isUrgent = isUrgent
    }
}

/// The call this operator is on.
public struct ActiveCall: Equatable, Sendable {
    public var callID: Int64
    public var clientID: ClientID
    public var from: PhoneNumber?
    public var answeredAt: Date
    /// The caller's contact as the store has it (set on call-in, or by the operator's `C`).
    public var contactID: Int64?
    /// When the talk ended (the caller hung up, or the call was transferred): the operator
    /// is then in wrap-up.
    public var endedAt: Date?

    public init(callID: Int64, clientID: ClientID, from: PhoneNumber?, answeredAt: Date, endedAt: Date? = nil,
                contactID: Int64? = nil) {
        self.callID = callID
        self.clientID = clientID
        self.from = from
        self.answeredAt = answeredAt
        self.endedAt = endedAt
        self.contactID = contactID
    }
}

/// What the panes need to know of a client.
public struct ClientContext: Equatable, Sendable {
    public var client: Client
    public var instructions: Instructions?
    public var agendas: [Agenda]
    public var types: [AppointmentType]
    /// The advice rules that apply to what operators write for this client: the shipped
    /// ones and the client's own.
    public var adviceRules: AdviceRules
    /// The sentence to say when a caller asks for medical advice: the client's own, else the shipped one.
    public var refusalScript: [String]

    public init(client: Client, instructions: Instructions?, agendas: [Agenda], types: [AppointmentType],
                adviceRules: AdviceRules = ShippedRules.advice, refusalScript: [String]? = nil) {
        self.client = client
        self.instructions = instructions
        self.agendas = agendas
        self.types = types
        self.adviceRules = adviceRules
        self.refusalScript = refusalScript ?? ShippedRules.advice.refusalScript
    }
}

/// A contact's history with the client, newest first.
public struct ContactHistory: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public var at: Date
        public var text: String
        /// What became of it, worded by the pane in the interface's language.
        public var status: HistoryStatus?
        public init(at: Date, text: String, status: HistoryStatus? = nil) {
            self.at = at
            self.text = text
            self.status = status
        }
    }

    public var calls: [Item]
    public var messages: [Item]
    public var appointments: [Item]

    public init(calls: [Item] = [], messages: [Item] = [], appointments: [Item] = []) {
        self.calls = calls
        self.messages = messages
        self.appointments = appointments
    }
}

/// How the console reads and changes the shared database. The executable implements it
/// over the SQLite store; tests implement it in memory. Calls are synchronous: each is a
/// few indexed queries, well under a frame.
public protocol ConsoleData: AnyObject {
    func now() -> Date
    /// Moves whenever another terminal commits: polled to refresh without a keypress.
    func changeCounter() throws -> Int
    func queue() throws -> [QueueEntry]
    /// Claims the oldest waiting call for `user`; nil when none waits.
    func claimNextCall(for user: Operator) throws -> ActiveCall?
    /// The call `user` is on (after a restart, for example).
    func currentCall(for user: Operator) throws -> ActiveCall?
    func finishCall(_ callID: Int64, outcome: CallOutcome, note: String, by user: Operator) throws
    func setPresence(_ presence: Presence, for user: Operator) throws
    func clients() throws -> [Client]
    func clientContext(_ id: ClientID, on date: LocalDate) throws -> ClientContext
    func contacts(phone: PhoneNumber, client: ClientID) throws -> [Contact]
    func searchContacts(name: String, client: ClientID) throws -> [Contact]
    /// Loads a caller's history and records in the audit log that `user` viewed the record.
    func openContact(_ contactID: Int64, by user: Operator) throws -> ContactHistory
    /// A contact and its history read again for a card already open (no view recorded).
    func refreshContact(_ contactID: Int64) throws -> (Contact, ContactHistory)
    /// One contact, or nil when it no longer exists.
    func contact(id: Int64) throws -> Contact?
    /// Records that `contactID` is who calls on `callID` (only the operator on the call may).
    func identifyCaller(callID: Int64, contactID: Int64, by user: Operator) throws
    func addContact(_ contact: Contact, by user: Operator) throws -> Contact
    /// The week of `agenda` from `monday`, laid out (`WeekGrid`).
    func weekGrid(agenda: Agenda, monday: LocalDate) throws -> WeekGrid
    func appointment(id: Int64) throws -> AppointmentDetails
    /// Books, or throws the `RuleViolation` refusing it (nothing written).
    func book(_ booking: BookingRequest, by user: Operator) throws -> AppointmentDetails
    func move(appointment id: Int64, to start: Date, agendaID: Int64, by user: Operator) throws -> AppointmentDetails
    func cancel(appointment id: Int64, reason: String, by user: Operator) throws -> AgendaCancellation
    func markNoShow(appointment id: Int64, by user: Operator) throws -> AppointmentDetails
    /// The earliest free start at or after `from` (never in the past) for an appointment of
    /// `typeID`, searching later weeks too; nil when none within a year.
    func nextFreeSlot(agendaID: Int64, typeID: Int64, from: Date) throws -> DateInterval?
    func addToWaitlist(_ request: WaitlistRequest, by user: Operator) throws -> WaitlistEntry
    /// Saves a message; the advice guard refuses advice with a `RuleViolation` naming the phrase and the rule.
    func addMessage(_ draft: MessageDraft, by user: Operator) throws -> Message
    /// The client's messages, newest first.
    func messages(client: ClientID) throws -> [Message]
    func markTransmitted(_ messageID: Int64, by user: Operator) throws
    /// Every version of the client's instructions, oldest first.
    func instructionHistory(client: ClientID) throws -> [Instructions]
    /// The client confirmed they have the message.
    func acknowledge(_ messageID: Int64, by user: Operator) throws
    /// A message marked transmitted by mistake goes back to new.
    func undoTransmitted(_ messageID: Int64, by user: Operator) throws
    /// The open call-backs of one client (all clients' when nil), the longest waiting first,
    /// then those done since `doneSince`.
    func callbacks(client: ClientID?, doneSince: Date) throws -> [Callback]
    /// Takes a call-back to dial it; refused when another operator has it.
    func takeCallback(_ id: Int64, by user: Operator) throws -> Callback
    func recordCallback(_ id: Int64, outcome: CallbackOutcome, by user: Operator) throws -> Callback
    func releaseCallback(_ id: Int64, by user: Operator) throws -> Callback
    /// The agenda's absences that end after `from`, by start.
    func absences(agendaID: Int64, endingAfter from: Date) throws -> [Absence]
    /// Records an absence; returns it with the booked appointments it covers (to move).
    func addAbsence(agendaID: Int64, from: Date, to: Date, reason: String, by user: Operator) throws
        -> (absence: Absence, affected: [AppointmentDetails])
    /// The agenda's open waiting list, oldest first.
    func waitlist(agendaID: Int64) throws -> [WaitlistEntry]
    /// What the dispatch did with each message: its deliveries, by message id.
    func deliveries(messages: [Int64]) throws -> [Int64: [Delivery]]
    /// The board check: messages that did not reach their client (supervisors; refused to others).
    func board(by user: Operator) throws -> [BoardEntry]
    /// Sends a message's failed deliveries again (supervisors).
    func resend(message: Int64, by user: Operator) throws
}

extension ConsoleData {
    public func deliveries(messages: [Int64]) throws -> [Int64: [Delivery]] { [:] }
}
