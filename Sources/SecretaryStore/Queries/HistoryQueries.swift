import Foundation
import GRDB
import SecretaryCore

/// A caller's history with one client, newest first, as short lines for the lookup pane.
public struct CallerHistory: Sendable {
    public struct Item: Sendable {
        public let at: Date
        /// The item's own words: a call's note, a message's reason, an appointment's type and agenda.
        public let text: String
        /// Nil when the row's status is unknown (the item still shows).
        public var status: HistoryStatus?
    }

    public var calls: [Item] = []
    public var messages: [Item] = []
    public var appointments: [Item] = []
}

extension Store {
    /// The contact's last calls, messages and appointments (past and upcoming). A damaged row
    /// is left out and reported, never shown half-read.
    public func contactHistory(_ contactID: Int64, limit: Int = 20) throws -> CallerHistory {
        try read { db in
            var history = CallerHistory()
            history.calls = try DamagedRows.decodeEach(Row.fetchAll(db, sql: """
                SELECT id, arrived_at, status, outcome, note FROM call WHERE contact_id = ? ORDER BY arrived_at DESC LIMIT ?
                """, arguments: [contactID, limit])) { row in
                let r = StoredRow(row, "call")
                let outcome: String? = try r["outcome"]
                let status = CallStatus(rawValue: try r["status"])
                return .init(at: try r.date("arrived_at"), text: try r["note"],
                             status: status.map { .call($0, outcome.flatMap(CallOutcome.init(rawValue:))) })
            }
            history.messages = try DamagedRows.decodeEach(Row.fetchAll(db, sql: """
                SELECT id, created_at, reason, body, status FROM message WHERE contact_id = ? ORDER BY created_at DESC LIMIT ?
                """, arguments: [contactID, limit])) { row in
                let r = StoredRow(row, "message")
                let reason: String = try r["reason"]
                let body: String = try r["body"]
                return .init(at: try r.date("created_at"), text: reason.isEmpty ? body : reason,
                             status: MessageStatus(rawValue: try r["status"]).map(HistoryStatus.message))
            }
            history.appointments = try DamagedRows.decodeEach(Row.fetchAll(db, sql: """
                SELECT appointment.id, appointment.start_at, appointment.status,
                       appointment_type.name AS type, agenda.name AS agenda
                FROM appointment
                JOIN appointment_type ON appointment_type.id = appointment.type_id
                JOIN agenda ON agenda.id = appointment.agenda_id
                WHERE appointment.contact_id = ? ORDER BY appointment.start_at DESC LIMIT ?
                """, arguments: [contactID, limit])) { row in
                let r = StoredRow(row, "appointment")
                let type: String = try r["type"]
                let agenda: String = try r["agenda"]
                return .init(at: try r.date("start_at"), text: "\(type) — \(agenda)",
                             status: AppointmentStatus(rawValue: try r["status"]).map(HistoryStatus.appointment))
            }
            return history
        }
    }
}
