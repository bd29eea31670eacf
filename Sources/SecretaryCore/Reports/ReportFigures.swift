import Foundation

/// What a report reads of a call: its client, who answered, and its times as stored (UTC
/// seconds). No number, no name, no note: reports count, they never show who called.
public struct ReportCall: Hashable, Sendable {
    public let clientID: ClientID
    public let operatorID: Int64?
    public let status: CallStatus
    public let arrivedAt: Int64
    public let answeredAt: Int64?
    public let endedAt: Int64?
    public let doneAt: Int64?

    public init(clientID: ClientID, operatorID: Int64?, status: CallStatus, arrivedAt: Int64,
                answeredAt: Int64? = nil, endedAt: Int64? = nil, doneAt: Int64? = nil) {
        self.clientID = clientID
        self.operatorID = operatorID
        self.status = status
        self.arrivedAt = arrivedAt
        self.answeredAt = answeredAt
        self.endedAt = endedAt
        self.doneAt = doneAt
    }
}

/// What an accumulator reads of a call: no reference to count, so cheap to pass per call.
struct CallTimes {
    let status: CallStatus
    let arrivedAt: Int64
    let answeredAt: Int64?
    let endedAt: Int64?
    let doneAt: Int64?
}

/// A set of calls' figures over a period, as the wallboard counts a day (`CallTally`): the
/// same offered, abandoned and service level, plus what a period needs besides.
public struct ReportFigures: Hashable, Sendable, Codable {
    /// Calls that arrived in open hours (closed ones are apart).
    public var offered = 0
    public var answered = 0
    public var abandoned = 0
    public var closed = 0
    public var answeredInTime = 0
    /// Abandoned among offered; nil when nothing was offered.
    public var abandonRate: Double?
    /// Answered within the threshold, among the calls whose fate at the threshold is known
    /// (as on the wallboard); nil when none.
    public var serviceLevel: Double?
    /// Average speed of answer: mean wait of the answered calls.
    public var averageSpeedOfAnswerSeconds: Int?
    /// Mean and 90th percentile (nearest rank) of the waits of answered and abandoned calls.
    public var averageWaitSeconds: Int?
    public var p90WaitSeconds: Int?
    public var averageTalkSeconds: Int?
    public var averageWrapUpSeconds: Int?

    public init() {}
}

/// Adds calls up, then gives their `ReportFigures`. Waits are kept one by one, for an exact
/// percentile.
struct ReportAccumulator {
    var figures = ReportFigures()
    private var judged = 0
    private var answerWaits = 0
    private var waits: [Int32] = []
    private var talkTotal = 0, talkCount = 0, wrapTotal = 0, wrapCount = 0

    mutating func add(_ call: CallTimes, now: Int64, thresholdSeconds: Int) {
        if call.status == .closed {
            figures.closed += 1
            return
        }
        figures.offered += 1
        let wait = Int((call.answeredAt ?? call.endedAt ?? now) - call.arrivedAt)
        if let answered = call.answeredAt {
            figures.answered += 1
            judged += 1
            if wait <= thresholdSeconds { figures.answeredInTime += 1 }
            answerWaits += wait
            waits.append(Int32(clamping: wait))
            if let ended = call.endedAt {
                talkTotal += Int(ended - answered)
                talkCount += 1
                if let done = call.doneAt {
                    wrapTotal += Int(done - ended)
                    wrapCount += 1
                }
            }
        } else if call.status == .abandoned {
            figures.abandoned += 1
            judged += 1
            waits.append(Int32(clamping: wait))
        } else if call.status == .waiting, wait > thresholdSeconds {
            judged += 1
        }
    }

    /// Adds `other`'s calls to these (both counted with the same `now` and threshold).
    mutating func merge(_ other: ReportAccumulator) {
        figures.offered += other.figures.offered
        figures.answered += other.figures.answered
        figures.abandoned += other.figures.abandoned
        figures.closed += other.figures.closed
        figures.answeredInTime += other.figures.answeredInTime
        judged += other.judged
        answerWaits += other.answerWaits
        waits += other.waits
        talkTotal += other.talkTotal
        talkCount += other.talkCount
        wrapTotal += other.wrapTotal
        wrapCount += other.wrapCount
    }

    mutating func finish() -> ReportFigures {
        var result = figures
        result.abandonRate = result.offered == 0 ? nil : Double(result.abandoned) / Double(result.offered)
        result.serviceLevel = judged == 0 ? nil : Double(result.answeredInTime) / Double(judged)
        result.averageSpeedOfAnswerSeconds = Self.mean(answerWaits, result.answered)
        result.averageWaitSeconds = Self.mean(waits.reduce(0) { $0 + Int($1) }, waits.count)
        result.p90WaitSeconds = Self.percentile90(&waits)
        result.averageTalkSeconds = Self.mean(talkTotal, talkCount)
        result.averageWrapUpSeconds = Self.mean(wrapTotal, wrapCount)
        return result
    }

    /// Rounded to the nearest second.
    static func mean(_ total: Int, _ count: Int) -> Int? {
        count == 0 ? nil : Int((Double(total) / Double(count)).rounded())
    }

    /// Nearest rank: the smallest wait that 90 % of the waits do not exceed. Waits under an
    /// hour (all but damaged rows) are counted per second instead of sorted: the same rank,
    /// a third of a month's report time saved (Benchmarks/).
    static func percentile90(_ values: inout [Int32]) -> Int? {
        guard !values.isEmpty else { return nil }
        let rank = (values.count * 9 + 9) / 10 // ceil(0.9 n)
        if values.count < 512 {
            values.sort()
            return Int(values[rank - 1])
        }
        var counts = [Int](repeating: 0, count: countedWaitSeconds)
        for value in values {
            guard value >= 0, Int(value) < countedWaitSeconds else {
                values.sort()
                return Int(values[rank - 1])
            }
            counts[Int(value)] += 1
        }
        var seen = 0
        for (wait, count) in counts.enumerated() {
            seen += count
            if seen >= rank { return wait }
        }
        return nil // unreachable: the counts add up to values.count >= rank
    }

    static let countedWaitSeconds = 3600
}
