import Foundation
import SecretaryCore

/// The four panes, numbered as the `1`–`4` keys reach them.
public enum PaneID: Int, CaseIterable, Sendable {
    case queue = 1, lookup, instructions, agenda

    public var title: Text {
        switch self {
        case .queue: .paneQueue
        case .lookup: .paneLookup
        case .instructions: .paneInstructions
        case .agenda: .paneAgenda
        }
    }
}

/// A window over the panes that takes the keys until closed.
public enum Overlay: Equatable, Sendable {
    case help
    case confirmQuit
    case pickClient(filter: String, selection: Int)
    case newContact(NewContactForm)
    /// Picking the outcome (one key each), then typing an optional note.
    case endCall(outcome: CallOutcome?, note: String)
    /// Booking, an appointment's details, cancelling, the waiting list, go to a date.
    case agenda(AgendaOverlay)
    /// A message for the client (`M`) or a medical question for the practitioner (`Q`).
    case message(MessageForm)
    /// The emergency script (`!`, or an emergency term typed during a call).
    indirect case emergency(EmergencyScript)
    /// The client's messages and their status.
    case messages(MessageList)
    /// The versions of the client's instructions and what each changed.
    case instructionsHistory(InstructionsHistory)
    /// Callers who hung up in the queue, to call back.
    case callbacks(CallbackList)
    /// The agenda's absences, and adding one.
    case absences(AbsenceList)
    /// The agenda's waiting list.
    case waitingList(WaitingListView)
    /// The board check: messages that did not reach their client (supervisors).
    case board(BoardList)
}

public struct NewContactForm: Equatable, Sendable {
    public var lastName = ""
    public var firstName = ""
    public var phone = ""
    /// 0 last name, 1 first name, 2 phone.
    public var field = 0
    public var error: String?

    public init(phone: String = "") { self.phone = phone }
}

/// The caller lookup pane: the caller found by number on answering, or a name search.
public struct LookupState: Equatable, Sendable {
    /// The most names a search shows: more than the pane's rows at 200x60; a full list means
    /// more match, and the pane asks for more letters.
    public static let searchLimit = 30

    /// Typing in the name field: keys go to the text.
    public var searching = false
    public var query = ""
    public var results: [Contact] = []
    public var selection = 0
    /// The number of the call being handled, when looked up.
    public var callerNumber: PhoneNumber?
    /// True once the caller's number was looked up and nobody has it.
    public var callerUnknown = false
    /// The contact shown with its history: the caller, or someone looked up.
    public var opened: Contact?
    public var history: ContactHistory?
    /// Who is on the line, as the store has the call (or the one contact with its number).
    /// Only the operator's explicit `C` changes it; a search never does.
    public var caller: Contact?

    /// True when the card shows the caller of the current call.
    public var showsCaller: Bool { opened != nil && opened?.id == caller?.id }

    public init() {}
}

public struct InstructionsState: Equatable, Sendable {
    public var scroll = 0
    public var finding = false
    public var query = ""
    /// The line of the current match, highlighted.
    public var matchLine: Int?

    public init() {}
}

public struct AgendaState: Equatable, Sendable {
    public var agendaIndex = 0
    public var monday: LocalDate?
    /// The week of the agenda in view, laid out by the domain (nil while it loads).
    public var grid: WeekGrid?
    /// 0 (Monday) to 5 (Saturday).
    public var cursorDay = 0
    /// Minutes since local midnight of the cursor slot's start: kept across weeks and
    /// agendas, whose grids may have other rows.
    public var cursorMinute = 9 * 60
    /// The first grid row shown, so the cursor stays visible.
    public var firstRow = 0
    /// True until the first grid of a client is in: it then scrolls to show the morning.
    public var scrollPending = true
    /// The appointment type `f` looks for (nil: the client's first); the last one booked.
    public var typeID: Int64?
    /// The appointment being moved, whose new slot the cursor chooses.
    public var moving: MovingAppointment?

    public init() {}
}

/// A short message in the status line after an action (`Aucun appel en attente.`).
public struct Flash: Equatable, Sendable {
    public var text: String
    public var isError: Bool

    public init(text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }
}

/// Everything the console shows. Changed only by `update`; drawn by `render`.
public struct AppState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var language: Language
    public var user: Operator
    public var presence: Presence = .available
    public var now: Date
    public var focus: PaneID = .queue
    public var queue: [QueueEntry] = []
    public var queueSelection = 0
    public var call: ActiveCall?
    public var context: ClientContext?
    public var lookup = LookupState()
    public var instructions = InstructionsState()
    public var agenda = AgendaState()
    public var overlay: Overlay?
    public var flash: Flash?
    public var clients: [Client] = []
    public var isRunning = true
    /// The database holds demo or generated data, not real callers: the status line says so.
    public var isTrainingData = false
    /// Emergency terms dismissed during the current call.
    public var triage = TriageMemory()
    /// Where the cursor is in the field being typed, in characters from its end.
    public var caret = 0
    /// The first line of the help shown.
    public var helpScroll = 0
    /// What the operator typed and closed without sending, kept with the call.
    public var drafts = Drafts()
    /// `--bell`: a new call while busy elsewhere rings the terminal's bell too.
    public var ringsBell = false
    /// False until the queue is first read: the calls already waiting then are not "new".
    public var queueSeen = false

    public init(width: Int, height: Int, language: Language, user: Operator, now: Date) {
        self.width = width
        self.height = height
        self.language = language
        self.user = user
        self.now = now
    }

    /// True when keys go to a text field rather than to the keymap.
    public var isTyping: Bool {
        if overlay != nil { return true }
        return (focus == .lookup && lookup.searching) || (focus == .instructions && instructions.finding)
    }

    /// The client the panes follow: the current call's, else the one picked or selected.
    public var clientID: ClientID? { context?.client.id }

    public func text(_ key: Text) -> String { key(language) }

    /// The local calendar of the client in view (Europe/Paris when none).
    public var calendar: LocalCalendar {
        context?.client.calendar ?? LocalCalendar.serviceHome
    }
}
