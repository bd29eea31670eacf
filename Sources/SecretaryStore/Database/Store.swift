import Foundation
import GRDB
import SecretaryCore

/// Who acts: an operator's login, or a named system actor (`pbx`, `cli`, `demo`).
public struct Identity: Hashable, Sendable, CustomStringConvertible {
    public let login: String
    public init(_ login: String) { self.login = login }
    public static let system = Identity("system")
    public var description: String { login }
}

/// An error opening or using the database, worded for the person at the terminal.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The SQLite database that all terminals share. WAL mode lets readers run while one
/// process writes; the busy timeout makes concurrent writers wait their turn instead of
/// failing with `database is locked`.
public final class Store: @unchecked Sendable {
    public let path: String
    public let clock: any Clock
    let pool: DatabasePool

    /// Opens (creating if needed, mode 0600) and migrates the database at `path`.
    public init(path: String, clock: any Clock = SystemClock(), migrate: Bool = true) throws {
        self.path = path
        self.clock = clock
        try Store.prepareFile(at: path)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        configuration.label = "secretary"
        // Reads through a memory map rather than a read() call per page: a week's
        // appointments and their contacts sit on dozens of pages. Only the pages touched
        // count in the process's memory, and they are the kernel's cache, shared.
        //
        // secure_delete: deleted and overwritten content is zeroed in the file, so a purge
        // or an erasure leaves no patient's name or number in free pages.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA mmap_size = 1073741824; PRAGMA secure_delete = ON")
        }
        do {
            pool = try Store.openPool(path: path, configuration: configuration, migrate: migrate)
        } catch let error as DatabaseError {
            throw StoreError("cannot open database \(path): \(error.message ?? error.description)")
        }
    }

    /// Opens the pool, retrying while another process holds the file busy at that moment.
    /// Opening is the one step the busy timeout does not cover: when the WAL file is missing,
    /// GRDB writes to create it inside a deferred transaction, and SQLite answers a busy
    /// snapshot at once rather than waiting. Several terminals starting together meet it.
    private static func openPool(path: String, configuration: Configuration, migrate: Bool) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                if migrate { try Schema.migrator.migrate(pool) }
                return pool
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 100 {
                attempt += 1
                usleep(useconds_t(20_000 + Int.random(in: 0..<30_000)))
            }
        }
    }

    /// Creates the file with mode 0600 (and a missing folder with 0700) before SQLite does,
    /// so patients' data is never readable by other users, even for an instant.
    private static func prepareFile(at path: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw StoreError("cannot open database \(path): it is a folder") }
            guard manager.isReadableFile(atPath: path) else {
                throw StoreError("cannot open database \(path): not readable")
            }
            if let handle = FileHandle(forReadingAtPath: path) {
                defer { try? handle.close() }
                let header = handle.readData(ofLength: 16)
                if !header.isEmpty && header != Data("SQLite format 3\0".utf8) {
                    throw StoreError("cannot open database \(path): not an SQLite database")
                }
            }
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !manager.fileExists(atPath: folder) {
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError("cannot create folder \(folder): \(error.localizedDescription)")
            }
        }
        guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError("cannot create database \(path)")
        }
    }

    /// The migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { try Schema.migrator.appliedMigrations($0) }
    }

    public static var schemaVersions: [String] { Schema.versions }

    public var now: Date { clock.now() }

    // MARK: - The one write path

    /// Runs `body` in one write transaction and appends the audit entries it records. Every
    /// change to the database goes through here, so nothing is written without saying who
    /// did it; a write that records nothing is refused.
    @discardableResult
    public func write<T>(by identity: Identity, _ body: (Database, inout AuditTrail) throws -> T) throws -> T {
        try mapped {
            try pool.write { db in
                var trail = AuditTrail(actor: identity.login, at: clock.now())
                let result = try body(db, &trail)
                guard !trail.entries.isEmpty else {
                    throw StoreError("internal error: a write must record what it did in the audit log")
                }
                for entry in trail.entries {
                    try db.execute(
                        sql: "INSERT INTO audit (at, actor, action, object_type, object_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [Int64(entry.at.timeIntervalSince1970), entry.actor, entry.action,
                                    entry.objectType, entry.objectID, entry.details])
                }
                return result
            }
        }
    }

    /// One step of a long job that writes in many short transactions so that consoles never
    /// wait long for the lock (the purge). Not audited by itself: the job keeps its progress
    /// in its own row, written in the same transaction as each step, and its last step goes
    /// through `write(by:)` with the one audit entry that sums the run up.
    func writeStep<T>(_ body: (Database) throws -> T) throws -> T {
        try mapped { try pool.write(body) }
    }

    /// A read-only look at the database.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try mapped { try pool.read(body) }
    }

    /// A read made of a single SQL statement, run without the BEGIN and COMMIT around it:
    /// one statement already reads one consistent snapshot in SQLite. For the hot lookups
    /// (the caller by number, names as the operator types), where the two transaction
    /// statements cost as much as the query itself. A body running two statements must use
    /// `read`, or it may see another terminal's commit between them.
    func readStatement<T>(_ body: (Database) throws -> T) throws -> T {
        try mapped { try pool.unsafeRead(body) }
    }

    /// Records that `identity` viewed an object (a caller's record): professional secrecy
    /// asks who saw what.
    public func recordView(by identity: Identity, objectType: String, objectID: String) throws {
        try write(by: identity) { _, trail in
            trail.record("view", objectType, objectID)
        }
    }

    /// A change counter that moves whenever another connection commits: polled cheaply by
    /// each console to refresh within a second without a keypress.
    public func dataVersion() throws -> Int {
        try mapped {
            try pool.writeWithoutTransaction { db in
                try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
            }
        }
    }

    /// Turns SQLite errors into a sentence; domain errors pass through.
    func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError("database error: \(error.message ?? error.description)")
        }
    }

    /// Closes every connection now (before the file is moved away, say); the store is
    /// unusable after.
    public func close() throws {
        try mapped { try pool.close() }
    }

    /// Writes the WAL back into the main file (after a bulk load).
    public func checkpoint() throws {
        _ = try mapped { try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) } }
    }
}

/// The audit entries a write collects; appended in the same transaction as the write.
public struct AuditTrail {
    public let actor: String
    public let at: Date
    public private(set) var entries: [AuditEntry] = []

    init(actor: String, at: Date) {
        self.actor = actor
        self.at = at
    }

    public mutating func record(_ action: String, _ objectType: String, _ objectID: String, _ details: String = "") {
        entries.append(AuditEntry(at: at, actor: actor, action: action, objectType: objectType,
                                  objectID: objectID, details: details))
    }
}
