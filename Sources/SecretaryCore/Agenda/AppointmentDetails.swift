import Foundation

/// An appointment as an agenda shows it: with the contact's name and the type's name and
/// colour, and who booked it when (what `Enter` on an appointment shows).
public struct AppointmentDetails: Hashable, Sendable, Identifiable {
    public var appointment: Appointment
    public var contactName: String
    public var typeName: String
    /// The type's colour index (1–8), for the grid.
    public var colour: Int
    public var bookedAt: Date?
    public var bookedBy: String?

    public init(appointment: Appointment, contactName: String, typeName: String, colour: Int,
                bookedAt: Date? = nil, bookedBy: String? = nil) {
        self.appointment = appointment
        self.contactName = contactName
        self.typeName = typeName
        self.colour = colour
        self.bookedAt = bookedAt
        self.bookedBy = bookedBy
    }

    public var id: Int64 { appointment.id }
    public var start: Date { appointment.start }
    public var end: Date { appointment.end }
    public var interval: DateInterval { appointment.interval }
    public var status: AppointmentStatus { appointment.status }
}

extension DateInterval {
    /// True when the two share some time. Touching ends do not overlap: an appointment
    /// 10:00-10:20 and another 10:20-10:40 are both possible (`intersects` would say no).
    public func overlaps(_ other: DateInterval) -> Bool {
        start < other.end && other.start < end
    }

    /// True when `other` lies entirely inside this interval.
    public func encloses(_ other: DateInterval) -> Bool {
        start <= other.start && other.end <= end
    }
}
