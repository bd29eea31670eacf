import Foundation
import SecretaryCore

// The agenda's share of the console's events, effects and windows: grouped under one case of
// `Event`, `Effect` and `Overlay` each, so the agenda's flow reads in one place.

/// Putting someone on an agenda's waiting list.
public struct WaitlistRequest: Equatable, Sendable {
    public var agendaID: Int64
    public var contactID: Int64
    /// nil: any type (the freed slot's length).
    public var typeID: Int64?
    public var preferences: WaitlistPreferences
    public var note: String

    public init(agendaID: Int64, contactID: Int64, typeID: Int64?, preferences: WaitlistPreferences, note: String = "") {
        self.agendaID = agendaID
        self.contactID = contactID
        self.typeID = typeID
        self.preferences = preferences
        self.note = note
    }
}

/// What a cancellation freed, and who on the waiting list could take it.
public struct AgendaCancellation: Equatable, Sendable {
    public var appointment: AppointmentDetails
    public var freed: DateInterval
    public var matches: [WaitlistMatch]

    public init(appointment: AppointmentDetails, freed: DateInterval, matches: [WaitlistMatch]) {
        self.appointment = appointment
        self.freed = freed
        self.matches = matches
    }
}

/// Work on the agenda, performed by `ConsoleSession` against `ConsoleData`.
public enum AgendaEffect: Equatable, Sendable {
    case showAppointment(Int64)
    case book(BookingRequest)
    case move(Int64, to: Date, agendaID: Int64)
    case cancel(Int64, reason: String)
    case markNoShow(Int64)
    /// The next free start after `from` for an appointment of `typeID`, in this week or later.
    case findFreeSlot(agendaID: Int64, typeID: Int64, from: Date)
    case addToWaitlist(WaitlistRequest)
    case loadAbsences(Int64)
    case addAbsence(agendaID: Int64, from: Date, to: Date, reason: String)
    case loadWaitlist(Int64)
}

/// The answers of `AgendaEffect`s.
public enum AgendaEvent: Sendable {
    case appointmentShown(AppointmentDetails)
    case booked(AppointmentDetails)
    case moved(AppointmentDetails)
    case cancelled(AgendaCancellation)
    case noShowMarked(AppointmentDetails)
    case freeSlotFound(DateInterval?, typeID: Int64)
    case waitlisted(WaitlistEntry)
    /// A booking rule refused the change (`RuleViolation.reason`), or the slot was just taken
    /// by another terminal: said in the status line, and the week is read again.
    case refused(String)
    case absencesLoaded(Int64, [Absence])
    /// The absence recorded, and the booked appointments it covers.
    case absenceAdded(Absence, affected: [AppointmentDetails])
    case waitlistLoaded(Int64, [WaitlistEntry])
    /// True when this console changed the store.
    var wrote: Bool {
        switch self {
        case .appointmentShown, .freeSlotFound, .absencesLoaded, .waitlistLoaded: false
        case .booked, .moved, .cancelled, .noShowMarked, .waitlisted, .absenceAdded: true
        // Nothing was written here; what another terminal wrote comes as an external change.
        case .refused: false
        }
    }
}

/// An appointment being moved: the cursor chooses its new slot, Enter moves it there.
public struct MovingAppointment: Equatable, Sendable {
    public var id: Int64
    public var contactName: String
    /// Its type: `f` then looks for a slot of its length.
    public var typeID: Int64
    public var minutes: Int
    public var colour: Int
    public var from: Date

    public init(id: Int64, contactName: String, typeID: Int64, minutes: Int, colour: Int, from: Date) {
        self.id = id
        self.contactName = contactName
        self.typeID = typeID
        self.minutes = minutes
        self.colour = colour
        self.from = from
    }
}

/// The agenda's windows over the panes.
public enum AgendaOverlay: Equatable, Sendable {
    case booking(BookingForm)
    /// What `Enter` on an appointment shows.
    case details(AppointmentDetails)
    case cancel(CancelForm)
    /// Confirming that the contact did not come.
    case noShow(WeekGrid.Booking)
    /// After a cancellation: who on the waiting list could take the freed time.
    case waitlistOffers(WaitlistOffers)
    case waitlist(WaitlistForm)
    /// The `g` line: a date typed as `25/12`, `25/12/2026` or `2026-12-25`.
    case goTo(text: String, error: String?)
}

/// Booking a free slot: who (the caller, or a search), which type (it sets the length), an
/// optional note; Enter on the note books.
public struct BookingForm: Equatable, Sendable {
    public enum Step: Equatable, Sendable { case contact, type, note }

    public var agendaID: Int64
    public var start: Date
    /// Free minutes from `start` in the grid, to mark the types that do not fit there.
    public var freeMinutes: Int
    public var contact: Contact?
    public var step: Step
    /// The contact search, when there is no caller.
    public var query = ""
    public var results: [Contact] = []
    public var selection = 0
    /// The highlighted type (index into the client's types).
    public var typeIndex: Int
    public var note = ""

    public init(agendaID: Int64, start: Date, freeMinutes: Int, contact: Contact?, typeIndex: Int) {
        self.agendaID = agendaID
        self.start = start
        self.freeMinutes = freeMinutes
        self.contact = contact
        self.step = contact == nil ? .contact : .type
        self.typeIndex = typeIndex
    }
}

/// Cancelling an appointment: a reason, then a confirmation that says what will happen.
public struct CancelForm: Equatable, Sendable {
    public var booking: WeekGrid.Booking
    public var reason = ""
    public var confirming = false
    public var error: String?

    public init(booking: WeekGrid.Booking) { self.booking = booking }
}

public struct WaitlistOffers: Equatable, Sendable {
    public var cancelled: AppointmentDetails
    public var freed: DateInterval
    public var matches: [WaitlistMatch]
    public var selection = 0

    public init(cancelled: AppointmentDetails, freed: DateInterval, matches: [WaitlistMatch]) {
        self.cancelled = cancelled
        self.freed = freed
        self.matches = matches
    }
}

/// Putting the caller on the waiting list: the type wanted (or any), then when they can come.
public struct WaitlistForm: Equatable, Sendable {
    public var agendaID: Int64
    public var contact: Contact
    /// Index into the client's types; nil: any type.
    public var typeIndex: Int?
    /// False while choosing the type, true while typing the preferences.
    public var typingPreferences = false
    public var preferences = ""
    public var error: String?

    public init(agendaID: Int64, contact: Contact, typeIndex: Int?) {
        self.agendaID = agendaID
        self.contact = contact
        self.typeIndex = typeIndex
    }
}
