import Foundation

/// Who an appointment is for.
public enum BookingContact: Sendable, Hashable {
    /// A known contact, by id.
    case existing(Int64)
    /// The caller's number: the one contact of the client with it; when none has it, a new
    /// contact named `newContactName` (`Marie Lefèvre`: first names, then the last name),
    /// created in the same transaction as the booking; refused when no name is given.
    case phone(PhoneNumber, newContactName: String?)
}

/// A booking as the console or the command line asks for it.
public struct BookingRequest: Sendable, Hashable {
    public var agendaID: Int64
    public var contact: BookingContact
    public var typeID: Int64
    public var start: Date
    public var note: String
    /// The waiting-list entry this booking serves; it is closed with the booking.
    public var waitlistEntryID: Int64?

    public init(agendaID: Int64, contact: BookingContact, typeID: Int64, start: Date, note: String = "",
                waitlistEntryID: Int64? = nil) {
        self.agendaID = agendaID
        self.contact = contact
        self.typeID = typeID
        self.start = start
        self.note = note
        self.waitlistEntryID = waitlistEntryID
    }
}
