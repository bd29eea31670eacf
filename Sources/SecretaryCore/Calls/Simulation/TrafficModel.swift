import Foundation

/// One client's line as the traffic simulator sees it.
public struct TrafficLine: Hashable, Sendable {
    public let clientID: ClientID
    public let line: PhoneNumber
    public let country: Country
    /// Relative share of the traffic (the client's monthly call allowance works well).
    public let weight: Double
    /// Numbers of the client's contacts, so some callers are recognised.
    public let knownCallers: [PhoneNumber]

    public init(clientID: ClientID, line: PhoneNumber, country: Country, weight: Double, knownCallers: [PhoneNumber]) {
        self.clientID = clientID
        self.line = line
        self.country = country
        self.weight = max(0, weight)
        self.knownCallers = knownCallers
    }
}

/// A call the simulator will place: when, on which line, from which number, and how long
/// the caller will wait before hanging up.
public struct SimulatedCall: Hashable, Sendable {
    public let at: Date
    public let clientID: ClientID
    public let line: PhoneNumber
    /// Nil for a withheld number.
    public let from: PhoneNumber?
    public let isKnownCaller: Bool
    public let isUrgent: Bool
    /// Seconds the caller waits in the queue before giving up.
    public let patience: TimeInterval
}

/// Realistic incoming traffic, pure and reproducible: Poisson arrivals whose rate follows the
/// hour of the day (mornings busiest, a trickle at night, so some calls land outside
/// hours), spread over the lines by weight, with known and unknown callers and an
/// exponential patience. The command-line loop places the calls; this decides them.
public struct TrafficModel: Sendable {
    public let rate: CallRate
    public let lines: [TrafficLine]
    /// The service's zone: the hour of the day is read there.
    public let calendar: LocalCalendar
    public var knownCallerShare = 0.6
    public var withheldShare = 0.03
    public var urgentShare = 0.03
    public var meanPatience: TimeInterval = 90
    public var shortestPatience: TimeInterval = 3

    private let totalWeight: Double

    public init(rate: CallRate, lines: [TrafficLine], calendar: LocalCalendar) throws {
        let total = lines.reduce(0) { $0 + $1.weight }
        guard total > 0 else {
            throw ValidationError(field: "lines", value: "\(lines.count)", reason: "no client line to simulate calls on")
        }
        self.rate = rate
        self.lines = lines
        self.calendar = calendar
        totalWeight = total
    }

    /// Relative call volume at a local time: 1 is an ordinary afternoon hour; `rate` is the
    /// number of calls an hour at 1.
    public static func activity(weekday: Weekday, secondsSinceMidnight seconds: Int) -> Double {
        let hour = seconds / 3600
        let byHour: Double = switch hour {
        case 0..<7: 0.05
        case 7: 0.4
        case 8..<12: 1.5
        case 12..<14: 0.6
        case 14..<18: 1.0
        case 18..<20: 0.6
        default: 0.15
        }
        let byDay: Double = switch weekday {
        case .saturday: 0.6
        case .sunday: 0.2
        default: 1.0
        }
        return byHour * byDay
    }

    static let peakActivity = 1.5

    public func activity(at instant: Date) -> Double {
        TrafficModel.activity(weekday: calendar.localDate(of: instant).weekday,
                              secondsSinceMidnight: calendar.secondsSinceMidnight(of: instant))
    }

    /// The first call after `instant`. Arrivals are drawn at the peak rate and kept in
    /// proportion to the activity of their moment (thinning), which gives a Poisson process
    /// whose rate follows the day.
    public func nextCall(after instant: Date, random: inout SeededRandom) -> SimulatedCall {
        let peakPerSecond = rate.perHour * TrafficModel.peakActivity / 3600
        var at = instant
        while true {
            at += TrafficModel.exponential(mean: 1 / peakPerSecond, random: &random)
            if Double.random(in: 0..<1, using: &random) * TrafficModel.peakActivity < activity(at: at) { break }
        }
        let line = pickLine(random: &random)
        let known = !line.knownCallers.isEmpty && random.chance(knownCallerShare)
        let from: PhoneNumber? = known ? line.knownCallers.randomElement(using: &random)
            : random.chance(withheldShare) ? nil : TrafficModel.unknownNumber(line.country, random: &random)
        let patience = max(shortestPatience, TrafficModel.exponential(mean: meanPatience, random: &random))
        return SimulatedCall(at: at, clientID: line.clientID, line: line.line, from: from, isKnownCaller: known,
                             isUrgent: random.chance(urgentShare), patience: patience.rounded())
    }

    private func pickLine(random: inout SeededRandom) -> TrafficLine {
        var point = Double.random(in: 0..<totalWeight, using: &random)
        for line in lines {
            if point < line.weight { return line }
            point -= line.weight
        }
        return lines.last { $0.weight > 0 }!
    }

    static func exponential(mean: Double, random: inout SeededRandom) -> Double {
        // 1 - U lies in (0, 1], so the logarithm is finite.
        -mean * log(1 - Double.random(in: 0..<1, using: &random))
    }

    /// A plausible mobile number nobody in the demo has (nil, a withheld number, should the
    /// numbering rules ever refuse one).
    static func unknownNumber(_ country: Country, random: inout SeededRandom) -> PhoneNumber? {
        let digits = (0..<8).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
        switch country {
        case .fr: return try? PhoneNumber("+33\(random.chance(0.7) ? 6 : 7)\(digits)")
        case .be: return try? PhoneNumber("+324\(Int.random(in: 7...9, using: &random))\(digits.dropFirst())")
        }
    }
}
