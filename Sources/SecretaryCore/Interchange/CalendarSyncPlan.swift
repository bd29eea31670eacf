import Foundation

/// An event this service put in a CalDAV collection: which appointment, the resource's
/// name, the ETag the server gave, and the appointment's revision it held.
public struct PushedEvent: Hashable, Sendable {
    public let uid: String
    public let appointmentID: Int64
    public let href: String
    public let etag: String?
    public let revision: Int

    public init(uid: String, appointmentID: Int64, href: String, etag: String?, revision: Int) {
        self.uid = uid
        self.appointmentID = appointmentID
        self.href = href
        self.etag = etag
        self.revision = revision
    }
}

/// What one sync of an agenda has to send: a PUT for a new or changed appointment (with
/// the ETag last seen, so a change made on the server is never overwritten), a DELETE for
/// one cancelled, erased or moved to another agenda, nothing for one unchanged.
public enum CalendarSyncAction: Sendable, Equatable {
    case create(ExportedAppointment)
    case update(ExportedAppointment, PushedEvent)
    case delete(PushedEvent)

    /// The resource of an appointment: its UID, which no other event has, so an interrupted
    /// sync run again finds the same resource instead of making a second one.
    public static func resourceName(uid: String) -> String {
        uid.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-.".unicodeScalars.contains($0)
            ? String($0) : "_" }.joined() + ".ics"
    }

    /// `appointments`: the agenda's appointments in the synced span and every one it pushed
    /// before (wherever they are now); `pushed`: what was pushed from this agenda.
    public static func plan(agendaID: Int64, appointments: [ExportedAppointment], pushed: [PushedEvent]) -> [CalendarSyncAction] {
        let byAppointment = Dictionary(pushed.map { ($0.appointmentID, $0) }, uniquingKeysWith: { first, _ in first })
        var actions: [CalendarSyncAction] = []
        var seen = Set<Int64>()
        for exported in appointments {
            let appointment = exported.details.appointment
            seen.insert(appointment.id)
            let holdsTime = appointment.status != .cancelled && appointment.agendaID == agendaID
            switch (byAppointment[appointment.id], holdsTime) {
            case (nil, true): actions.append(.create(exported))
            case (let event?, true) where event.revision != exported.revision: actions.append(.update(exported, event))
            case (let event?, false): actions.append(.delete(event))
            default: break
            }
        }
        for event in pushed where !seen.contains(event.appointmentID) { actions.append(.delete(event)) }
        return actions
    }
}
