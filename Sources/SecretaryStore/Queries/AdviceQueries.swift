import Foundation
import GRDB
import SecretaryCore

// The no-medical-advice guard as the store applies it: the shipped rules plus the client's
// own. Every free text an operator writes goes through `enforceNoAdvice` inside the write
// that saves it (messages here; call notes and appointment notes in their queries).

extension Store {
    /// The rules that apply to a client's texts: the shipped ones, then the client's own.
    public func adviceRules(for client: ClientID) throws -> AdviceRules {
        try read { try Store.adviceRules(for: client, in: $0) }
    }

    /// The client's own rules alone (the console joins them to the shipped ones when it
    /// checks a text, not before its first frame).
    public func ownAdviceRules(for client: ClientID) throws -> AdviceRules {
        try read { try Store.ownAdviceRules(for: client, in: $0) }
    }

    static func adviceRules(for client: ClientID, in db: Database) throws -> AdviceRules {
        ShippedRules.advice.adding(try ownAdviceRules(for: client, in: db))
    }

    static func ownAdviceRules(for client: ClientID, in db: Database) throws -> AdviceRules {
        guard let text = try String.fetchOne(db, sql: "SELECT advice_rules FROM client WHERE id = ?",
                                             arguments: [client.rawValue]) else {
            throw StoreError("unknown client '\(client)'")
        }
        return try clientAdviceRules(text, client: client)
    }

    static func clientAdviceRules(_ text: String, client: ClientID) throws -> AdviceRules {
        do {
            // The shipped word sets take 15 ms to read: only for rules that name one (`@pills`).
            return try AdviceRules(parsing: text, sets: text.contains("@") ? ShippedRules.sets : PhrasePattern.Cache())
        } catch {
            throw StoreError("the advice rules stored for client '\(client)' are invalid: \(error)")
        }
    }

    /// The phrases of advice in `text` under this client's rules, to highlight as the operator types.
    public func checkAdvice(_ text: String, client: ClientID) throws -> [AdviceFinding] {
        AdviceGuard.check(text, rules: try adviceRules(for: client))
    }

    /// Refuses `text` (a `RuleViolation` naming the phrase and the rule) when it gives advice;
    /// call it inside the write transaction that saves the text, before writing anything.
    public static func enforceNoAdvice(_ text: String, field: String, client: ClientID, in db: Database) throws {
        try AdviceGuard.enforce(text, field: field, rules: adviceRules(for: client, in: db))
    }
}
