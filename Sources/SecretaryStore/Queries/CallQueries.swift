import Foundation
import GRDB
import SecretaryCore

// Calls in from the PBX, hang-ups, and the lists the console and the command line show.
// Answering and the operator's later steps are in CallClaimQueries.swift.

extension Store {
    /// Records a call arriving on a client's dedicated `line` from `from` (as the PBX gives
    /// it, read in the client's numbering plan; nil or empty when withheld) at `at` (default
    /// now). The call waits for an operator when the client's line is open, and is `closed`
    /// otherwise. The caller is matched to the client's contact with that number when exactly
    /// one has it (a shared family landline is left for the operator to pick).
    @discardableResult
    public func callIn(line: PhoneNumber, from: String?, at: Date? = nil, isUrgent: Bool = false,
                       by identity: Identity = .pbx) throws -> Call {
        try write(by: identity, needs: .pbx) { db, trail in
            guard let client = try Client.fetchOne(db, sql: "SELECT * FROM client WHERE line = ?", arguments: [line.e164]) else {
                throw StoreError("unknown line \(line.national): no client has this number")
            }
            let caller = try from.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
                .map { try PhoneNumber($0, country: client.country) }
            var contactID: Int64?
            if let caller {
                let ids = try Int64.fetchAll(db, sql: "SELECT contact_id FROM contact_phone WHERE client_id = ? AND e164 = ? LIMIT 2",
                                             arguments: [client.id.rawValue, caller.e164])
                contactID = ids.count == 1 ? ids[0] : nil
            }
            var call = Call.arriving(on: client, from: caller, contactID: contactID, isUrgent: isUrgent, at: at ?? trail.at)
            try db.execute(sql: """
                INSERT INTO call (client_id, from_number, contact_id, status, urgent, arrived_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [client.id.rawValue, caller?.e164, contactID, call.status.rawValue, call.isUrgent,
                                 call.arrivedAt.stored])
            call.id = db.lastInsertedRowID
            trail.record("call-in", "call", "\(call.id)",
                         "\(call.status.rawValue) on \(client.id) from \(contactID.map { "contact \($0)" } ?? (caller == nil ? "a withheld number" : "an unknown number"))"
                             + (call.isUrgent ? ", urgent" : ""))
            return call
        }
    }

    /// Records that the caller hung up: a waiting call is abandoned and leaves the queue; an
    /// answered call's talk ends and its operator's wrap-up begins.
    @discardableResult
    public func callEnd(_ id: Int64, by identity: Identity = .pbx) throws -> Call {
        try write(by: identity, needs: .pbx) { db, trail in
            try Store.apply(.hangUp, toCall: id, trail: &trail, in: db)
        }
    }

    /// One call, or an error naming the unknown id.
    public func call(_ id: Int64) throws -> Call {
        try read { try Store.call(id, in: $0) }
    }

    static func call(_ id: Int64, in db: Database) throws -> Call {
        guard let call = try Call.fetchOne(db, sql: "SELECT * FROM call WHERE id = ?", arguments: [id]) else {
            throw StoreError("unknown call \(id)")
        }
        return call
    }

    /// Applies `event` to the call and saves it, moving its operator's presence along.
    /// The UPDATE is guarded by the status it was read with, so a change can never be
    /// applied over one it did not see.
    static func apply(_ event: CallEvent, toCall id: Int64, trail: inout AuditTrail, in db: Database) throws -> Call {
        let before = try call(id, in: db)
        let after = try before.applying(event, at: trail.at)
        try save(after, replacing: before, in: db)
        if let operatorID = after.operatorID {
            try savePresence(.following(after, operatorID: operatorID, at: trail.at), at: trail.at, in: db)
        }
        // The call-back list follows the calls: a hang-up in the queue opens one, an answer closes it.
        if after.status == .abandoned, before.status == .waiting { try openCallback(forAbandoned: after, trail: &trail, in: db) }
        if case .answer = event { try closeCallbacks(answered: after, trail: &trail, in: db) }
        var details = "\(before.status.rawValue) → \(after.status.rawValue)"
        if case .finish(let outcome, _) = event { details += ", \(outcome.rawValue)" }
        trail.record(action(of: event), "call", "\(id)", details)
        return after
    }

    static func save(_ call: Call, replacing before: Call, in db: Database) throws {
        // Cached: preparing it compiles usage's summary triggers too (v10-call-summary).
        try db.cachedStatement(sql: """
            UPDATE call SET status = ?, operator_id = ?, answered_at = ?, ended_at = ?, done_at = ?, outcome = ?, note = ?
            WHERE id = ? AND status = ?
            """).execute(arguments: [call.status.rawValue, call.operatorID, call.answeredAt.stored, call.endedAt.stored,
                             call.doneAt.stored, call.outcome?.rawValue, call.note, call.id, before.status.rawValue])
        guard db.changesCount == 1 else {
            throw RuleViolation(.conflict, "call \(call.id) changed meanwhile: try again")
        }
    }

    private static func action(of event: CallEvent) -> String {
        switch event {
        case .answer: "answer"
        case .hold: "hold"
        case .resume: "resume"
        case .transfer: "transfer"
        case .hangUp: "hang-up"
        case .finish: "finish"
        }
    }

    // MARK: - Lists

    /// The calls waiting for an operator, in the order they will be answered: urgent
    /// first, then by arrival.
    public func queue() throws -> [CallSummary] {
        try read { try Store.queue(in: $0) }
    }

    static func queue(in db: Database) throws -> [CallSummary] {
        try summaries(where: "call.status = 'waiting'", orderBy: "call.urgent DESC, call.arrived_at, call.id",
                      arguments: [], in: db)
    }

    /// Calls, newest first, optionally of one client and in one status.
    public func calls(client: ClientID? = nil, status: CallStatus? = nil, limit: Int = 200) throws -> [CallSummary] {
        try read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let client {
                _ = try Store.client(client, in: db)
                conditions.append("call.client_id = ?")
                arguments.append(client.rawValue)
            }
            if let status {
                conditions.append("call.status = ?")
                arguments.append(status.rawValue)
            }
            arguments.append(limit)
            return try Store.summaries(where: conditions.isEmpty ? "1" : conditions.joined(separator: " AND "),
                                       orderBy: "call.arrived_at DESC, call.id DESC LIMIT ?",
                                       arguments: StatementArguments(arguments), in: db)
        }
    }

    /// One call with its client's and caller's names.
    public func callSummary(_ id: Int64) throws -> CallSummary {
        try read { db in
            guard let found = try Store.summaries(where: "call.id = ?", orderBy: "call.id", arguments: [id], in: db).first else {
                throw StoreError("unknown call \(id)")
            }
            return found
        }
    }

    static func summaries(where condition: String, orderBy order: String, arguments: StatementArguments,
                          in db: Database) throws -> [CallSummary] {
        try DamagedRows.decodeEach(Row.fetchAll(db, sql: """
            SELECT call.*, client.name AS client_name, contact.first_name AS contact_first_name,
                   contact.last_name AS contact_last_name, operator.login AS operator_login
            FROM call
            JOIN client ON client.id = call.client_id
            LEFT JOIN contact ON contact.id = call.contact_id
            LEFT JOIN operator ON operator.id = call.operator_id
            WHERE \(condition) ORDER BY \(order)
            """, arguments: arguments)) { row in
            let last: String? = row["contact_last_name"]
            let first: String = row["contact_first_name"] ?? ""
            return CallSummary(call: try Call(row: row), clientName: row["client_name"],
                               contactName: last.map { first.isEmpty ? $0 : "\(first) \($0)" },
                               operatorLogin: row["operator_login"])
        }
    }
}
