import Foundation
import GRDB
import SecretaryCore

// Whether each operator takes calls. Operators choose available or paused; answering and
// finishing calls set on-call and wrap-up (CallQueries), in the same transaction as the call.

extension OperatorPresence: FetchableRecord {
    public init(row: Row) {
        self.init(operatorID: row["operator_id"], state: Presence(rawValue: row["state"]) ?? .offline,
                  since: row.date("since"), callID: row["call_id"])
    }
}

extension Store {
    /// `login`'s presence now (offline if never seen).
    public func presence(operator login: String) throws -> OperatorPresence {
        try read { db in
            try Store.presence(of: Store.operatorRecord(login: login, in: db).id, in: db)
        }
    }

    /// Every operator's presence that has been recorded.
    public func presences() throws -> [OperatorPresence] {
        try read { try OperatorPresence.fetchAll($0, sql: "SELECT * FROM operator_presence ORDER BY operator_id") }
    }

    /// `login` becomes available, paused or offline. Refused while on a call or in wrap-up.
    @discardableResult
    public func setPresence(operator login: String, _ target: Presence) throws -> OperatorPresence {
        try write(by: Identity(login)) { db, trail in
            let person = try Store.operatorRecord(login: login, in: db)
            let before = try Store.presence(of: person.id, in: db)
            let after = try before.choosing(target, login: login, at: trail.at)
            try Store.savePresence(after, at: trail.at, in: db)
            trail.record("presence", "operator", login, "\(before.state.rawValue) → \(after.state.rawValue)")
            return after
        }
    }

    /// The call `login` is on or wrapping up, to restore a console that was restarted.
    public func currentCall(operator login: String) throws -> CallSummary? {
        try read { db in
            let presence = try Store.presence(of: Store.operatorRecord(login: login, in: db).id, in: db)
            guard let id = presence.callID else { return nil }
            return try Store.summaries(where: "call.id = ?", orderBy: "call.id", arguments: [id], in: db).first
        }
    }

    static func presence(of operatorID: Int64, in db: Database) throws -> OperatorPresence {
        try OperatorPresence.fetchOne(db, sql: "SELECT * FROM operator_presence WHERE operator_id = ?",
                                      arguments: [operatorID]) ?? .offline(operatorID)
    }

    /// `now` goes to the heartbeat: the last time this operator's terminal did something.
    static func savePresence(_ presence: OperatorPresence, at now: Date, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO operator_presence (operator_id, state, since, call_id, heartbeat) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (operator_id) DO UPDATE SET state = excluded.state, since = excluded.since,
                call_id = excluded.call_id, heartbeat = excluded.heartbeat
            """, arguments: [presence.operatorID, presence.state.rawValue, presence.since.stored, presence.callID,
                             now.stored])
    }
}
