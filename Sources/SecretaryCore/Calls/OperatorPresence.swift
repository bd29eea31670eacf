import Foundation

/// Where an operator is right now: available, on a call (which one, since when), in wrap-up,
/// paused or offline. Operators choose available or paused themselves; answering, the end
/// of the talk and finishing a call move them to on-call, wrap-up and back to available.
public struct OperatorPresence: Hashable, Sendable {
    public var operatorID: Int64
    public var state: Presence
    public var since: Date
    /// The call the operator is on or wrapping up.
    public var callID: Int64?

    public init(operatorID: Int64, state: Presence, since: Date, callID: Int64? = nil) {
        self.operatorID = operatorID
        self.state = state
        self.since = since
        self.callID = callID
    }

    /// An operator nobody has seen yet: offline until a console or a claim says otherwise.
    public static func offline(_ operatorID: Int64, since: Date = Date(timeIntervalSince1970: 0)) -> OperatorPresence {
        OperatorPresence(operatorID: operatorID, state: .offline, since: since)
    }

    /// Refuses an answer from an operator who is paused or still busy with another call.
    /// (Offline counts as present: pressing `a` at a console is proof enough.)
    public func checkCanAnswer(login: String) throws {
        switch state {
        case .paused:
            throw RuleViolation(.forbidden, "\(login) is paused: become available before answering a call")
        case .onCall, .wrapUp:
            let call = callID.map { "call \($0)" } ?? "a call"
            throw RuleViolation(.conflict, "\(login) is still on \(call): finish it before answering another")
        case .available, .offline:
            return
        }
    }

    /// The presence after the operator chose `target` (available, paused or offline).
    public func choosing(_ target: Presence, login: String, at now: Date) throws -> OperatorPresence {
        guard [.available, .paused, .offline].contains(target) else {
            throw RuleViolation(.forbidden, "\(target.rawValue) is set by answering and finishing calls, not chosen")
        }
        if state == .onCall || state == .wrapUp {
            let call = callID.map { "call \($0)" } ?? "a call"
            throw RuleViolation(.conflict, "\(login) is still on \(call): finish it before becoming \(target.rawValue)")
        }
        if state == target { return self }
        return OperatorPresence(operatorID: operatorID, state: target, since: now)
    }

    /// The presence that follows a change of the operator's call.
    public static func following(_ call: Call, operatorID: Int64, at now: Date) -> OperatorPresence {
        switch call.status {
        case .answered, .onHold:
            return OperatorPresence(operatorID: operatorID, state: .onCall, since: call.answeredAt ?? now, callID: call.id)
        case .wrapUp, .transferred:
            return OperatorPresence(operatorID: operatorID, state: .wrapUp, since: call.endedAt ?? now, callID: call.id)
        case .done, .waiting, .abandoned, .closed:
            return OperatorPresence(operatorID: operatorID, state: .available, since: now)
        }
    }
}
