import Foundation
import GRDB
import SecretaryCore
import Sodium

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
    /// How the command uses the database (see `OpenMode`).
    public let mode: OpenMode
    /// The connection opened: a pool (a writer and readers) for the long-running commands
    /// (the console, the wallboard, the workers), one connection for a one-shot command, one
    /// read-only connection for a command that only reads. Reads go through it.
    private let connection: any DatabaseWriter
    /// A read-only store's writer, opened only when it must write after all: a failed
    /// sign-in, a refusal (both audited), nothing else.
    private var lateWriter: (any DatabaseWriter)?
    private let lateWriterLock = NSLock()
    private let configuration: Configuration
    /// Where command-line reads of personal data are audited without writing the database.
    let accessJournal: AccessJournal
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
    /// `oneShot`: a command that runs and exits opens one connection (no pool: each
    /// connection opened parses the schema again).
    public init(path: String, clock: any Clock = SystemClock(), mode: OpenMode = .create,
                busyTimeout: TimeInterval = 30, oneShot: Bool = false) throws {
        self.path = path
        self.clock = clock
        self.mode = mode
        self.busyTimeout = busyTimeout
        accessJournal = AccessJournal(databasePath: path)
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
        self.configuration = configuration
        do {
            connection = try Store.open(path: path, mode: mode, oneShot: oneShot, configuration: configuration,
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

    /// Reads the schema's state with a read (no write, no write lock) on the connection the
    /// command keeps: one read-only connection for a command that only reads, one connection
    /// for another one-shot command, a pool for the rest (and for a new file, which the pool
    /// puts in WAL mode). Migrates only a file whose schema is behind, or a new one.
    private static func open(path: String, mode: OpenMode, oneShot: Bool, configuration: Configuration,
                             deadline: Date) throws -> any DatabaseWriter {
        if mode == .readOnly || (oneShot && mode == .readWrite) {
            var own = configuration
            own.readonly = mode == .readOnly
            var connection: DatabaseQueue? = try DatabaseQueue(path: path, configuration: own)
            let state = try connection?.read(SchemaState.init) ?? .empty
            try state.check(path: path, mode: mode)
            if state == .current, let connection { return connection }
            connection = nil
            // Behind: migrated by a writer first (rare: once per upgrade), then reopened.
            try Schema.migrator.migrate(openPool(path: path, configuration: configuration, deadline: deadline))
            return try DatabaseQueue(path: path, configuration: own)
        }
        var readOnly = configuration
        readOnly.readonly = true
        var reader: DatabaseQueue? = try DatabaseQueue(path: path, configuration: readOnly)
        let state = try reader?.read(SchemaState.init) ?? .empty
        try state.check(path: path, mode: mode)
        reader = nil
        let pool = try openPool(path: path, configuration: configuration, deadline: deadline)
        // The migrator takes the write lock and applies only what is missing, so two
        // processes starting together on an old file migrate it once.
        if state != .current { try Schema.migrator.migrate(pool) }
        return pool
    }

    /// Where writes go: the connection opened, or for a read-only store a writer opened now.
    var pool: any DatabaseWriter {
        get throws {
            guard mode == .readOnly else { return connection }
            return try lateWriterLock.withLock {
                if let lateWriter { return lateWriter }
                let writer = try DatabaseQueue(path: path, configuration: configuration)
                lateWriter = writer
                return writer
            }
        }
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
        try connection.read { try Schema.migrator.appliedMigrations($0) }
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
                // A write needing no permission is the sign-in's or the sessions' bookkeeping,
                // recorded even when the command then does nothing: it leaves the journal to
                // the next action.
                try transaction(movingJournal: permission != nil) { db in
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
                try connection.read { db in
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
            try transaction(movingJournal: false) { db in
                let entry = AuditEntry(at: clock.now(), actor: identity.login, action: "refused", objectType: "permission",
                                       objectID: denied.permission.rawValue, details: denied.action)
                try AuditChain.append([entry], realAt: Date(), training: isTraining, sessionID: session(of: identity), in: db)
            }
        }
    }

    /// Writes that are bookkeeping, not actions (a session's heartbeat): no audit entry, or
    /// the log would fill with them. Nothing else may use this.
    func writeBookkeeping(_ body: (Database) throws -> Void) throws {
        try mapped { try transaction(body) }
    }

    /// One step of a long job that writes in many short transactions so that consoles never
    /// wait long for the lock (the purge). Not audited by itself: the job keeps its progress
    /// in its own row, written in the same transaction as each step, and its last step goes
    /// through `write(by:)` with the one audit entry that sums the run up.
    func writeStep<T>(_ body: (Database) throws -> T) throws -> T {
        try mapped { try transaction(body) }
    }

    /// Every write transaction goes through here, by whichever door: it first moves the reads
    /// waiting in the access journal into the audit log, in the same transaction, so a write
    /// that fails or is refused moves nothing (and writes nothing); the file is emptied after
    /// the commit.
    private func transaction<T>(movingJournal: Bool = true, _ body: (Database) throws -> T) throws -> T {
        let writer = try pool
        guard movingJournal, accessJournal.hasEntries else { return try writer.write(body) }
        var held: AccessJournal.Held?
        let result = try writer.write { db -> T in
            if let file = try accessJournal.hold() {
                held = file
                try AuditChain.appendMoved(file.lines, in: db)
            }
            return try body(db)
        }
        held?.empty()
        return result
    }

    /// A read-only look at the database.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try mapped { try connection.read(body) }
    }

    /// A read made of a single SQL statement, run without the BEGIN and COMMIT around it:
    /// one statement already reads one consistent snapshot in SQLite. For the hot lookups
    /// (the caller by number, names as the operator types), where the two transaction
    /// statements cost as much as the query itself. A body running two statements must use
    /// `read`, or it may see another terminal's commit between them.
    func readStatement<T>(_ body: (Database) throws -> T) throws -> T {
        try mapped { try connection.unsafeRead(body) }
    }

    /// Records that `identity` viewed an object (a caller's record): professional secrecy
    /// asks who saw what.
    public func recordView(by identity: Identity, objectType: String, objectID: String, details: String = "") throws {
        try recordRead(by: identity, objectType: objectType, objectIDs: [objectID], details: details)
    }

    /// Records that `identity` read these records: one entry per contact shown (so one
    /// person's audit lists every read of them), or one for a list. A read-only store (a
    /// command that only reads) appends them to the access journal, leaving the database
    /// as it was; the next write moves them into the audit log.
    public func recordRead(by identity: Identity, objectType: String, objectIDs: [String], details: String) throws {
        let ids = objectIDs.isEmpty ? ["-"] : objectIDs
        guard mode == .readOnly else {
            return try write(by: identity) { _, trail in
                for id in ids { trail.record("view", objectType, id, details) }
            }
        }
        try read(by: identity, needs: .operate) { _ in }
        let real = Date().stored
        let training = isTraining ? clock.now().stored : nil
        let session = session(of: identity)
        try accessJournal.append(ids.map {
            AccessJournal.Entry(id: Sodium.randomHex(bytes: 16), at: real, trainingAt: training, actor: identity.login,
                                sessionID: session, action: "view", objectType: objectType, objectID: $0, details: details)
        })
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
        try mapped {
            try lateWriterLock.withLock { try lateWriter?.close() }
            try connection.close()
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
