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
        // Now served by the agenda queries (AgendaQueries.swift), which walk the
        // appointment(agenda_id, start_at) index; `weekGrid(agendaID:week:)` gives the laid-out week.
        try read { db in
            let window = DateInterval(start: from, end: to)
            let appointments = try Store.entries(agendaID: agendaID, overlapping: window, in: db).map {
                WeekAppointment(id: $0.id, start: $0.start, end: $0.end, contactName: $0.contactName,
                                typeName: $0.typeName, colour: $0.colour)
            }
            let absences = try Store.absences(agendaID: agendaID, overlapping: window, in: db).map(\.interval)
            return AgendaWeekData(appointments: appointments, absences: absences)
        }
    }
}
