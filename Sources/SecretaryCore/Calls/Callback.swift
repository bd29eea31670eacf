import Foundation

/// What came of calling a caller back.
public enum CallbackOutcome: String, CaseIterable, Sendable, Codable {
    case reached, noAnswer = "no-answer", voicemail
    /// The caller called again and was answered: nobody needs to call them back.
    case calledAgain = "called-again"

    /// The outcomes an operator picks, in the order of their keys (1, 2, 3).
    public static let chosen: [CallbackOutcome] = [.reached, .noAnswer, .voicemail]

    /// Reached, or a voicemail left, closes the call-back; no answer puts it back on the list.
    public var closes: Bool { self != .noAnswer }
}

/// Where a call-back is: on the list, taken by one operator who is calling, or done.
public enum CallbackStatus: String, CaseIterable, Sendable, Codable {
    case waiting, taken, done
}

/// A caller who hung up before being answered, with a number to call back: one per client
/// and number while open, however many times they tried (`missedCalls`).
public struct Callback: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var clientID: ClientID
    public var number: PhoneNumber
    public var contactID: Int64?
    /// The contact's name when the number is a known contact's.
    public var contactName: String?
    /// Abandoned calls from this number since the call-back opened.
    public var missedCalls: Int
    public var lastMissedAt: Date
    public var status: CallbackStatus
    /// Who holds it (taken) or closed it (done).
    public var operatorLogin: String?
    public var takenAt: Date?
    public var attempts: Int
    public var lastOutcome: CallbackOutcome?
    public var lastAttemptAt: Date?
    /// Who made the last attempt.
    public var lastAttemptBy: String?
    public var doneAt: Date?

    public init(id: Int64, clientID: ClientID, number: PhoneNumber, contactID: Int64? = nil, doneAt: Date? = nil,
                contactName: String? = nil,
                missedCalls: Int = 1, lastMissedAt: Date, status: CallbackStatus = .waiting, operatorLogin: String? = nil,
                takenAt: Date? = nil, attempts: Int = 0, lastOutcome: CallbackOutcome? = nil, lastAttemptAt: Date? = nil,
                lastAttemptBy: String? = nil) {
        self.id = id
        self.clientID = clientID
        self.number = number
        self.contactID = contactID
        self.contactName = contactName
        self.missedCalls = missedCalls
        self.lastMissedAt = lastMissedAt
        self.status = status
        self.operatorLogin = operatorLogin
        self.takenAt = takenAt
        self.attempts = attempts
        self.lastOutcome = lastOutcome
        self.lastAttemptAt = lastAttemptAt
        self.lastAttemptBy = lastAttemptBy
        self.doneAt = doneAt
    }

    /// Refuses `login` taking this call-back unless it waits.
    public func checkCanTake(login: String) throws {
        switch status {
        case .waiting: return
        case .taken:
            throw RuleViolation(.conflict, "call-back \(id) was already taken by \(operatorLogin ?? "another operator")")
        case .done:
            throw RuleViolation(.conflict, "call-back \(id) is already done")
        }
    }

    /// Refuses anyone but the operator holding it from recording an outcome or giving it back.
    public func checkHeld(by login: String) throws {
        guard status == .taken, operatorLogin == login else {
            throw RuleViolation(.forbidden, "call-back \(id) is not held by \(login): take it first")
        }
    }
}
