import Foundation
import GRDB
import SecretaryCore

// Provisional: the calls and agenda queries the console needs until the calls and agenda
// work lands (it replaces these with its own).

public struct QueuedCall: Sendable {
    public let call: Call
    public let clientName: String
    public let contactName: String?
}

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
    public func waitingQueue() throws -> [QueuedCall] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT call.*, client.name AS client_name,
                       CASE WHEN contact.id IS NULL THEN NULL ELSE contact.first_name || ' ' || contact.last_name END AS contact_name
                FROM call JOIN client ON client.id = call.client_id
                LEFT JOIN contact ON contact.id = call.contact_id
                WHERE call.status = 'waiting' ORDER BY call.urgent DESC, call.arrived_at, call.id
                """).map { QueuedCall(call: try Call(row: $0), clientName: $0["client_name"], contactName: $0["contact_name"]) }
        }
    }

    public func claimNextCall(by user: Operator) throws -> Call? {
        try write(by: Identity(user.login)) { db, trail in
            guard let id = try Int64.fetchOne(db, sql: """
                SELECT id FROM call WHERE status = 'waiting' ORDER BY urgent DESC, arrived_at, id LIMIT 1
                """) else {
                trail.record("claim-none", "call", "")
                return nil
            }
            try db.execute(sql: "UPDATE call SET status = 'answered', answered_at = ?, operator_id = ? WHERE id = ?",
                           arguments: [trail.at.stored, user.id, id])
            trail.record("claim", "call", "\(id)")
            return try Call.fetchOne(db, sql: "SELECT * FROM call WHERE id = ?", arguments: [id])
        }
    }

    public func currentCall(of user: Operator) throws -> Call? {
        try read { db in
            try Call.fetchOne(db, sql: "SELECT * FROM call WHERE operator_id = ? AND status IN ('answered', 'on-hold', 'wrap-up') ORDER BY id DESC LIMIT 1",
                              arguments: [user.id])
        }
    }

    public func finishCall(_ id: Int64, outcome: CallOutcome, note: String, by user: Operator) throws {
        try write(by: Identity(user.login)) { db, trail in
            try db.execute(sql: "UPDATE call SET status = 'done', outcome = ?, note = ?, done_at = ?, ended_at = coalesce(ended_at, ?) WHERE id = ?",
                           arguments: [outcome.rawValue, note, trail.at.stored, trail.at.stored, id])
            trail.record("finish", "call", "\(id)", outcome.rawValue)
        }
    }

    public func setPresence(_ presence: Presence, of user: Operator) throws {
        try write(by: Identity(user.login)) { db, trail in
            try db.execute(sql: """
                INSERT INTO operator_presence (operator_id, state, since, heartbeat) VALUES (?, ?, ?, ?)
                ON CONFLICT(operator_id) DO UPDATE SET state = excluded.state, since = excluded.since, heartbeat = excluded.heartbeat
                """, arguments: [user.id, presence.rawValue, trail.at.stored, trail.at.stored])
            trail.record("presence", "operator", user.login, presence.rawValue)
        }
    }

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
