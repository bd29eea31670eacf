import Foundation
import GRDB
import SecretaryCore

extension Store {
    /// Saves a message after the advice guard has read its reason and text: a refused text
    /// throws a `RuleViolation` naming the phrase and the rule, and nothing is written.
    @discardableResult
    public func addMessage(_ draft: MessageDraft, by identity: Identity) throws -> Message {
        try write(by: identity) { db, trail in
            let message = try Store.insertMessage(draft, at: trail.at, by: identity, in: db)
            trail.record("create", "message", "\(message.id)",
                         "\(message.clientID)\(message.isUrgent ? " urgent" : ""): \(message.reason)")
            return message
        }
    }

    static func insertMessage(_ draft: MessageDraft, at now: Date, by identity: Identity, in db: Database) throws -> Message {
        var message = try draft.message(createdAt: now)
        let client = try Store.client(draft.clientID, in: db)
        try enforceNoAdvice(message.reason, field: "message reason", client: draft.clientID, in: db)
        try enforceNoAdvice(message.text, field: "message text", client: draft.clientID, in: db)
        try db.execute(sql: """
            INSERT INTO message (client_id, call_id, contact_id, caller_name, callback_number, reason, body, urgent,
                                 tags, status, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [message.clientID.rawValue, message.callID, message.contactID, message.callerName,
                             message.callbackNumber?.e164, message.reason, message.text, message.isUrgent,
                             message.tags.joined(separator: ","), message.status.rawValue, now.stored, identity.login])
        message.id = db.lastInsertedRowID
        message.createdBy = identity.login
        try planDeliveries(for: message, client: client, in: db)
        return message
    }

    /// Messages, newest first, of one client or all, in one status or all.
    public func messages(client: ClientID? = nil, status: MessageStatus? = nil, limit: Int = 500) throws -> [Message] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let client {
                _ = try Store.client(client, in: db)
                conditions.append("client_id = ?")
                arguments += [client.rawValue]
            }
            if let status {
                conditions.append("status = ?")
                arguments += [status.rawValue]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments += [limit]
            return try Message.fetchListing(db, sql: "SELECT * FROM message \(filter) ORDER BY created_at DESC, id DESC LIMIT ?",
                                        arguments: arguments)
        }
    }

    public func message(id: Int64) throws -> Message {
        try read { try Store.message(id: id, in: $0) }
    }

    static func message(id: Int64, in db: Database) throws -> Message {
        guard let message = try Message.fetchOne(db, sql: "SELECT * FROM message WHERE id = ?", arguments: [id]) else {
            throw StoreError("unknown message \(id)")
        }
        return message
    }

    /// Marks messages as passed on to the client; all or none (an unknown id or a message
    /// already transmitted refuses the lot).
    @discardableResult
    public func markTransmitted(_ ids: [Int64], by identity: Identity) throws -> [Message] {
        try advance(ids, to: .transmitted, column: "transmitted_at", action: "transmit", by: identity)
    }

    /// Records that the client has read the messages; all or none.
    @discardableResult
    public func acknowledge(_ ids: [Int64], by identity: Identity) throws -> [Message] {
        try advance(ids, to: .acknowledged, column: "acknowledged_at", action: "acknowledge", by: identity)
    }

    /// Puts a message marked transmitted by mistake back to new.
    @discardableResult
    public func undoTransmitted(_ id: Int64, by identity: Identity) throws -> Message {
        try write(by: identity) { db, trail in
            var message = try Store.message(id: id, in: db)
            guard message.status == .transmitted else {
                throw RuleViolation(.conflict, "message \(id) is \(message.status.rawValue): only a transmitted message can go back to new")
            }
            try db.execute(sql: "UPDATE message SET status = 'new', transmitted_at = NULL WHERE id = ? AND status = 'transmitted'",
                           arguments: [id])
            trail.record("untransmit", "message", "\(id)", "\(message.clientID)")
            message.status = .new
            message.transmittedAt = nil
            return message
        }
    }

    private func advance(_ ids: [Int64], to status: MessageStatus, column: String, action: String,
                         by identity: Identity) throws -> [Message] {
        guard !ids.isEmpty else { throw ValidationError(field: "message ids", value: "", reason: "give at least one") }
        return try write(by: identity) { db, trail in
            var done: [Message] = []
            for id in ids where !done.contains(where: { $0.id == id }) {
                var message = try Store.message(id: id, in: db)
                guard message.status.next == status else {
                    throw RuleViolation(.conflict, "message \(id) is \(message.status.rawValue): it cannot become \(status.rawValue)"
                                        + (message.status == .new ? " before it is transmitted" : ""))
                }
                try db.execute(sql: "UPDATE message SET status = ?, \(column) = ? WHERE id = ?",
                               arguments: [status.rawValue, trail.at.stored, id])
                if status == .acknowledged { try Store.stopEscalation(of: id, in: db) }
                trail.record(action, "message", "\(id)", "\(message.clientID)")
                message.status = status
                let at = Date(stored: trail.at.stored)
                if status == .transmitted { message.transmittedAt = at } else { message.acknowledgedAt = at }
                done.append(message)
            }
            return done
        }
    }
}
