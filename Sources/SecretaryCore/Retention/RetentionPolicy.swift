import Foundation

/// A kind of record that is kept for a limited time (the contracts and the CNIL's guidance).
public enum RetainedKind: String, CaseIterable, Sendable, Codable {
    /// Call records and their notes, from the call's arrival (000 art. 2: two months).
    case calls
    /// Messages, from their acknowledgment by the client.
    case messages
    /// Delivery attempts of a message: kept as long as their message (no period of their own).
    case deliveries
    /// The audit log, from each entry's time: the service's own record, not a client's.
    case audit
    /// Contacts with no activity (call, message, appointment) over the period; and the
    /// contact's personal data on past appointments, whose slot stays taken.
    case contacts
}

/// How long: a number of days or months, counted in the client's calendar.
public struct RetentionPeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Unit: String, Sendable, Codable { case days, months }
    public let count: Int
    public let unit: Unit

    public init(_ count: Int, _ unit: Unit) {
        self.count = count
        self.unit = unit
    }

    public static func months(_ count: Int) -> RetentionPeriod { RetentionPeriod(count, .months) }
    public static func days(_ count: Int) -> RetentionPeriod { RetentionPeriod(count, .days) }

    /// Approximate length in days, only to compare periods (a month counts 31 days, so a
    /// period in days is never taken for shorter than the same period in months).
    var comparableDays: Int { unit == .days ? count : count * 31 }

    /// `2 months`, `1 month`, `30 days`: the form a client file uses.
    public var description: String {
        let name = unit == .days ? (count == 1 ? "day" : "days") : (count == 1 ? "month" : "months")
        return "\(count) \(name)"
    }

    /// The instant `self` before `now`, in `calendar` (the client's zone): a record older
    /// than this is past its period.
    public func cutoff(before now: Date, in calendar: Calendar) -> Date {
        let component: Calendar.Component = unit == .days ? .day : .month
        return calendar.date(byAdding: component, value: -count, to: now) ?? now
    }
}

/// The retention periods for one client: the defaults, shortened where the client's file
/// says so. A client may not keep anything longer than the maximum.
public struct RetentionPolicy: Hashable, Sendable {
    /// From the contracts: calls two months (000 art. 2), messages two months after
    /// acknowledgment, delivery attempts as their message, audit entries twelve months,
    /// contacts three years without activity (CNIL).
    public static let defaults: [RetainedKind: RetentionPeriod] = [
        .calls: .months(2), .messages: .months(2), .deliveries: .months(2), .audit: .months(12), .contacts: .months(36),
    ]
    /// The most a client file may ask: calls at most six months (CNIL), the others their default.
    public static let maxima: [RetainedKind: RetentionPeriod] = [
        .calls: .months(6), .messages: .months(6), .deliveries: .months(6), .audit: .months(12), .contacts: .months(36),
    ]
    /// Kinds a client file may set: the audit log is the service's, one period for all.
    public static let clientKinds: [RetainedKind] = [.calls, .messages, .contacts]

    /// What the client's file set (kinds left out take the default).
    public private(set) var overrides: [RetainedKind: RetentionPeriod]

    public init(overrides: [RetainedKind: RetentionPeriod] = [:]) throws {
        for (kind, period) in overrides {
            guard RetentionPolicy.clientKinds.contains(kind) else {
                throw ValidationError(field: "retention", value: kind.rawValue,
                                      reason: "is not set per client; use one of: "
                                        + RetentionPolicy.clientKinds.map(\.rawValue).joined(separator: ", "))
            }
            guard period.count > 0 else {
                throw ValidationError(field: "retention", value: "\(kind.rawValue) \(period)", reason: "must be at least 1 day")
            }
            if let maximum = RetentionPolicy.maxima[kind], period.comparableDays > maximum.comparableDays {
                throw ValidationError(field: "retention", value: "\(kind.rawValue) \(period)",
                                      reason: "is longer than the most allowed (\(maximum))")
            }
        }
        self.overrides = overrides
    }

    /// The defaults, nothing shortened.
    public static let standard = RetentionPolicy(checked: [:])
    private init(checked overrides: [RetainedKind: RetentionPeriod]) { self.overrides = overrides }

    public func period(_ kind: RetainedKind) -> RetentionPeriod {
        if kind == .deliveries, let messages = overrides[.messages] { return messages }
        return overrides[kind] ?? RetentionPolicy.defaults[kind] ?? .months(2)
    }

    /// One line of a client file's `retention:` field: `calls 1 month`, `messages 30 days`.
    public static func parseLine(_ text: String) throws -> (RetainedKind, RetentionPeriod) {
        let words = text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        let kinds = clientKinds.map(\.rawValue).joined(separator: ", ")
        guard words.count == 3, let kind = RetainedKind(rawValue: words[0]) else {
            throw ValidationError(field: "retention", value: text, reason: "is not KIND COUNT days|months|years, with KIND one of \(kinds)")
        }
        guard let count = Int(words[1]), count > 0, count <= 10_000 else {
            throw ValidationError(field: "retention", value: text, reason: "needs a whole number above 0 before the unit")
        }
        let unit: RetentionPeriod.Unit
        switch words[2] {
        case "day", "days", "jour", "jours": unit = .days
        case "month", "months", "mois": unit = .months
        case "year", "years", "an", "ans": return (kind, .months(count * 12))
        default:
            throw ValidationError(field: "retention", value: text, reason: "needs days, months or years after the count")
        }
        return (kind, RetentionPeriod(count, unit))
    }

    /// The overrides as stored and as a client file writes them, one `KIND PERIOD` each, in
    /// a fixed order.
    public var lines: [String] {
        RetentionPolicy.clientKinds.compactMap { kind in overrides[kind].map { "\(kind.rawValue) \($0)" } }
    }

    /// Reads `lines` back (from the store); `nil` for a damaged value.
    public init?(storedLines text: String) {
        var overrides: [RetainedKind: RetentionPeriod] = [:]
        for line in text.split(separator: "\n") where !line.isEmpty {
            guard let (kind, period) = try? RetentionPolicy.parseLine(String(line)) else { return nil }
            overrides[kind] = period
        }
        guard let policy = try? RetentionPolicy(overrides: overrides) else { return nil }
        self = policy
    }
}

/// What a purge removed (or, dry, would remove), per kind.
public struct PurgeCounts: Hashable, Sendable, Codable {
    public var calls = 0
    public var messages = 0
    /// Delivery attempts go with their message; counted when the store keeps them.
    public var deliveries = 0
    public var audit = 0
    /// Past appointments whose contact's data was taken off (the slot stays).
    public var appointments = 0
    public var contacts = 0
    /// Missed calls' numbers waiting to be called back, gone with the calls' period.
    public var callbacks = 0

    public init() {}

    /// A kind not yet counted (a run's first batches) reads as zero.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        func count(_ key: CodingKeys) throws -> Int { try values.decodeIfPresent(Int.self, forKey: key) ?? 0 }
        calls = try count(.calls)
        messages = try count(.messages)
        deliveries = try count(.deliveries)
        audit = try count(.audit)
        appointments = try count(.appointments)
        contacts = try count(.contacts)
        callbacks = try count(.callbacks)
    }

    /// `calls 120, messages 4, deliveries 0, audit 0, appointments 0, contacts 2, call-backs 3`:
    /// the audit entry's details.
    public var summary: String {
        "calls \(calls), messages \(messages), deliveries \(deliveries), audit \(audit), "
            + "appointments \(appointments), contacts \(contacts), call-backs \(callbacks)"
    }
}
