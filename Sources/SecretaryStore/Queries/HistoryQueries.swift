import Foundation
import GRDB
import SecretaryCore

/// A caller's history with one client, newest first, as short lines for the lookup pane.
public struct CallerHistory: Sendable {
    public struct Item: Sendable {
        public let at: Date
        /// The item's own words: a call's note, a message's reason, an appointment's type and agenda.
        public let text: String
        /// Nil when the row's status is damaged (the item still shows).
        public var status: HistoryStatus?
    }

    public var calls: [Item] = []
    public var messages: [Item] = []
    public var appointments: [Item] = []
}

extension Store {
    /// The contact's last calls, messages and appointments (past and upcoming).
    public func contactHistory(_ contactID: Int64, limit: Int = 20) throws -> CallerHistory {
        try read { db in
            var history = CallerHistory()
            for row in try Row.fetchAll(db, sql: """
                SELECT arrived_at, status, outcome, note FROM call WHERE contact_id = ? ORDER BY arrived_at DESC LIMIT ?
                """, arguments: [contactID, limit]) {
                let outcome: String? = row["outcome"]
                let status = CallStatus(rawValue: row["status"])
                history.calls.append(.init(at: row.date("arrived_at"), text: row["note"],
                                           status: status.map { .call($0, outcome.flatMap(CallOutcome.init(rawValue:))) }))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT created_at, reason, body, status FROM message WHERE contact_id = ? ORDER BY created_at DESC LIMIT ?
                """, arguments: [contactID, limit]) {
                let reason: String = row["reason"]
                let body: String = row["body"]
                let status = MessageStatus(rawValue: row["status"])
                history.messages.append(.init(at: row.date("created_at"), text: reason.isEmpty ? body : reason,
                                              status: status.map(HistoryStatus.message)))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT appointment.start_at, appointment.status, appointment_type.name AS type, agenda.name AS agenda
                FROM appointment
                JOIN appointment_type ON appointment_type.id = appointment.type_id
                JOIN agenda ON agenda.id = appointment.agenda_id
                WHERE appointment.contact_id = ? ORDER BY appointment.start_at DESC LIMIT ?
                """, arguments: [contactID, limit]) {
                let status = AppointmentStatus(rawValue: row["status"])
                let type: String = row["type"]
                let agenda: String = row["agenda"]
                history.appointments.append(.init(at: row.date("start_at"), text: "\(type) — \(agenda)",
                                                  status: status.map(HistoryStatus.appointment)))
            }
            return history
        }
    }
}
