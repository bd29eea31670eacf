import Foundation
import GRDB
import SecretaryCore

// What the traffic simulator needs from the database, and the one step it takes that a PBX
// would not: giving up on a call only if nobody answered it meanwhile.

extension Store {
    /// Each client's line, weighted by its monthly call allowance, with up to
    /// `knownCallersPerClient` of its contacts' numbers so some simulated callers are known.
    public func trafficLines(knownCallersPerClient: Int = 200) throws -> [TrafficLine] {
        try read { db in
            let numbers = try db.cachedStatement(sql: "SELECT e164 FROM contact_phone WHERE client_id = ? LIMIT ?")
            return try Client.fetchAll(db, sql: "SELECT * FROM client ORDER BY id").map { client in
                let known = try String.fetchAll(numbers, arguments: [client.id.rawValue, knownCallersPerClient])
                    .map(PhoneNumber.init(e164:))
                return TrafficLine(clientID: client.id, line: client.line, country: client.country,
                                   weight: Double(max(1, client.plan.callsPerMonth)), knownCallers: known)
            }
        }
    }

    /// The caller gives up waiting: the call is abandoned if it still waits. Refused (and
    /// nothing written) when an operator answered it first, so an impatient caller's
    /// hang-up never cuts a conversation that has begun.
    @discardableResult
    public func abandon(callID: Int64, by identity: Identity = .pbx) throws -> Call {
        try write(by: identity, needs: .pbx) { db, trail in
            let call = try Store.call(callID, in: db)
            guard call.status == .waiting else {
                throw RuleViolation(.conflict, "call \(callID) is no longer waiting: it is \(call.status.phrase)")
            }
            return try Store.apply(.hangUp, toCall: callID, trail: &trail, in: db)
        }
    }
}
