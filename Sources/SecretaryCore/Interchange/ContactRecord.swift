import Foundation

/// One contact as a file carries it, checked: what `contacts import` writes and
/// `contacts export` reads back.
public struct ContactRecord: Hashable, Sendable {
    public var lastName: String
    public var firstName: String
    public var phones: [PhoneNumber]
    public var email: String?
    public var birthDate: LocalDate?
    public var notes: String
    public var isBlacklisted: Bool

    public init(lastName: String, firstName: String, phones: [PhoneNumber], email: String?, birthDate: LocalDate?,
                notes: String, isBlacklisted: Bool) {
        self.lastName = lastName
        self.firstName = firstName
        self.phones = phones
        self.email = email
        self.birthDate = birthDate
        self.notes = notes
        self.isBlacklisted = isBlacklisted
    }

    /// A mobile number (French 06/07, Belgian 04xx), exported in its own column.
    public static func isMobile(_ number: PhoneNumber) -> Bool {
        let e164 = number.e164
        return e164.hasPrefix("+336") || e164.hasPrefix("+337") || (e164.hasPrefix("+324") && e164.count == 12)
    }
}

/// A row of a contacts file that cannot be imported: where, which field, why. Never the
/// field's content, which is a patient's data.
public struct ContactRowError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let field: String
    public let reason: String

    public init(line: Int, field: String, reason: String) {
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String { "line \(line): \(field): \(reason)" }
}
