import Foundation
import GRDB
import SecretaryCore

// Provisional: the agenda queries the console needs until the agenda work lands (it
// replaces these with its own). The calls' are in CallQueries, CallClaimQueries and
// PresenceQueries.

public struct WeekAppointment: Sendable {
    public let id: Int64
    public let start: Date
    public let end: Date
    public let contactName: String
    public let typeName: String
    public let colour: Int
}

public struct AgendaWeekData: Sendable {
    public let appointments: [WeekAppointment]
    public let absences: [DateInterval]
}

extension Store {
    public func agendaWeek(agendaID: Int64, from: Date, to: Date) throws -> AgendaWeekData {
        try read { db in
            let appointments = try Row.fetchAll(db, sql: """
                SELECT appointment.id, appointment.start_at, appointment.end_at,
                       contact.first_name || ' ' || contact.last_name AS contact_name,
                       appointment_type.name AS type_name, appointment_type.colour
                FROM appointment
                JOIN contact ON contact.id = appointment.contact_id
                JOIN appointment_type ON appointment_type.id = appointment.type_id
                WHERE appointment.agenda_id = ? AND appointment.start_at < ? AND appointment.end_at > ?
                  AND appointment.status != 'cancelled'
                ORDER BY appointment.start_at
                """, arguments: [agendaID, to.stored, from.stored]).map {
                WeekAppointment(id: $0["id"], start: $0.date("start_at"), end: $0.date("end_at"),
                                contactName: $0["contact_name"], typeName: $0["type_name"], colour: $0["colour"])
            }
            let absences = try Row.fetchAll(db, sql: """
                SELECT start_at, end_at FROM absence WHERE agenda_id = ? AND start_at < ? AND end_at > ?
                """, arguments: [agendaID, to.stored, from.stored]).map {
                DateInterval(start: $0.date("start_at"), end: $0.date("end_at"))
            }
            return AgendaWeekData(appointments: appointments, absences: absences)
        }
    }
}
