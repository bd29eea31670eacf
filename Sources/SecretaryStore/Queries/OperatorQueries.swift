import Foundation
import GRDB
import SecretaryCore

extension Store {
    public func operators() throws -> [Operator] {
        try read { try Operator.fetchListing($0, sql: "SELECT * FROM operator ORDER BY login") }
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

    @discardableResult
    public func addOperator(_ new: Operator, by identity: Identity) throws -> Operator {
        try write(by: identity) { db, trail in
            let inserted = try Store.insert(new, at: trail.at, in: db)
            trail.record("create", "operator", new.login, "\(new.displayName) (\(new.role.rawValue))")
            return inserted
        }
    }

    static func insert(_ new: Operator, at now: Date, in db: Database) throws -> Operator {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM operator WHERE login = ?", arguments: [new.login]) == true {
            throw StoreError("operator '\(new.login)' already exists")
        }
        try db.execute(sql: "INSERT INTO operator (login, display_name, role, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [new.login, new.displayName, new.role.rawValue, now.stored])
        var inserted = new
        inserted.id = db.lastInsertedRowID
        return inserted
    }

    /// The audit log, newest first, optionally for one object.
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
