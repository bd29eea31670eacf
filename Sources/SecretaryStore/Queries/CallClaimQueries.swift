import Foundation
import GRDB
import SecretaryCore

// Answering a call and the operator's later steps. Any number of consoles, in any number of
// processes, share one database: a claim is one IMMEDIATE write transaction (GRDB's default
// for DatabasePool writes), so only one claim runs at a time across every process, and its
// UPDATE is guarded by `status = 'waiting'`. Two operators pressing `a` at the same instant
// get two different calls, or one gets it and the other a clear message.

extension Store {
    /// Answers the call that has waited the longest (urgent calls first) for `login`.
    public func claimNextCall(operator login: String) throws -> CallSummary {
        try claim(operator: login) { db in
            guard let id = try Int64.fetchOne(db, sql: """
                SELECT id FROM call WHERE status = 'waiting' ORDER BY urgent DESC, arrived_at, id LIMIT 1
                """) else {
                throw RuleViolation(.notFound, "no call is waiting")
            }
            return id
        }
    }

    /// Answers call `callID` for `login`, if it still waits.
    public func claim(callID: Int64, operator login: String) throws -> CallSummary {
        try claim(operator: login) { db in
            let call = try Store.call(callID, in: db)
            if call.status != .waiting {
                let by = try call.operatorID.flatMap {
                    try String.fetchOne(db, sql: "SELECT login FROM operator WHERE id = ?", arguments: [$0])
                }
                if call.status.isWithOperator || call.status == .done, let by {
                    throw RuleViolation(.conflict, "call \(callID) was already answered by \(by)")
                }
                throw RuleViolation(.conflict, "cannot answer call \(callID): it is \(call.status.phrase)")
            }
            return call.id
        }
    }

    private func claim(operator login: String, choosing: (Database) throws -> Int64) throws -> CallSummary {
        try write(by: Identity(login)) { db, trail in
            let person = try Store.operatorRecord(login: login, in: db)
            try Store.presence(of: person.id, in: db).checkCanAnswer(login: login)
            let id = try choosing(db)
            let answered = try Store.apply(.answer(operatorID: person.id), toCall: id, trail: &trail, in: db)
            guard let summary = try Store.summaries(where: "call.id = ?", orderBy: "call.id", arguments: [answered.id],
                                                    in: db).first else {
                throw StoreError("unknown call \(id)")
            }
            return summary
        }
    }

    /// Puts `login`'s call on hold.
    @discardableResult
    public func hold(callID: Int64, operator login: String) throws -> Call {
        try operatorStep(.hold, callID: callID, login: login)
    }

    /// Takes `login`'s call off hold.
    @discardableResult
    public func resume(callID: Int64, operator login: String) throws -> Call {
        try operatorStep(.resume, callID: callID, login: login)
    }

    /// Passes the call to the client; the operator goes to wrap-up.
    @discardableResult
    public func transfer(callID: Int64, operator login: String) throws -> Call {
        try operatorStep(.transfer, callID: callID, login: login)
    }

    /// The operator ends the conversation (the caller is still to be written up).
    @discardableResult
    public func endTalk(callID: Int64, operator login: String) throws -> Call {
        try operatorStep(.hangUp, callID: callID, login: login)
    }

    /// Closes the call with its outcome and an optional note; the operator is available again.
    @discardableResult
    public func finish(callID: Int64, outcome: CallOutcome, note: String = "", operator login: String) throws -> Call {
        try operatorStep(.finish(outcome, note: note), callID: callID, login: login)
    }

    /// A step only the operator who answered the call may take.
    private func operatorStep(_ event: CallEvent, callID: Int64, login: String) throws -> Call {
        try write(by: Identity(login)) { db, trail in
            let person = try Store.operatorRecord(login: login, in: db)
            let call = try Store.call(callID, in: db)
            if let owner = call.operatorID, owner != person.id {
                let ownerLogin = try String.fetchOne(db, sql: "SELECT login FROM operator WHERE id = ?", arguments: [owner]) ?? "another operator"
                throw RuleViolation(.forbidden, "call \(callID) is \(ownerLogin)'s, not \(login)'s")
            }
            // The note is the operator's free text: the advice guard reads it before anything is saved.
            if case .finish(_, let note) = event {
                try Store.enforceNoAdvice(note, field: "call note", client: call.clientID, in: db)
            }
            return try Store.apply(event, toCall: callID, trail: &trail, in: db)
        }
    }

    static func operatorRecord(login: String, in db: Database) throws -> Operator {
        guard let found = try Operator.fetchOne(db, sql: "SELECT * FROM operator WHERE login = ?", arguments: [login]) else {
            throw StoreError("unknown operator '\(login)'")
        }
        return found
    }
}
