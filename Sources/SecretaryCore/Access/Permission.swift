/// What an action needs, from the roles' table (issue 14): an operator runs the console, a
/// supervisor also watches and reads the records of others' work, an administrator also
/// manages accounts, clients and the data's life. The store checks these in its one write
/// path and in its audited reads, so a command cannot forget to.
public enum Permission: String, Sendable, CaseIterable {
    /// Answer, look up, book, move, cancel, messages, call-backs; read the agenda and contacts.
    case operate
    /// The wallboard, the audit log, reports, others' presence.
    case supervise
    /// Client import, operator accounts, purge, exports and erasure, backups, settings.
    case administer
    /// Record a call arriving or a caller hanging up (the PBX hooks' system identity).
    case pbx

    /// The least role that has this permission (nil: no person's role; the PBX only).
    public var leastRole: Role? {
        switch self {
        case .operate: return .operator
        case .supervise: return .supervisor
        case .administer: return .admin
        case .pbx: return nil
        }
    }
}

extension Role {
    /// Roles are ordered: each has everything the one before it has.
    var rank: Int {
        switch self {
        case .operator: return 0
        case .supervisor: return 1
        case .admin: return 2
        }
    }

    public func allows(_ permission: Permission) -> Bool {
        guard let least = permission.leastRole else { return false }
        return rank >= least.rank
    }
}

/// Who acts: a signed-in person with a role, or a named system actor with its own narrow
/// permissions (the PBX hooks, the demo's seeding and simulated traffic, the generator).
public struct Actor: Hashable, Sendable, CustomStringConvertible {
    public let login: String
    public let role: Role?
    public let systemPermissions: Set<Permission>

    public static func person(_ login: String, role: Role) -> Actor {
        Actor(login: login, role: role, systemPermissions: [])
    }

    public static func system(_ name: String, may permissions: Set<Permission>) -> Actor {
        Actor(login: name, role: nil, systemPermissions: permissions)
    }

    public func may(_ permission: Permission) -> Bool {
        systemPermissions.contains(permission) || role?.allows(permission) == true
    }

    public var description: String { login }
}

/// An action refused for want of a role: names the role needed.
public struct AccessDenied: Error, Equatable, Sendable, CustomStringConvertible {
    public let login: String
    public let permission: Permission
    public let action: String

    public init(login: String, permission: Permission, action: String) {
        self.login = login
        self.permission = permission
        self.action = action
    }

    public var description: String {
        if let role = permission.leastRole {
            return "\(action) needs the role \(role.rawValue) or above; \(login) does not have it"
        }
        return "\(action) is for the telephone exchange (PBX) only"
    }
}
