import Foundation
import GRDB
import SecretaryCore

/// Who acts. A person is named by login: the store reads their role (and whether the account
/// is enabled) from the operator table at each write, so a role change or a disabled account
/// takes effect at once, in every terminal. A system actor (the PBX hooks, the demo's
/// seeding and simulated traffic, the generator) carries its own narrow permissions.
public struct Identity: Hashable, Sendable, CustomStringConvertible {
    public let login: String
    /// Nil for a person; the permissions of a system actor.
    public let systemPermissions: Set<Permission>?
    /// The signed-in session the actions belong to, when there is one.
    public var sessionID: Int64?

    /// The person whose login this is.
    public init(_ login: String, session: Int64? = nil) {
        self.login = login
        systemPermissions = nil
        sessionID = session
    }

    private init(system name: String, may permissions: Set<Permission>) {
        login = name
        systemPermissions = permissions
        sessionID = nil
    }

    public static func systemActor(_ name: String, may permissions: Set<Permission>) -> Identity {
        Identity(system: name, may: permissions)
    }

    /// The telephone exchange's hooks (`call-in`, `call-end`): they can do nothing else.
    public static let pbx = Identity(system: "pbx", may: [.pbx])
    /// Writes made while creating a database's content (demo seeding, the generator, tests).
    public static let system = Identity(system: "system", may: Set(Permission.allCases))

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
    /// "Now" for the data: the system's clock, or a training clock on a demo database.
    public internal(set) var clock: any Clock
    /// True when `clock` is a training clock: audit entries then record both times.
    public internal(set) var isTraining = false
    /// A pool (a writer and readers) for commands that write, one read-only connection for
    /// those that only read.
    let pool: any DatabaseWriter
    /// What the opening found worth telling the user (loose permissions, tightened).
    public let warnings: [String]
    /// How long a write waits for another process's lock before giving up.
    public let busyTimeout: TimeInterval
    /// The session each login signed in with in this process: their actions are recorded
    /// under it even where a store function names the person by login only.
    private var sessions: [String: Int64] = [:]
    private let sessionsLock = NSLock()

    func remember(session: Int64?, of login: String) {
        sessionsLock.withLock { sessions[login] = session }
    }

    func session(of identity: Identity) -> Int64? {
        if let id = identity.sessionID { return id }
        guard identity.systemPermissions == nil else { return nil }
        return sessionsLock.withLock { sessions[identity.login] }
    }

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
        configuration.busyMode = .callback(Store.pollingBusyHandler(for: busyTimeout))
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
            pool = try Store.open(path: path, mode: mode, configuration: configuration,
                                  deadline: Date().addingTimeInterval(busyTimeout))
        } catch let error as DatabaseError where error.isBusy {
            throw StoreError.busy(path, seconds: busyTimeout)
        } catch let error as DatabaseError {
            throw StoreError("cannot open database \(path): \(error.message ?? error.description)")
        }
    }

    /// A writer waiting for the lock tries again every 2 ms until `timeout` has passed.
    /// SQLite's own timeout handler sleeps longer and longer between tries (25 ms after its
    /// first 30, then 50 and 100), so a console behind a 30 ms batch of the purge could wait
    /// 80 ms; polling, it gets the lock within 2 ms of its release. The wait is timed by the
    /// clock, per thread (a connection's handler runs on the thread that waits), not by count.
    static func pollingBusyHandler(for timeout: TimeInterval) -> Database.BusyCallback {
        { tries in
            let key = "secretary.busySince"
            let now = DispatchTime.now().uptimeNanoseconds
            if tries == 0 { Thread.current.threadDictionary[key] = now }
            let since = Thread.current.threadDictionary[key] as? UInt64 ?? now
            guard Double(now - since) / 1e9 < timeout else { return false }
            usleep(2_000)
            return true
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
    /// did it, and nobody writes without the permission it needs (`needs`: nil only for the
    /// sign-in's own bookkeeping, before anyone is signed in); a write that records nothing is
    /// refused. A refusal for want of a role is itself audited, and writes nothing else.
    @discardableResult
    public func write<T>(by identity: Identity, needs permission: Permission? = .operate, _ action: String = #function,
                         _ body: (Database, inout AuditTrail) throws -> T) throws -> T {
        do {
            return try mapped {
                try pool.write { db in
                    if let permission { try Store.authorise(identity, permission, action: action, in: db) }
                    var trail = AuditTrail(actor: identity.login, at: clock.now())
                    let result = try body(db, &trail)
                    guard !trail.entries.isEmpty else {
                        throw StoreError("internal error: a write must record what it did in the audit log")
                    }
                    try AuditChain.append(trail.entries, realAt: Date(), training: isTraining,
                                          sessionID: session(of: identity), in: db)
                    return result
                }
            }
        } catch let denied as AccessDenied {
            recordRefusal(denied, by: identity)
            throw denied
        }
    }

    /// A read that needs a role (the audit log, the wallboard, reports): refused and audited
    /// like a write when the identity lacks it.
    public func read<T>(by identity: Identity, needs permission: Permission, _ action: String = #function,
                        _ body: (Database) throws -> T) throws -> T {
        do {
            return try mapped {
                try pool.read { db in
                    try Store.authorise(identity, permission, action: action, in: db)
                    return try body(db)
                }
            }
        } catch let denied as AccessDenied {
            recordRefusal(denied, by: identity)
            throw denied
        }
    }

    /// Refuses (and audits the refusal) unless `identity` has `permission`: for a command to
    /// stop before asking for anything. The write it leads to checks again.
    public func require(_ permission: Permission, by identity: Identity, for action: String) throws {
        try read(by: identity, needs: permission, action) { _ in }
    }

    /// Whether `identity` may do what needs `permission`: a system actor by its own list, a
    /// person by the role the operator table gives them now (a disabled account may nothing).
    static func authorise(_ identity: Identity, _ permission: Permission, action: String, in db: Database) throws {
        let words = action.contains("(") ? Store.actionWords(action) : action
        if let granted = identity.systemPermissions {
            guard granted.contains(permission) else {
                throw AccessDenied(login: identity.login, permission: permission, action: words)
            }
            return
        }
        let row = try Row.fetchOne(db, sql: "SELECT role, disabled FROM operator WHERE login = ?",
                                   arguments: [identity.login])
        guard let row, let roleText = row[0] as String?, let role = Role(rawValue: roleText),
              (row[1] as Int64?) == 0, role.allows(permission) else {
            throw AccessDenied(login: identity.login, permission: permission, action: words)
        }
    }

    /// `addOperator(_:by:)` → `add operator`: the store function's name, as words.
    static func actionWords(_ function: String) -> String {
        let name = function.prefix { $0 != "(" }
        var words = ""
        for character in name {
            if character.isUppercase { words += " " + character.lowercased() } else { words.append(character) }
        }
        return words
    }

    private func recordRefusal(_ denied: AccessDenied, by identity: Identity) {
        try? mapped {
            try pool.write { db in
                let entry = AuditEntry(at: clock.now(), actor: identity.login, action: "refused", objectType: "permission",
                                       objectID: denied.permission.rawValue, details: denied.action)
                try AuditChain.append([entry], realAt: Date(), training: isTraining, sessionID: session(of: identity), in: db)
            }
        }
    }

    /// Writes that are bookkeeping, not actions (a session's heartbeat): no audit entry, or
    /// the log would fill with them. Nothing else may use this.
    func writeBookkeeping(_ body: (Database) throws -> Void) throws {
        try mapped { try pool.write(body) }
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
    public func recordView(by identity: Identity, objectType: String, objectID: String, details: String = "") throws {
        try write(by: identity) { _, trail in
            trail.record("view", objectType, objectID, details)
        }
    }

    /// Records that `identity` read these records on the command line: one entry per
    /// contact shown (so one person's audit lists every read of them), or one for a list.
    public func recordRead(by identity: Identity, objectType: String, objectIDs: [String], details: String) throws {
        try write(by: identity) { _, trail in
            if objectIDs.isEmpty { trail.record("view", objectType, "-", details) }
            for id in objectIDs { trail.record("view", objectType, id, details) }
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
