/// A value refused at construction. The message names the field and the value, so a
/// user reading it on a terminal or on stderr knows what to correct.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let value: String
    public let reason: String

    public init(field: String, value: String, reason: String) {
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String { "invalid \(field) '\(value)': \(reason)" }
}

/// A request the domain refuses (a booking outside hours, a claim on a taken call...).
/// `reason` is a sentence an operator can read.
public struct RuleViolation: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Rule: String, Sendable, Codable {
        case outsideOpeningHours, overlapsAppointment, inAbsence, onPublicHoliday
        case inThePast, blacklistedContact, notFound, conflict, forbidden, medicalAdvice, emergencyNotUrgent
    }
    public let rule: Rule
    public let reason: String

    public init(_ rule: Rule, _ reason: String) {
        self.rule = rule
        self.reason = reason
    }

    public var description: String { reason }
}
