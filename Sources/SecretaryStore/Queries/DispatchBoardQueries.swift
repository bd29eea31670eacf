import Foundation
import GRDB
import SecretaryCore

extension Store {
    /// Sends unacknowledged urgent messages whose delay has run out to the next person on
    /// call, or, when the rota has run out, to the supervisors' board. Returns how many moved.
    @discardableResult
    public func escalateDue() throws -> Int {
        let now = self.now.stored
        let due = try read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM message WHERE escalate_at IS NOT NULL AND escalate_at <= ?", arguments: [now])
        }
        guard !due.isEmpty else { return 0 }
        return try write(by: .dispatch) { db, trail in
            var moved = 0
            for id in due {
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT escalation_step, status FROM message WHERE id = ? AND escalate_at IS NOT NULL AND escalate_at <= ?
                    """, arguments: [id, trail.at.stored]) else { continue }
                let message = try Store.message(id: id, in: db)
                let step = (row["escalation_step"] as Int? ?? 0) + 1
                guard message.status != .acknowledged else {
                    try db.execute(sql: "UPDATE message SET escalate_at = NULL WHERE id = ?", arguments: [id])
                    continue
                }
                let client = try Store.client(message.clientID, in: db)
                let settings = try Store.dispatchSettings(of: client, at: message.createdAt, in: db)
                let kind = MessageKind(message)
                let next = DeliveryPlan.escalation(step: step, channels: DeliveryPlan.onCallChannels(kind: kind, settings: settings),
                                                   onCallAt: client.calendar.localDateTime(of: message.createdAt),
                                                   settings: settings, at: trail.at)
                if next.isEmpty {
                    try db.execute(sql: "UPDATE message SET escalate_at = NULL, board_at = coalesce(board_at, ?) WHERE id = ?",
                                   arguments: [trail.at.stored, id])
                    trail.record("board", "message", "\(id)", "\(message.clientID): nobody acknowledged")
                } else {
                    try Store.insert(next, for: message, in: db)
                    let escalateAt = trail.at.addingTimeInterval(TimeInterval(settings.rota.escalateAfterMinutes * 60))
                    try db.execute(sql: "UPDATE message SET escalation_step = ?, escalate_at = ? WHERE id = ?",
                                   arguments: [step, escalateAt.stored, id])
                    trail.record("escalate", "message", "\(id)", "\(message.clientID): step \(step)")
                }
                moved += 1
            }
            if trail.entries.isEmpty { trail.record("escalate", "message", "-", "nothing left to do") }
            return moved
        }
    }

    /// Acknowledging stops the escalation at once: what has not gone out yet to the next
    /// person is cancelled; called in the acknowledgment's transaction.
    static func stopEscalation(of id: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE message SET escalate_at = NULL WHERE id = ?", arguments: [id])
        try db.execute(sql: """
            UPDATE delivery SET status = 'cancelled', answer = 'acknowledged before it was sent'
            WHERE message_id = ? AND step IS NOT NULL AND status = 'queued'
            """, arguments: [id])
    }

    /// The supervisors' board: unacknowledged messages that failed to go out or that nobody
    /// on call acknowledged, oldest first. Supervisors only (callers' names and numbers).
    public func board(by identity: Identity) throws -> [BoardEntry] {
        try read(by: identity, needs: .supervise, "the board of undelivered messages") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT message.*, client.name AS client_name FROM message JOIN client ON client.id = message.client_id
                WHERE board_at IS NOT NULL AND message.status <> 'acknowledged' ORDER BY board_at, message.id
                """)
            return try rows.map { row in
                let message = try Message(row: row)
                return BoardEntry(message: message, clientName: row["client_name"] ?? "", since: row.date("board_at"),
                                  deliveries: try Store.delivery(db, where: "message_id = ?", orderBy: "id", arguments: [message.id]))
            }
        }
    }

    /// How many messages the board lists, for the wallboard's count.
    public func boardCount() throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE board_at IS NOT NULL AND status <> 'acknowledged'") ?? 0
        }
    }

    /// Sends a board message's failed deliveries again, to the addresses the client's file
    /// now gives (after an address was fixed), and takes it off the board. Returns how many.
    @discardableResult
    public func resend(message id: Int64, by identity: Identity) throws -> Int {
        try write(by: identity, needs: .supervise) { db, trail in
            let message = try Store.message(id: id, in: db)
            let client = try Store.client(message.clientID, in: db)
            let settings = try Store.dispatchSettings(of: client, at: trail.at, in: db)
            let failed = try Store.delivery(db, where: "message_id = ? AND status = 'failed'", orderBy: "id", arguments: [id])
            guard !failed.isEmpty else {
                throw RuleViolation(.conflict, "message \(id) has no failed delivery to send again: phone the client")
            }
            for delivery in failed {
                let address = settings.recipient(named: delivery.recipient)?.address(for: delivery.channel) ?? delivery.address
                try db.execute(sql: """
                    UPDATE delivery SET status = 'queued', address = ?, due_at = ?, attempts = 0, answer = 'resent' WHERE id = ?
                    """, arguments: [address, trail.at.stored, delivery.id])
            }
            try db.execute(sql: "UPDATE message SET board_at = NULL WHERE id = ?", arguments: [id])
            trail.record("resend", "message", "\(id)", "\(failed.count) deliveries")
            return failed.count
        }
    }
}
