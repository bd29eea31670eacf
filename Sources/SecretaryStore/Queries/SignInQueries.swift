import Foundation
import GRDB
import SecretaryCore
import Sodium

/// Where and how someone signs in: recorded with their session and in the audit log.
public struct SignInPlace: Sendable {
    public enum Kind: String, Sendable { case console, wallboard, command }
    public var kind: Kind
    /// What the person runs (`console`, `contacts find`...), for the audit log.
    public var command: String
    public var terminal: String
    /// `SSH_CONNECTION`'s client address, when they came over SSH.
    public var sshClient: String
    public var host: String
    public var pid: Int32

    public init(kind: Kind, command: String, terminal: String = "", sshClient: String = "", host: String = "",
                pid: Int32 = 0) {
        self.kind = kind
        self.command = command
        self.terminal = terminal
        self.sshClient = sshClient
        self.host = host
        self.pid = pid
    }
}

/// A person signed in: who, and the identity their actions are recorded under.
public struct SignedIn: Sendable {
    public let person: Operator
    public let identity: Identity
    public var sessionID: Int64? { identity.sessionID }
}

/// Always the same sentence: it never says whether the login exists, or why it failed.
public struct SignInRefused: Error, Equatable, Sendable, CustomStringConvertible {
    public let description = "sign-in refused: wrong login or password, or the account is locked or disabled"
    public init() {}
}

/// A second console for a login already signed in elsewhere.
public struct AlreadySignedIn: Error, Equatable, Sendable, CustomStringConvertible {
    public let login: String
    public let place: String
    public let since: Date
    public var description: String {
        "\(login) is already signed in (\(place)); close that console first, or start with --take-over to end it"
    }
}

extension Store {
    /// A session whose heartbeat is older than this is gone (its terminal died): three
    /// heartbeats of 30 s missed.
    public static let sessionStaleSeconds: TimeInterval = 90

    /// Checks `password` for `login` (Argon2id, outside any transaction: it takes a tenth of
    /// a second on purpose), then records the outcome: a failure counts towards the lock,
    /// the lock and its end are audited, a success opens a session for a console or a
    /// wallboard. Every refusal is the same sentence.
    /// A command may bring a `ticket` from an earlier one (see `CommandTicket`): when it
    /// admits and the account has nothing to record, the password's hash is not checked
    /// again; after a full check, the ticket is issued anew.
    public func signIn(login: String, password: String, at place: SignInPlace, takeOver: Bool = false,
                       ticket: CommandTicket? = nil) throws -> SignedIn {
        let account = try read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, login, display_name, role, password_hash, disabled, failed_sign_ins, locked_until
                FROM operator WHERE login = ?
                """, arguments: [login])
        }
        let hash: String? = account?[4]
        let ticket = place.kind == .command ? ticket : nil
        if let ticket, let hash, let signedIn = try Store.unchangedSignIn(account),
           ticket.admits(login: login, hash: hash, now: Date()) {
            return signedIn
        }
        // An unknown login costs the same time as a known one: timing tells nothing either.
        let matches = Sodium.verify(password, against: hash ?? Store.decoyHash)
        if place.kind == .command, matches, let signedIn = try Store.unchangedSignIn(account) {
            if let hash { ticket?.issue(login: login, hash: hash, now: Date()) }
            return signedIn
        }
        let now = Date()
        let policy = LockoutPolicy(maximumFailures: try number(.lockAfterFailures), lockSeconds: try number(.lockSeconds))
        let outcome: Result<SignedIn, Error> = try writeSignIn(actor: account == nil ? "?" : login) { db, trail in
            guard let account, let id = account[0] as Int64?, let roleText = account[3] as String?,
                  let role = Role(rawValue: roleText), let name = account[2] as String? else {
                trail.record("sign-in-failed", "operator", "?", "unknown login, \(place.kind.rawValue)")
                return .failure(SignInRefused())
            }
            var failures: Int = account[6] ?? 0
            if let until = account[7] as Int64? {
                if until > now.stored {
                    trail.record("sign-in-refused", "operator", login, "account locked, \(place.kind.rawValue)")
                    return .failure(SignInRefused())
                }
                failures = 0
                try db.execute(sql: "UPDATE operator SET locked_until = NULL, failed_sign_ins = 0 WHERE id = ?", arguments: [id])
                trail.record("unlock", "operator", login, "the lock ended")
            }
            if (account[5] as Int64?) != 0 {
                trail.record("sign-in-refused", "operator", login, "account disabled, \(place.kind.rawValue)")
                return .failure(SignInRefused())
            }
            guard hash != nil, matches else {
                failures += 1
                trail.record("sign-in-failed", "operator", login,
                             "wrong password (\(failures) of \(policy.maximumFailures)), \(place.kind.rawValue)")
                if failures >= policy.maximumFailures {
                    try db.execute(sql: "UPDATE operator SET failed_sign_ins = 0, locked_until = ? WHERE id = ?",
                                   arguments: [now.stored + Int64(policy.lockSeconds), id])
                    trail.record("lock", "operator", login, "\(failures) failed sign-ins: locked for \(policy.lockSeconds) s")
                } else {
                    try db.execute(sql: "UPDATE operator SET failed_sign_ins = ? WHERE id = ?", arguments: [failures, id])
                }
                return .failure(SignInRefused())
            }
            try db.execute(sql: "UPDATE operator SET failed_sign_ins = 0 WHERE id = ?", arguments: [id])
            let person = try Operator(id: id, login: login, displayName: name, role: role)
            var sessionID: Int64?
            if place.kind != .command {
                try Store.closeStaleSessions(now: now, trail: &trail, in: db)
                if place.kind == .console, let open = try Store.openSession(of: id, kind: .console, in: db) {
                    guard takeOver else {
                        trail.record("sign-in-refused", "operator", login, "already signed in, session \(open.id)")
                        return .failure(AlreadySignedIn(login: login, place: open.place, since: open.since))
                    }
                    try Store.endSession(open.id, reason: "taken over", at: now, in: db)
                    trail.record("sign-out", "session", "\(open.id)", "taken over by a new console")
                }
                try db.execute(sql: """
                    INSERT INTO session (operator_id, kind, started_at, heartbeat, terminal, ssh_client, host, pid)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, place.kind.rawValue, now.stored, now.stored, place.terminal, place.sshClient,
                                     place.host, place.pid])
                sessionID = db.lastInsertedRowID
            }
            let from = place.sshClient.isEmpty ? "" : " from \(place.sshClient)"
            trail.record("sign-in", sessionID.map { _ in "session" } ?? "operator", sessionID.map { "\($0)" } ?? login,
                         "\(place.command) on \(place.terminal.isEmpty ? "no terminal" : place.terminal)\(from), pid \(place.pid)")
            return .success(SignedIn(person: person, identity: Identity(login, session: sessionID)))
        }
        let signedIn = try outcome.get()
        if let hash { ticket?.issue(login: login, hash: hash, now: Date()) }
        if signedIn.sessionID != nil { remember(session: signedIn.sessionID, of: login) }
        return signedIn
    }

    /// A command's sign-in with the right password, on an account with nothing to reset (no
    /// failure counted, no lock, not disabled): it changes nothing, so it writes nothing (a
    /// command that only reads leaves the database as it was; what it reads of people's
    /// data is audited as it reads). Nil when the sign-in has something to record.
    private static func unchangedSignIn(_ account: Row?) throws -> SignedIn? {
        guard let account, let id = account[0] as Int64?, let login = account[1] as String?,
              let name = account[2] as String?, let roleText = account[3] as String?, let role = Role(rawValue: roleText),
              (account[4] as String?) != nil, (account[5] as Int64?) == 0, (account[6] as Int64?) == 0,
              account[7] as Int64? == nil else { return nil }
        return SignedIn(person: try Operator(id: id, login: login, displayName: name, role: role), identity: Identity(login))
    }

    /// The sign-in's record, written whatever the outcome, under the login being tried (or
    /// `?` for an unknown one) and with the session once there is one.
    private func writeSignIn(actor: String, _ body: (Database, inout AuditTrail) throws -> Result<SignedIn, Error>) throws
        -> Result<SignedIn, Error> {
        try write(by: .systemActor(actor, may: []), needs: nil) { db, trail in
            try body(db, &trail)
        }
    }

    /// A hash to check unknown logins against, so they take as long as known ones.
    static let decoyHash: String = (try? Sodium.passwordHash(Sodium.randomHex(bytes: 16))) ?? ""

    /// Checks a signed-in person's password again (the idle lock), counting failures as a
    /// sign-in does: five wrong ones lock the account and end the session.
    public func confirmPassword(_ password: String, for signedIn: SignedIn) throws -> Bool {
        do {
            let place = SignInPlace(kind: .command, command: "unlock screen")
            _ = try signIn(login: signedIn.person.login, password: password, at: place)
            try write(by: signedIn.identity) { _, trail in trail.record("unlock-screen", "session", "\(signedIn.sessionID ?? 0)") }
            return true
        } catch is SignInRefused {
            return false
        }
    }

    // MARK: - Sessions

    struct OpenSession {
        let id: Int64
        let place: String
        let since: Date
    }

    static func openSession(of operatorID: Int64, kind: SignInPlace.Kind, in db: Database) throws -> OpenSession? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, terminal, ssh_client, host, pid, started_at FROM session
            WHERE ended_at IS NULL AND operator_id = ? AND kind = ? ORDER BY id DESC LIMIT 1
            """, arguments: [operatorID, kind.rawValue]) else { return nil }
        let terminal: String = row[1] ?? ""
        let ssh: String = row[2] ?? ""
        let pid: Int64 = row[4] ?? 0
        let place = [terminal.isEmpty ? nil : terminal, ssh.isEmpty ? nil : "from \(ssh)", "pid \(pid)"]
            .compactMap { $0 }.joined(separator: ", ")
        return OpenSession(id: row[0] ?? 0, place: place, since: Date(stored: row[5] ?? 0))
    }

    static func endSession(_ id: Int64, reason: String, at now: Date, in db: Database) throws {
        try db.execute(sql: "UPDATE session SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
                       arguments: [now.stored, reason, id])
    }

    /// Sessions whose heartbeat stopped (a console killed, a terminal lost) are closed by the
    /// next console or wallboard that notices, and their operator shown offline.
    static func closeStaleSessions(now: Date, trail: inout AuditTrail, in db: Database) throws {
        let stale = try Row.fetchAll(db, sql: "SELECT id, operator_id FROM session WHERE ended_at IS NULL AND heartbeat < ?",
                                     arguments: [now.stored - Int64(sessionStaleSeconds)])
        for row in stale {
            guard let id = row[0] as Int64?, let operatorID = row[1] as Int64? else { continue }
            try endSession(id, reason: "heartbeat stopped", at: now, in: db)
            trail.record("session-lost", "session", "\(id)", "no heartbeat for \(Int(sessionStaleSeconds)) s")
            let stillOpen = try Bool.fetchOne(db, sql: "SELECT 1 FROM session WHERE ended_at IS NULL AND operator_id = ?",
                                              arguments: [operatorID]) ?? false
            if !stillOpen {
                try db.execute(sql: """
                    UPDATE operator_presence SET state = 'offline', since = ?, heartbeat = ?
                    WHERE operator_id = ? AND state IN ('available', 'paused')
                    """, arguments: [now.stored, now.stored, operatorID])
            }
        }
    }

    /// Closes the sessions of processes on this host that no longer exist (a console killed
    /// with SIGKILL), at once rather than after the heartbeat's delay. `isAlive` asks the system.
    public func closeDeadSessions(host: String, isAlive: (Int32) -> Bool) throws {
        let open = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, pid FROM session WHERE ended_at IS NULL AND host = ?", arguments: [host])
        }
        let dead = open.compactMap { row -> Int64? in
            guard let id = row[0] as Int64?, let pid = row[1] as Int64?, pid > 0 else { return nil }
            return isAlive(Int32(truncatingIfNeeded: pid)) ? nil : id
        }
        guard !dead.isEmpty else { return }
        let now = Date()
        try write(by: .systemActor("sessions", may: []), needs: nil) { db, trail in
            for id in dead {
                try Store.endSession(id, reason: "process gone", at: now, in: db)
                trail.record("session-lost", "session", "\(id)", "its process is gone")
            }
            // Their operators show offline unless another session of theirs is open.
            try db.execute(sql: """
                UPDATE operator_presence SET state = 'offline', since = ?, heartbeat = ?
                WHERE state IN ('available', 'paused')
                  AND operator_id NOT IN (SELECT operator_id FROM session WHERE ended_at IS NULL)
                """, arguments: [now.stored, now.stored])
        }
    }

    /// Closes sessions whose terminal died; a console and a wallboard call it as they poll.
    public func closeStaleSessions() throws {
        let now = Date()
        let anyStale = try read {
            try Bool.fetchOne($0, sql: "SELECT 1 FROM session WHERE ended_at IS NULL AND heartbeat < ? LIMIT 1",
                              arguments: [now.stored - Int64(Store.sessionStaleSeconds)]) ?? false
        }
        guard anyStale else { return }
        try write(by: .systemActor("sessions", may: []), needs: nil) { db, trail in
            try Store.closeStaleSessions(now: now, trail: &trail, in: db)
            if trail.entries.isEmpty { trail.record("session-check", "session", "-") }
        }
    }

    /// The session says it is alive; returns false when it was ended elsewhere (taken over,
    /// closed as stale, the account disabled), so the console can stop.
    public func heartbeat(session id: Int64) throws -> Bool {
        var alive = false
        try writeBookkeeping { db in
            try db.execute(sql: "UPDATE session SET heartbeat = ? WHERE id = ? AND ended_at IS NULL",
                           arguments: [Date().stored, id])
            alive = db.changesCount == 1
        }
        return alive
    }

    /// The console or wallboard closes: its session ends, audited.
    public func signOut(_ signedIn: SignedIn, reason: String = "signed out") throws {
        guard let id = signedIn.sessionID else { return }
        try write(by: signedIn.identity, needs: nil) { db, trail in
            try Store.endSession(id, reason: reason, at: Date(), in: db)
            trail.record("sign-out", "session", "\(id)", reason)
        }
    }

    /// The screen locked after idling: audited, the session stays.
    public func recordIdleLock(_ signedIn: SignedIn) throws {
        try write(by: signedIn.identity, needs: nil) { _, trail in
            trail.record("idle-lock", "session", "\(signedIn.sessionID ?? 0)")
        }
    }

    /// Who is signed in now, for the wallboard: open sessions, oldest first.
    public func signedInSessions() throws -> [SessionSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT session.id, operator.login, operator.display_name, session.kind, session.started_at,
                       session.heartbeat, session.terminal, session.ssh_client, session.pid
                FROM session JOIN operator ON operator.id = session.operator_id
                WHERE session.ended_at IS NULL ORDER BY session.started_at, session.id
                """).map { row in
                SessionSummary(id: row[0] ?? 0, login: row[1] ?? "?", name: row[2] ?? "?", kind: row[3] ?? "?",
                               since: Date(stored: row[4] ?? 0), heartbeat: Date(stored: row[5] ?? 0),
                               terminal: row[6] ?? "", sshClient: row[7] ?? "", pid: Int32(truncatingIfNeeded: (row[8] as Int64?) ?? 0))
            }
        }
    }
}

/// One open session, as the wallboard lists it.
public struct SessionSummary: Equatable, Sendable {
    public let id: Int64
    public let login: String
    public let name: String
    public let kind: String
    public let since: Date
    public let heartbeat: Date
    public let terminal: String
    public let sshClient: String
    public let pid: Int32

    /// Where from: the SSH client's address, or the terminal on this machine.
    public var place: String { sshClient.isEmpty ? (terminal.isEmpty ? "local" : terminal) : sshClient }
}
