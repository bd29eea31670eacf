import Foundation
import GRDB
import SecretaryCore

/// What a database file holds, as a backup's manifest records it and `verify` checks it.
public struct DatabaseInventory: Sendable, Codable, Equatable {
    /// The last migration applied (`v7-callbacks`).
    public let schemaVersion: String
    /// Rows per table (the name index's internal tables left out: they follow `contact`).
    public let rowCounts: [String: Int]
}

/// Who has the database open: a console or a wallboard signed in.
public struct ActiveSession: Sendable, Equatable {
    public let login: String
    public let kind: String
    public let since: Date
}

extension Store {
    /// Copies the database into `path` (an empty file the caller made, mode 0600) with
    /// SQLite's online backup, from one read snapshot: terminals keep reading and writing
    /// meanwhile (WAL), and the copy holds exactly what was committed when it began. The copy
    /// is left in rollback-journal mode, one self-contained file.
    public func backup(toFile path: String) throws -> DatabaseInventory {
        try mapped {
            let destination = try DatabaseQueue(path: path)
            try pool.backup(to: destination)
            try destination.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            let inventory = try destination.read { try Store.inventory(of: $0) }
            try destination.close()
            return inventory
        }
    }

    /// Opens a backup read-only and reads its inventory after SQLite's integrity check;
    /// throws with the check's first complaints when the file is damaged.
    public static func inspectBackup(at path: String) throws -> DatabaseInventory {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError("\(path) does not exist") }
        if let handle = FileHandle(forReadingAtPath: path) {
            defer { try? handle.close() }
            if handle.readData(ofLength: 16) != Data("SQLite format 3\0".utf8) {
                throw StoreError("\(path) is not an SQLite database")
            }
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let problems = try Store.integrityProblems(in: db)
                guard problems.isEmpty else {
                    throw StoreError("\(path) fails SQLite's integrity check: " + problems.prefix(5).joined(separator: "; "))
                }
                return try Store.inventory(of: db)
            }
        } catch let error as DatabaseError {
            throw StoreError("\(path) cannot be read as a database: \(error.message ?? error.description)")
        }
    }

    /// This database's inventory, after SQLite's integrity check (a restored file is checked so).
    public func verifiedInventory() throws -> DatabaseInventory {
        try read { db in
            let problems = try Store.integrityProblems(in: db)
            guard problems.isEmpty else {
                throw StoreError("\(path) fails SQLite's integrity check: " + problems.prefix(5).joined(separator: "; "))
            }
            return try Store.inventory(of: db)
        }
    }

    /// SQLite's integrity check, without its false alarms: SQLite 3.40 reports "NULL value
    /// in contact_phone.client_id" for every row of that WITHOUT ROWID table although none is
    /// NULL; such a line is kept only when a query finds the NULL. (The check reports damaged
    /// pages before it checks rows, so the false alarms hide no structural damage.)
    static func integrityProblems(in db: Database) throws -> [String] {
        var problems: [String] = []
        for line in try String.fetchAll(db, sql: "PRAGMA integrity_check(100)") where line != "ok" {
            let prefix = "NULL value in "
            if line.hasPrefix(prefix) {
                let parts = line.dropFirst(prefix.count).split(separator: ".")
                if parts.count == 2 {
                    let table = String(parts[0]), column = String(parts[1])
                    let nulls = try Int.fetchOne(db, sql: """
                        SELECT count(*) FROM \(table.quotedDatabaseIdentifier) WHERE \(column.quotedDatabaseIdentifier) IS NULL
                        """) ?? 0
                    if nulls == 0 { continue }
                }
            }
            problems.append(line)
        }
        return problems
    }

    static func inventory(of db: Database) throws -> DatabaseInventory {
        let virtual = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """).filter { name in !virtual.contains { name == $0 || name.hasPrefix($0 + "_") } }
        var counts: [String: Int] = [:]
        for table in tables {
            counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
        }
        let applied = try Schema.migrator.appliedMigrations(db)
        return DatabaseInventory(schemaVersion: applied.last ?? "none", rowCounts: counts)
    }

    /// Whoever has a console or a wallboard signed in on this database: its open sessions,
    /// after closing those whose terminal died (no heartbeat). The one place restore asks.
    public func activeSessions() throws -> [ActiveSession] {
        try closeStaleSessions()
        return try signedInSessions().map { ActiveSession(login: $0.login, kind: $0.kind, since: $0.since) }
    }

    /// Records a restore in the restored database's own audit log.
    public func recordRestore(from file: String, replaced: String?, by identity: Identity) throws {
        try write(by: identity, needs: .administer) { _, trail in
            trail.record("restore", "database", path, "from \(file)" + (replaced.map { "; replaced file kept as \($0)" } ?? ""))
        }
    }

    /// Records a backup in the audit log of the database backed up.
    public func recordBackup(to file: String, by identity: Identity) throws {
        try write(by: identity, needs: .administer) { _, trail in trail.record("backup", "database", path, "to \(file)") }
    }
}
