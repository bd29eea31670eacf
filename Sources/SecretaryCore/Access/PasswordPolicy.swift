import Foundation

/// What a new password must be: long enough, not the login, not a common password. The
/// reason is said; the password itself never is.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 1024

    public static func check(_ password: String, login: String) throws {
        if password.count < minimumLength {
            throw PasswordRefused("a password needs at least \(minimumLength) characters")
        }
        if password.utf8.count > maximumLength {
            throw PasswordRefused("a password may have at most \(maximumLength) bytes")
        }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw PasswordRefused("a password may not contain control characters")
        }
        let folded = password.lowercased()
        if folded == login.lowercased() || folded.contains(login.lowercased()) && login.count >= 4 {
            throw PasswordRefused("a password may not contain the login")
        }
        if commonPasswords.contains(folded) {
            throw PasswordRefused("this password is among the most common ones; choose another")
        }
    }

    /// The shipped list (Access/Data/common-passwords.txt), lowercased, one a line.
    static let commonPasswords: Set<String> = {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt", subdirectory: "Data")
                ?? Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).map { $0.lowercased() }.filter { !$0.hasPrefix("#") })
    }()
}

public struct PasswordRefused: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = "password refused: " + description }
}

/// After `maximumFailures` wrong passwords in a row, an account is locked for `lockSeconds`.
public struct LockoutPolicy: Equatable, Sendable {
    public var maximumFailures: Int
    public var lockSeconds: Int

    public init(maximumFailures: Int = 5, lockSeconds: Int = 15 * 60) {
        self.maximumFailures = maximumFailures
        self.lockSeconds = lockSeconds
    }
}
