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
    /// Another program held the database for longer than this command waits: a PBX hook
    /// exits with a status of its own for it, so the PBX can fall back.
    public let isBusy: Bool
    public init(_ description: String, isBusy: Bool = false) {
        self.description = description
        self.isBusy = isBusy
    }
}

/// The SQLite database that all terminals share. WAL mode lets readers run while one
/// process writes; writers wait for each other a bounded time (`OpenMode`), then give up
/// with a `busy` error instead of failing at once or waiting for ever.
public final class Store: @unchecked Sendable {
    public let path: String
    public let clock: any Clock
    /// A pool (a writer and readers) for commands that write, one read-only connection for
    /// those that only read.
    let pool: any DatabaseWriter
    /// What the opening found worth telling the user (loose permissions, tightened).
    public let warnings: [String]
    /// How long a write waits for another process's lock before giving up.
    public let busyTimeout: TimeInterval

    /// Opens the database at `path` as `mode` allows: see `OpenMode`. `busyTimeout` bounds
    /// every wait for another process's lock (and the opening itself); the commands pass
    /// theirs (`writeWait`, `consoleWait`), the library's users (tests, benchmarks, the
    /// stress helper) keep a generous default.
    public init(path: String, clock: any Clock = SystemClock(), mode: OpenMode = .create,
                busyTimeout: TimeInterval = 30) throws {
        self.path = path
        self.clock = clock
        self.busyTimeout = busyTimeout
        let file = try DatabaseFile.prepare(path, mode: mode)
        warnings = file.warnings
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "secretary"
        // Reads through a memory map rather than a read() call per page: a week's
        // appointments and their contacts sit on dozens of pages. Only the pages touched
        // count in the process's memory, and they are the kernel's cache, shared.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 1073741824") }
        do {
            pool = try Store.open(path: path, mode: mode, configuration: configuration,
                                  deadline: Date().addingTimeInterval(busyTimeout))
        } catch let error as DatabaseError where error.isBusy {
            throw StoreError.busy(path, seconds: busyTimeout)
        } catch let error as DatabaseError {
            throw StoreError("cannot open database \(path): \(error.message ?? error.description)")
        }
    }

    /// Reads the schema's state with one read-only connection (no write, no write lock),
    /// then: keeps that connection for a read-only command whose schema is current; opens a
    /// pool for the others; migrates only a file whose schema is behind, or a new one.
    private static func open(path: String, mode: OpenMode, configuration: Configuration,
                             deadline: Date) throws -> any DatabaseWriter {
        var readOnly = configuration
        readOnly.readonly = true
        var reader: DatabaseQueue? = try DatabaseQueue(path: path, configuration: readOnly)
        let state = try reader?.read(SchemaState.init) ?? .empty
        try state.check(path: path, mode: mode)
        if mode == .readOnly && state == .current, let reader { return reader }
        reader = nil
        let pool = try openPool(path: path, configuration: configuration, deadline: deadline)
        // The migrator takes the write lock and applies only what is missing, so two
        // processes starting together on an old file migrate it once.
        if state != .current { try Schema.migrator.migrate(pool) }
        if mode == .readOnly { return try DatabaseQueue(path: path, configuration: readOnly) }
        return pool
    }

    /// Opens the pool, retrying until `deadline` while another process holds the file busy
    /// at that moment. Opening is the one step the busy timeout does not cover: when the WAL
    /// file is missing, GRDB writes to create it inside a deferred transaction, and SQLite
    /// answers a busy snapshot at once rather than waiting. Several terminals starting
    /// together meet it.
    private static func openPool(path: String, configuration: Configuration, deadline: Date) throws -> DatabasePool {
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.isBusy && Date() < deadline {
                usleep(useconds_t(20_000 + Int.random(in: 0..<30_000)))
            }
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
        } catch let error as DatabaseError where error.isBusy {
            throw StoreError.busy(path, seconds: busyTimeout)
        } catch let error as DatabaseError {
            throw StoreError("database error: \(error.message ?? error.description)")
        }
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
