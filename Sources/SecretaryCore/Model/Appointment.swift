import Foundation

/// A kind of appointment a client offers (`Consultation`, 20 min), with its grid colour.
public struct AppointmentType: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var clientID: ClientID
    public var name: String
    public var minutes: Int
    /// Index of the theme's appointment colour (1–8).
    public var colour: Int

    public init(id: Int64 = 0, clientID: ClientID, name: String, minutes: Int, colour: Int = 1) throws {
        guard !name.trimmedOfSpaces.isEmpty else {
            throw ValidationError(field: "appointment type", value: name, reason: "must not be empty")
        }
        guard (5...480).contains(minutes), minutes % 5 == 0 else {
            throw ValidationError(field: "duration", value: "\(minutes)", reason: "use 5 to 480 minutes, a multiple of 5")
        }
        guard (1...8).contains(colour) else {
            throw ValidationError(field: "colour", value: "\(colour)", reason: "use 1 to 8")
        }
        self.id = id
        self.clientID = clientID
        self.name = name.trimmedOfSpaces
        self.minutes = minutes
        self.colour = colour
    }
}

public enum AppointmentStatus: String, CaseIterable, Sendable, Codable {
    case booked, cancelled, noShow = "no-show"
}

/// A *rendez-vous* in one agenda. Start and end are instants; the grid shows them in the
/// client's local time.
public struct Appointment: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var clientID: ClientID
    public var agendaID: Int64
    public var contactID: Int64
    public var typeID: Int64
    public var start: Date
    public var end: Date
    public var status: AppointmentStatus
    public var note: String
    public var cancelReason: String?

    public init(id: Int64 = 0, clientID: ClientID, agendaID: Int64, contactID: Int64, typeID: Int64,
                start: Date, end: Date, status: AppointmentStatus = .booked, note: String = "",
                cancelReason: String? = nil) throws {
        guard end > start else {
            throw ValidationError(field: "appointment end", value: "\(end)", reason: "must come after the start")
        }
        self.id = id
        self.clientID = clientID
        self.agendaID = agendaID
        self.contactID = contactID
        self.typeID = typeID
        self.start = start
        self.end = end
        self.status = status
        self.note = note
        self.cancelReason = cancelReason
    }

    public var interval: DateInterval { DateInterval(start: start, end: end) }
}

/// A period an agenda's practitioner is away (holiday, training); nothing is booked in it.
public struct Absence: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var agendaID: Int64
    public var start: Date
    public var end: Date
    public var reason: String

    public init(id: Int64 = 0, agendaID: Int64, start: Date, end: Date, reason: String) throws {
        guard end > start else {
            throw ValidationError(field: "absence end", value: "\(end)", reason: "must come after the start")
        }
        self.id = id
        self.agendaID = agendaID
        self.start = start
        self.end = end
        self.reason = reason
    }

    public var interval: DateInterval { DateInterval(start: start, end: end) }
}
