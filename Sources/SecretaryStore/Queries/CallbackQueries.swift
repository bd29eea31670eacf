import Foundation
import GRDB
import SecretaryCore

// The call-back list. A caller who hangs up before being answered, with a number, opens a
// call-back (or adds a missed call to the one already open for that number); operators take
// one at a time, as they answer calls: a claim is one write transaction whose UPDATE is
// guarded by `status = 'waiting'`, so two consoles never call the same person back.

extension Store {
    // MARK: - Opened and closed by the calls themselves

    /// Called when `call` was just abandoned: opens its call-back, or counts one more missed
    /// call on the open one for that number. Withheld numbers cannot be called back.
    static func openCallback(forAbandoned call: Call, trail: inout AuditTrail, in db: Database) throws {
        guard call.status == .abandoned, let number = call.from else { return }
        let at = (call.endedAt ?? trail.at).stored
        try db.execute(sql: """
            UPDATE callback SET missed_calls = missed_calls + 1, last_missed_at = ?,
                                contact_id = coalesce(contact_id, ?)
            WHERE client_id = ? AND number = ? AND status != 'done'
            """, arguments: [at, call.contactID, call.clientID.rawValue, number.e164])
        if db.changesCount == 1 {
            trail.record("missed-again", "callback", "call \(call.id)", "\(call.clientID)")
            return
        }
        try db.execute(sql: """
            INSERT INTO callback (client_id, number, contact_id, first_call_id, last_missed_at, created_at, status)
            VALUES (?, ?, ?, ?, ?, ?, 'waiting')
            """, arguments: [call.clientID.rawValue, number.e164, call.contactID, call.id, at, trail.at.stored])
        trail.record("create", "callback", "\(db.lastInsertedRowID)", "\(call.clientID), call \(call.id)")
    }

    /// Called when `call` was just answered: the caller got through, so their waiting
    /// call-back is done (one being dialled by an operator is left to them).
    static func closeCallbacks(answered call: Call, trail: inout AuditTrail, in db: Database) throws {
        guard let number = call.from else { return }
        let ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM callback WHERE client_id = ? AND number = ? AND status = 'waiting'
            """, arguments: [call.clientID.rawValue, number.e164])
        for id in ids {
            try db.execute(sql: """
                UPDATE callback SET status = 'done', last_outcome = ?, done_at = ? WHERE id = ? AND status = 'waiting'
                """, arguments: [CallbackOutcome.calledAgain.rawValue, trail.at.stored, id])
            trail.record("called-again", "callback", "\(id)", "call \(call.id) answered")
        }
    }

    /// Replays the calls since `start` (a database seeded without going through the queue):
    /// abandoned ones open call-backs, answered ones close them, in arrival order.
    static func openCallbacks(forCallsSince start: Date, trail: inout AuditTrail, in db: Database) throws {
        for call in try Call.fetchAll(db, sql: """
            SELECT * FROM call WHERE arrived_at >= ? AND (status = 'abandoned' OR answered_at IS NOT NULL)
            ORDER BY arrived_at, id
            """, arguments: [start.stored]) {
            if call.status == .abandoned {
                try openCallback(forAbandoned: call, trail: &trail, in: db)
            } else {
                try closeCallbacks(answered: call, trail: &trail, in: db)
            }
        }
    }

    // MARK: - The list

    /// The open call-backs (waiting or taken), of one client or all, the longest waiting first;
    /// then those done since `doneSince`, if given (what came of them, and who).
    public func callbacks(client: ClientID? = nil, doneSince: Date? = nil) throws -> [Callback] {
        try read { db in
            if let client { _ = try Store.client(client, in: db) }
            var arguments: StatementArguments = [doneSince?.stored ?? Int64.max]
            if let client { arguments += [client.rawValue] }
            return try Store.callbacks(where: "(callback.status != 'done' OR callback.done_at >= ?)"
                                           + (client == nil ? "" : " AND callback.client_id = ?"),
                                       arguments: arguments, in: db)
        }
    }

    /// One call-back, open or done.
    public func callback(_ id: Int64) throws -> Callback {
        try read { try Store.callback(id, in: $0) }
    }

    /// How many call-backs wait, per client (taken ones are being dialled, so not counted).
    public func callbacksWaiting() throws -> [ClientID: Int] {
        try read { try Store.callbacksWaiting(in: $0) }
    }

    static func callbacksWaiting(in db: Database) throws -> [ClientID: Int] {
        var counts: [ClientID: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT client_id, count(*) AS waiting FROM callback WHERE status = 'waiting' GROUP BY client_id
            """) {
            guard let client = try? ClientID(row["client_id"] as String) else { continue }
            counts[client] = row["waiting"]
        }
        return counts
    }

    static func callback(_ id: Int64, in db: Database) throws -> Callback {
        guard let found = try callbacks(where: "callback.id = ?", arguments: [id], in: db).first else {
            throw RuleViolation(.notFound, "there is no call-back \(id)")
        }
        return found
    }

    static func callbacks(where condition: String, arguments: StatementArguments, in db: Database) throws -> [Callback] {
        try Row.fetchAll(db, sql: """
            SELECT callback.*, holder.login AS holder_login, tried.login AS tried_login,
                   contact.first_name, contact.last_name
            FROM callback
            LEFT JOIN operator AS holder ON holder.id = callback.operator_id
            LEFT JOIN operator AS tried ON tried.id = callback.last_attempt_by
            LEFT JOIN contact ON contact.id = callback.contact_id
            WHERE \(condition)
            ORDER BY callback.status = 'done', callback.last_missed_at, callback.id
            """, arguments: arguments).map(Store.callback(row:))
    }

    /// A row as a call-back; a damaged one is named by its id and column, never its content.
    static func callback(row: Row) throws -> Callback {
        let id: Int64 = row["id"]
        func damaged(_ column: String) -> StoreError { StoreError("damaged row: table callback, id \(id), column \(column)") }
        guard let client = try? ClientID(row["client_id"] as String) else { throw damaged("client_id") }
        guard let number = try? PhoneNumber(e164: row["number"] as String) else { throw damaged("number") }
        guard let status = CallbackStatus(rawValue: row["status"] as String) else { throw damaged("status") }
        let outcomeText: String? = row["last_outcome"]
        let outcome = try outcomeText.map { text -> CallbackOutcome in
            guard let outcome = CallbackOutcome(rawValue: text) else { throw damaged("last_outcome") }
            return outcome
        }
        let last: String? = row["last_name"]
        let first: String = row["first_name"] ?? ""
        return Callback(id: id, clientID: client, number: number, contactID: row["contact_id"],
                        doneAt: row.optionalDate("done_at"),
                        contactName: last.map { first.isEmpty ? $0 : "\(first) \($0)" },
                        missedCalls: row["missed_calls"], lastMissedAt: row.date("last_missed_at"), status: status,
                        operatorLogin: row["holder_login"], takenAt: row.optionalDate("taken_at"), attempts: row["attempts"],
                        lastOutcome: outcome, lastAttemptAt: row.optionalDate("last_attempt_at"),
                        lastAttemptBy: row["tried_login"])
    }

    // MARK: - Taking one, and what came of it

    /// `login` takes call-back `id` to dial it, if it still waits.
    public func takeCallback(_ id: Int64, operator login: String) throws -> Callback {
        try takeCallback(operator: login) { _ in id }
    }

    /// `login` takes the call-back that has waited the longest (of one client, or any).
    public func takeNextCallback(client: ClientID? = nil, operator login: String) throws -> Callback {
        try takeCallback(operator: login) { db in
            guard let id = try Int64.fetchOne(db, sql: """
                SELECT id FROM callback WHERE status = 'waiting' \(client == nil ? "" : "AND client_id = ?")
                ORDER BY last_missed_at, id LIMIT 1
                """, arguments: client.map { [$0.rawValue] } ?? []) else {
                throw RuleViolation(.notFound, "no call-back is waiting")
            }
            return id
        }
    }

    /// One call-back at a time, and none during a call: the operator is on the phone.
    private func takeCallback(operator login: String, choosing: (Database) throws -> Int64) throws -> Callback {
        try write(by: Identity(login)) { db, trail in
            let person = try Store.operatorRecord(login: login, in: db)
            try Store.presence(of: person.id, in: db).checkCanAnswer(login: login)
            if let held = try Int64.fetchOne(db, sql: "SELECT id FROM callback WHERE status = 'taken' AND operator_id = ?",
                                             arguments: [person.id]) {
                throw RuleViolation(.conflict, "\(login) already holds call-back \(held): record what came of it first")
            }
            let id = try choosing(db)
            try Store.callback(id, in: db).checkCanTake(login: login)
            try db.execute(sql: """
                UPDATE callback SET status = 'taken', operator_id = ?, taken_at = ? WHERE id = ? AND status = 'waiting'
                """, arguments: [person.id, trail.at.stored, id])
            guard db.changesCount == 1 else { throw RuleViolation(.conflict, "call-back \(id) changed meanwhile: try again") }
            trail.record("take", "callback", "\(id)")
            return try Store.callback(id, in: db)
        }
    }

    /// The operator holding call-back `id` says what came of the call: reached or a voicemail
    /// closes it, no answer puts it back on the list for a later try.
    @discardableResult
    public func recordCallback(_ id: Int64, outcome: CallbackOutcome, operator login: String) throws -> Callback {
        guard CallbackOutcome.chosen.contains(outcome) else {
            throw ValidationError(field: "outcome", value: outcome.rawValue, reason: "expected reached, no-answer or voicemail")
        }
        return try write(by: Identity(login)) { db, trail in
            let person = try Store.operatorRecord(login: login, in: db)
            try Store.callback(id, in: db).checkHeld(by: login)
            try db.execute(sql: """
                UPDATE callback SET status = ?, operator_id = ?, taken_at = NULL, attempts = attempts + 1,
                                    last_outcome = ?, last_attempt_at = ?, last_attempt_by = ?, done_at = ?
                WHERE id = ? AND status = 'taken' AND operator_id = ?
                """, arguments: [outcome.closes ? CallbackStatus.done.rawValue : CallbackStatus.waiting.rawValue,
                                 outcome.closes ? person.id : nil, outcome.rawValue, trail.at.stored, person.id,
                                 outcome.closes ? trail.at.stored : nil, id, person.id])
            guard db.changesCount == 1 else { throw RuleViolation(.conflict, "call-back \(id) changed meanwhile: try again") }
            trail.record("call-back", "callback", "\(id)", outcome.rawValue)
            return try Store.callback(id, in: db)
        }
    }

    /// Gives a call-back back to the list without calling (taken by mistake).
    @discardableResult
    public func releaseCallback(_ id: Int64, operator login: String) throws -> Callback {
        try write(by: Identity(login)) { db, trail in
            try Store.callback(id, in: db).checkHeld(by: login)
            try db.execute(sql: """
                UPDATE callback SET status = 'waiting', operator_id = NULL, taken_at = NULL WHERE id = ? AND status = 'taken'
                """, arguments: [id])
            trail.record("release", "callback", "\(id)")
            return try Store.callback(id, in: db)
        }
    }
}
