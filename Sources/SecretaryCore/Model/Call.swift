import Foundation

/// Where a call is in its life: `waiting` → `answered` (by one operator) → `wrapUp` → `done`;
/// `waiting` → `abandoned` when the caller hangs up first; `closed` when it arrived outside
/// the client's hours (logged, never offered to operators).
public enum CallStatus: String, CaseIterable, Sendable, Codable {
    case waiting, answered, onHold = "on-hold", transferred, wrapUp = "wrap-up", done, abandoned, closed

    public init(parsing text: String) throws {
        guard let status = CallStatus(rawValue: text.lowercased()) else {
            throw ValidationError(field: "status", value: text,
                                  reason: "expected one of " + CallStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = status
    }

    /// Still needs an operator's attention.
    public var isLive: Bool { [.waiting, .answered, .onHold, .wrapUp].contains(self) }
}

/// What came of an answered call, picked by the operator at the end.
public enum CallOutcome: String, CaseIterable, Sendable, Codable {
    case booked, moved, cancelled, message, information, transferred, emergency
}

/// One incoming call on a client's line.
public struct Call: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var clientID: ClientID
    /// The caller's number; nil when withheld.
    public var from: PhoneNumber?
    public var contactID: Int64?
    public var status: CallStatus
    public var isUrgent: Bool
    public var arrivedAt: Date
    public var answeredAt: Date?
    /// When the caller hung up or the talk ended (transfer, operator hanging up).
    public var endedAt: Date?
    /// When the operator closed the wrap-up with an outcome.
    public var doneAt: Date?
    public var operatorID: Int64?
    public var outcome: CallOutcome?
    public var note: String

    public init(id: Int64 = 0, clientID: ClientID, from: PhoneNumber?, contactID: Int64? = nil,
                status: CallStatus, isUrgent: Bool = false, arrivedAt: Date, answeredAt: Date? = nil,
                endedAt: Date? = nil, doneAt: Date? = nil, operatorID: Int64? = nil, outcome: CallOutcome? = nil,
                note: String = "") {
        self.id = id
        self.clientID = clientID
        self.from = from
        self.contactID = contactID
        self.status = status
        self.isUrgent = isUrgent
        self.arrivedAt = arrivedAt
        self.answeredAt = answeredAt
        self.endedAt = endedAt
        self.doneAt = doneAt
        self.operatorID = operatorID
        self.outcome = outcome
        self.note = note
    }

    /// Seconds the caller has waited (until answered, or until `now`).
    public func waitSeconds(now: Date) -> Int {
        Int(((answeredAt ?? endedAt) ?? now).timeIntervalSince(arrivedAt).rounded(.down))
    }
}
