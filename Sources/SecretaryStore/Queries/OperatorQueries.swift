import Foundation
import GRDB
import SecretaryCore
import Sodium

/// One operator account as an administrator sees it.
public struct AccountStatus: Equatable, Sendable {
    public let person: Operator
    public let disabled: Bool
    public let lockedUntil: Date?
    public let hasPassword: Bool
}

extension Store {
    public func operators() throws -> [Operator] {
        try read { try Operator.fetchAll($0, sql: "SELECT * FROM operator ORDER BY login") }
    }

    public func accounts() throws -> [AccountStatus] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM operator ORDER BY login").map { row in
                AccountStatus(person: try Operator(row: row), disabled: (row["disabled"] as Int64?) != 0,
                              lockedUntil: row.optionalDate("locked_until").flatMap { $0 > Date() ? $0 : nil },
                              hasPassword: (row["password_hash"] as String?) != nil)
            }
        }
    }

    /// The operator, or an error naming the unknown login.
    public func `operator`(login: String) throws -> Operator {
        try read { db in
            guard let found = try Operator.fetchOne(db, sql: "SELECT * FROM operator WHERE login = ?", arguments: [login]) else {
                throw StoreError("unknown operator '\(login)'")
            }
            return found
        }
    }

    /// Whether the database has any account yet (`init` creates the first administrator).
    public func hasAccounts() throws -> Bool {
        try read { try Bool.fetchOne($0, sql: "SELECT 1 FROM operator LIMIT 1") ?? false }
    }

    /// An administrator adds an account with its initial password (checked against the
    /// policy; stored only as an Argon2id hash).
    @discardableResult
    public func addOperator(_ new: Operator, password: String, by identity: Identity) throws -> Operator {
        try PasswordPolicy.check(password, login: new.login)
        let hash = try Sodium.passwordHash(password)
        return try write(by: identity, needs: .administer) { db, trail in
            let inserted = try Store.insert(new, passwordHash: hash, at: trail.at, in: db)
            trail.record("create", "operator", new.login, "\(new.displayName) (\(new.role.rawValue))")
            return inserted
        }
    }

    /// The first administrator of a new database (`secretary init`): allowed only while the
    /// database has no account at all.
    @discardableResult
    public func addFirstAdministrator(_ new: Operator, password: String) throws -> Operator {
        guard new.role == .admin else { throw StoreError("the first account must be an administrator") }
        try PasswordPolicy.check(password, login: new.login)
        let hash = try Sodium.passwordHash(password)
        return try write(by: .systemActor("init", may: []), needs: nil) { db, trail in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM operator LIMIT 1") == nil else {
                throw StoreError("this database already has accounts: add more with `secretary operators add`")
            }
            let inserted = try Store.insert(new, passwordHash: hash, at: trail.at, in: db)
            trail.record("create", "operator", new.login, "\(new.displayName) (admin, first account)")
            return inserted
        }
    }

    /// Changes a password: one's own (the old one checked by the caller's sign-in), or an
    /// administrator resetting another's. Clears any lock.
    public func setPassword(of login: String, to password: String, by identity: Identity) throws {
        try PasswordPolicy.check(password, login: login)
        let hash = try Sodium.passwordHash(password)
        let own = identity.systemPermissions == nil && identity.login == login
        try write(by: identity, needs: own ? .operate : .administer) { db, trail in
            try db.execute(sql: "UPDATE operator SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL WHERE login = ?",
                           arguments: [hash, login])
            guard db.changesCount == 1 else { throw StoreError("unknown operator '\(login)'") }
            trail.record("password", "operator", login, own ? "changed by its owner" : "reset by an administrator")
        }
    }

    /// An administrator disables or enables an account; disabling ends its sessions.
    public func setDisabled(_ login: String, _ disabled: Bool, by identity: Identity) throws {
        if disabled && identity.login == login { throw StoreError("you cannot disable your own account") }
        try write(by: identity, needs: .administer) { db, trail in
            try db.execute(sql: "UPDATE operator SET disabled = ?, failed_sign_ins = 0, locked_until = NULL WHERE login = ?",
                           arguments: [disabled ? 1 : 0, login])
            guard db.changesCount == 1 else { throw StoreError("unknown operator '\(login)'") }
            if disabled {
                try db.execute(sql: """
                    UPDATE session SET ended_at = ?, end_reason = 'account disabled'
                    WHERE ended_at IS NULL AND operator_id = (SELECT id FROM operator WHERE login = ?)
                    """, arguments: [Date().stored, login])
            }
            trail.record(disabled ? "disable" : "enable", "operator", login)
        }
    }

    static func insert(_ new: Operator, passwordHash: String? = nil, at now: Date, in db: Database) throws -> Operator {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM operator WHERE login = ?", arguments: [new.login]) == true {
            throw StoreError("operator '\(new.login)' already exists")
        }
        try db.execute(sql: "INSERT INTO operator (login, display_name, role, created_at, password_hash) VALUES (?, ?, ?, ?, ?)",
                       arguments: [new.login, new.displayName, new.role.rawValue, now.stored, passwordHash])
        var inserted = new
        inserted.id = db.lastInsertedRowID
        return inserted
    }

    /// The audit log, newest first, optionally for one object (the store's own tests).
    public func auditEntries(objectType: String? = nil, objectID: String? = nil, limit: Int = 100) throws -> [AuditEntry] {
        try read { db in
            if let objectType, let objectID {
                return try AuditEntry.fetchAll(db, sql: """
                    SELECT * FROM audit WHERE object_type = ? AND object_id = ? ORDER BY id DESC LIMIT ?
                    """, arguments: [objectType, objectID, limit])
            }
            return try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit])
        }
    }
}
