import Foundation

/// What a supervisor watches: the calls waiting now and the longest wait, per client the
/// day's traffic and service level, per operator what they are doing and how many calls they
/// took. A pure computation over loaded values, so a scenario can be checked by hand.
public struct SupervisorFigures: Hashable, Sendable, Codable {
    /// The default service-level threshold: a call answered within 20 seconds counts as in time.
    public static let defaultThresholdSeconds = 20
    /// The service's own zone (its operators work in Paris), which decides an operator's day.
    public static let serviceCalendar = LocalCalendar.serviceHome

    public let day: LocalDate
    public let at: Date
    public let thresholdSeconds: Int
    public let waitingNow: Int
    /// Seconds the oldest waiting caller has waited; nil when nobody waits.
    public let longestWaitSeconds: Int?
    /// Callers who hung up in the queue, with a number, waiting to be called back.
    public let callbacksWaiting: Int
    public let total: CallTally
    public let clients: [ClientFigures]
    public let operators: [OperatorFigures]
    /// True when the operators' sessions were read (`OperatorFigures.session`), so that one
    /// without any is someone at work whose console is gone.
    public internal(set) var tracksSessions = false

    /// One client's day (in the client's own time zone).
    public struct ClientFigures: Hashable, Sendable, Codable {
        public let clientID: ClientID
        public let clientName: String
        public let tally: CallTally
        public let callbacksWaiting: Int
    }

    /// One operator's state now and their calls of the day.
    public struct OperatorFigures: Hashable, Sendable, Codable {
        public let login: String
        public let name: String
        public let state: Presence
        /// Since when the operator is in `state` (nil if never seen).
        public let since: Date?
        public let callID: Int64?
        public let clientID: ClientID?
        public let clientName: String?
        /// Calls this operator answered during the day.
        public let handled: Int
        /// Their open console or wallboard: since when and from where (nil: none open).
        public var session: OperatorSession? = nil
    }

    /// Where an operator is signed in: the wallboard lists it.
    public struct OperatorSession: Hashable, Sendable, Codable {
        public let since: Date
        /// The SSH client's address, or the local terminal.
        public let place: String
        public init(since: Date, place: String) {
            self.since = since
            self.place = place
        }
    }

    /// Builds the figures of `day` as they stand at `now`.
    /// - Parameters:
    ///   - calls: the calls that arrived on `day` (wider is fine: each is kept if it arrived
    ///     on `day` in its client's zone) and every call waiting now.
    ///   - serviceCalendar: the service's own zone, which decides an operator's day.
    public static func compute(day: LocalDate, now: Date, clients: [Client], calls: [Call], operators: [Operator],
                               presences: [OperatorPresence], serviceCalendar: LocalCalendar,
                               thresholdSeconds: Int = defaultThresholdSeconds,
                               sessions: [String: OperatorSession]? = nil,
                               callbacksWaiting: [ClientID: Int] = [:]) -> SupervisorFigures {
        var byClient: [ClientID: [Call]] = [:]
        var seen = Set<Int64>()
        var waiting: [Call] = []
        var unique: [Call] = []
        for call in calls where seen.insert(call.id).inserted {
            unique.append(call)
            byClient[call.clientID, default: []].append(call)
            if call.status == .waiting { waiting.append(call) }
        }
        var clientFigures: [ClientFigures] = []
        var dayCalls: [Call] = []
        for client in clients.sorted(by: { $0.name < $1.name }) {
            // Bounds computed once: converting every call's instant to a local date is slow.
            let bounds = dayBounds(day, client.calendar)
            let own = (byClient[client.id] ?? []).filter { bounds.contains($0.arrivedAt) }
            dayCalls += own
            clientFigures.append(ClientFigures(
                clientID: client.id, clientName: client.name,
                tally: CallTally(own, now: now, thresholdSeconds: thresholdSeconds),
                callbacksWaiting: callbacksWaiting[client.id] ?? 0))
        }

        let names = Dictionary(clients.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let callsByID = Dictionary(unique.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let presenceByOperator = Dictionary(presences.map { ($0.operatorID, $0) }, uniquingKeysWith: { _, last in last })
        var handled: [Int64: Int] = [:]
        let serviceDay = dayBounds(day, serviceCalendar)
        for call in unique {
            if let operatorID = call.operatorID, let answeredAt = call.answeredAt, serviceDay.contains(answeredAt) {
                handled[operatorID, default: 0] += 1
            }
        }
        // Supervisors and administrators appear only when they have taken calls or signed in.
        let shown = operators.filter {
            $0.role == .operator || (presenceByOperator[$0.id].map { $0.state != .offline } ?? false) || handled[$0.id] != nil
        }
        let operatorFigures = shown.sorted { $0.login < $1.login }.map { person -> OperatorFigures in
            let presence = presenceByOperator[person.id]
            let clientID = presence?.callID.flatMap { callsByID[$0]?.clientID }
            return OperatorFigures(
                login: person.login, name: person.displayName, state: presence?.state ?? .offline,
                since: presence?.since, callID: presence?.callID, clientID: clientID,
                clientName: clientID.flatMap { names[$0] }, handled: handled[person.id] ?? 0,
                session: sessions?[person.login])
        }

        var figures = SupervisorFigures(
            day: day, at: now, thresholdSeconds: thresholdSeconds, waitingNow: waiting.count,
            longestWaitSeconds: waiting.map { $0.waitSeconds(now: now) }.max(),
            callbacksWaiting: clientFigures.reduce(0) { $0 + $1.callbacksWaiting },
            total: CallTally(dayCalls, now: now, thresholdSeconds: thresholdSeconds),
            clients: clientFigures, operators: operatorFigures)
        figures.tracksSessions = sessions != nil
        return figures
    }

    /// Local midnight to the next local midnight (23 or 25 hours on a clock change).
    static func dayBounds(_ day: LocalDate, _ calendar: LocalCalendar) -> Range<Date> {
        let midnight = TimeOfDay.midnight
        return calendar.instant(day, midnight)..<calendar.instant(day.adding(days: 1), midnight)
    }
}

/// The counts and averages of a set of calls (one client's day, or all of them).
public struct CallTally: Hashable, Sendable, Codable {
    /// Calls put to the operators: everything that arrived in open hours.
    public let offered: Int
    public let answered: Int
    public let abandoned: Int
    /// Calls that arrived outside the client's hours (logged, never offered).
    public let closed: Int
    public let waitingNow: Int
    public let answeredInTime: Int
    /// Share of calls answered within the threshold, among the calls whose fate at the
    /// threshold is known: answered, abandoned, or still waiting beyond it. A caller waiting
    /// for less than the threshold counts neither way yet. Nil when no call counts.
    public let serviceLevel: Double?
    /// Mean seconds callers waited before an operator answered or they hung up.
    public let averageWaitSeconds: Int?
    /// Mean seconds of conversation of the answered calls whose talk has ended.
    public let averageTalkSeconds: Int?

    public init(_ calls: [Call], now: Date, thresholdSeconds: Int) {
        var offered = 0, answered = 0, abandoned = 0, closed = 0, waitingNow = 0, inTime = 0, judged = 0
        var waits: [Int] = [], talks: [Int] = []
        for call in calls {
            if call.status == .closed {
                closed += 1
                continue
            }
            offered += 1
            let wait = call.waitSeconds(now: now)
            if call.answeredAt != nil {
                answered += 1
                judged += 1
                if wait <= thresholdSeconds { inTime += 1 }
                waits.append(wait)
                if call.endedAt != nil, let talk = call.talkSeconds(now: now) { talks.append(talk) }
            } else if call.status == .abandoned {
                abandoned += 1
                judged += 1
                waits.append(wait)
            } else if call.status == .waiting {
                waitingNow += 1
                if wait > thresholdSeconds { judged += 1 }
            }
        }
        self.offered = offered
        self.answered = answered
        self.abandoned = abandoned
        self.closed = closed
        self.waitingNow = waitingNow
        self.answeredInTime = inTime
        serviceLevel = judged == 0 ? nil : Double(inTime) / Double(judged)
        averageWaitSeconds = CallTally.mean(waits)
        averageTalkSeconds = CallTally.mean(talks)
    }

    /// Rounded to the nearest second.
    private static func mean(_ values: [Int]) -> Int? {
        values.isEmpty ? nil : Int((Double(values.reduce(0, +)) / Double(values.count)).rounded())
    }
}
