import Foundation

/// The contract's counting rules (000 art. 5, 001 art. 6): a call counts when it was offered
/// during opening hours (closed calls never are), except one the caller abandoned within a
/// few seconds (a wrong number, a change of mind).
public struct UsageRules: Hashable, Sendable, Codable {
    public static let defaultShortAbandonSeconds = 5
    /// An abandoned call whose wait was this many seconds or less is not counted.
    public let shortAbandonSeconds: Int

    public init(shortAbandonSeconds: Int = defaultShortAbandonSeconds) throws {
        guard (0...UsageCallGroup.longestWaitKept).contains(shortAbandonSeconds) else {
            throw ValidationError(field: "short abandon", value: "\(shortAbandonSeconds) s",
                                  reason: "use 0 to \(UsageCallGroup.longestWaitKept) seconds")
        }
        self.shortAbandonSeconds = shortAbandonSeconds
    }
}

/// Calls of one client's month grouped as the store counts them: by status and, for
/// abandoned calls, by how long the caller waited (capped at `longestWaitKept`, which is
/// all the rules need).
public struct UsageCallGroup: Hashable, Sendable {
    public static let longestWaitKept = 60
    public let status: CallStatus
    public let abandonedWaitSeconds: Int?
    public let calls: Int
    /// Seconds of conversation of those calls whose talk has ended.
    public let talkSeconds: Int

    public init(status: CallStatus, abandonedWaitSeconds: Int? = nil, calls: Int, talkSeconds: Int = 0) {
        self.status = status
        self.abandonedWaitSeconds = abandonedWaitSeconds
        self.calls = calls
        self.talkSeconds = talkSeconds
    }
}

/// What the store found for one client's month, before the rules apply.
public struct UsageFacts: Hashable, Sendable {
    public var callGroups: [UsageCallGroup] = []
    public var messages = 0
    /// SMS segments sent for the client; nil when the service has no dispatch record.
    public var smsSegments: Int?
    public var appointmentsBooked = 0
    public var appointmentsMoved = 0
    public var appointmentsCancelled = 0

    public init() {}
}

/// One client's month as billed: what was used, what the plan includes, and what goes
/// beyond it (*hors forfait*).
public struct ClientUsage: Hashable, Sendable, Codable {
    public let clientID: ClientID
    public let clientName: String
    public let month: LocalMonth
    public let timeZone: String
    /// The month has not ended yet (in the client's zone): the figures will still grow.
    public let inProgress: Bool
    public let offered: Int
    public let answered: Int
    public let abandoned: Int
    /// Abandoned within the rule's seconds: offered, not counted.
    public let shortAbandoned: Int
    /// Outside the client's hours: logged, never offered, not counted.
    public let closed: Int
    /// The calls billed against the plan.
    public let counted: Int
    public let talkSeconds: Int
    /// Talk rounded up to the whole minute.
    public let talkMinutes: Int
    public let messages: Int
    /// SMS segments sent; 0 when they could not be counted (`smsCounted` false, see `smsNote`).
    public let smsSegments: Int
    public let smsCounted: Bool
    public let appointmentsBooked: Int
    public let appointmentsMoved: Int
    public let appointmentsCancelled: Int
    public let planCalls: Int
    public let planSMS: Int
    public let overageCalls: Int
    public let overageSMS: Int

    /// Applies `rules` to one client's `facts` for `month`. A month started is a month due:
    /// the plan is never prorated, whatever day the client started.
    public static func compute(client: Client, month: LocalMonth, facts: UsageFacts, rules: UsageRules,
                               now: Date) -> ClientUsage {
        var offered = 0, answered = 0, abandoned = 0, short = 0, closed = 0, talk = 0
        for group in facts.callGroups {
            switch group.status {
            case .closed:
                closed += group.calls
                continue
            case .abandoned:
                abandoned += group.calls
                if let wait = group.abandonedWaitSeconds, wait <= rules.shortAbandonSeconds { short += group.calls }
            case .waiting:
                break
            default:
                answered += group.calls
            }
            offered += group.calls
            talk += group.talkSeconds
        }
        let counted = offered - short
        let sms = facts.smsSegments
        return ClientUsage(
            clientID: client.id, clientName: client.name, month: month, timeZone: client.timeZoneIdentifier,
            inProgress: now < month.bounds(in: client.calendar).upperBound,
            offered: offered, answered: answered, abandoned: abandoned, shortAbandoned: short, closed: closed,
            counted: counted, talkSeconds: talk, talkMinutes: (talk + 59) / 60, messages: facts.messages,
            smsSegments: sms ?? 0, smsCounted: sms != nil, appointmentsBooked: facts.appointmentsBooked, appointmentsMoved: facts.appointmentsMoved,
            appointmentsCancelled: facts.appointmentsCancelled, planCalls: client.plan.callsPerMonth,
            planSMS: client.plan.smsPerMonth, overageCalls: max(0, counted - client.plan.callsPerMonth),
            overageSMS: max(0, (sms ?? 0) - client.plan.smsPerMonth))
    }

    /// Said beside the SMS figures when they could not be counted.
    public static let smsNote = "SMS not counted: no dispatch record in this database (shown as 0)"
}
