import Foundation

/// What a user of the console may do.
public enum Role: String, CaseIterable, Sendable, Codable {
    case `operator`, supervisor, admin

    public init(parsing text: String) throws {
        guard let role = Role(rawValue: text.lowercased()) else {
            throw ValidationError(field: "role", value: text, reason: "expected operator, supervisor or admin")
        }
        self = role
    }

    public var canSupervise: Bool { self != .operator }
}

/// A named user of the console (*télésecrétaire*, supervisor or administrator); every action
/// is recorded under this name.
public struct Operator: Hashable, Sendable, Identifiable {
    public var id: Int64
    public let login: String
    public var displayName: String
    public var role: Role

    public init(id: Int64 = 0, login: String, displayName: String, role: Role) throws {
        let validLogin = (2...32).contains(login.count)
            && login.first.map { $0.isASCII && $0.isLowercase } == true
            && login.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || "._-".contains($0) }
        guard validLogin else {
            throw ValidationError(field: "login", value: login,
                                  reason: "use 2–32 lowercase letters, digits, '.', '_' or '-', starting with a letter")
        }
        let name = displayName.trimmedOfSpaces
        guard !name.isEmpty else {
            throw ValidationError(field: "name", value: displayName, reason: "must not be empty")
        }
        self.id = id
        self.login = login
        self.displayName = name
        self.role = role
    }
}

/// Whether an operator takes calls right now.
public enum Presence: String, Sendable, Codable, CaseIterable {
    case available, onCall = "on-call", wrapUp = "wrap-up", paused, offline
}
