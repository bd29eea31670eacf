import Foundation
import Testing
import TestSupport

/// Signing in at the real console in tmux: the sign-in screen, the idle lock, a killed
/// console's session, and the team deployment over a real sshd.
@Suite("Signing in at the console", .serialized)
struct SignInEndToEndTests {
    static func freshDemo() throws -> String {
        let path = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let made = try Binaries.run(Binaries.secretary, ["init", "--demo", "--db", path, "--clock-start", Tmux.clock])
        #expect(made.status == 0, "\(made.stderr)")
        return path
    }

    /// The line the shell prints once the program has ended (not the command typed).
    static func exitLine(in screen: String) -> String? {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("exit=") }
    }

    static func sql(_ db: String, _ query: String) throws -> String {
        try Binaries.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 5000", db, query]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func threeWrongPasswordsEndTheConsoleAndGiveTheTerminalBack() throws {
        let db = try Self.freshDemo()
        let shell = try Tmux(shellWidth: 120, height: 40)
        try shell.type("\(Binaries.secretary) console --operator claire --db \(db); echo \"exit=$?\"")
        try shell.send("Enter")
        for attempt in 1...3 {
            let form = try shell.waitFor(timeout: 15) { $0.contains("Password:") && !$0.contains("Checking") }
            #expect(form.contains("Sign in"), "\(form)")
            if attempt > 1 { #expect(form.contains("Refused: wrong login or password"), "\(form)") }
            try shell.type("wrong-password-\(attempt)")
            try shell.send("Enter")
            Thread.sleep(forTimeInterval: 0.3)
        }
        let after = try shell.waitFor(timeout: 20) { Self.exitLine(in: $0) != nil }
        #expect(Self.exitLine(in: after) == "exit=1", "\(after)")
        #expect(after.contains("sign-in refused 3 times"), "\(after)")
        #expect(!after.contains("wrong-password"), "a password was echoed: \(after)")
        #expect(try Self.sql(db, "SELECT count(*) FROM audit WHERE action = 'sign-in-failed' AND actor = 'claire'") == "3")
    }

    @Test func theIdleLockHidesEveryPaneUntilThePasswordIsTyped() throws {
        let db = try Self.freshDemo()
        #expect(try Binaries.run(Binaries.secretary, ["settings", "idle-lock-seconds", "2", "--db", db]).status == 0)
        let tmux = try Tmux.secretary("console --operator claire", db: db)
        let open = try tmux.waitFor { $0.contains("1 Call queue") }
        #expect(open.contains("Marie Lefèvre"), "\(open)")
        let locked = try tmux.waitFor(timeout: 10) { $0.contains("Screen locked") }
        #expect(locked.contains("Screen locked"), "\(locked)")
        for pane in ["Call queue", "Caller", "Instructions", "Agenda", "Marie", "Cabinet"] {
            #expect(!locked.contains(pane), "\(pane) shows while locked: \(locked)")
        }
        try tmux.type("not-the-password")
        try tmux.send("Enter")
        let refused = try tmux.waitFor(timeout: 15) { $0.contains("Refused") }
        #expect(refused.contains("Screen locked") && !refused.contains("Call queue"), "\(refused)")
        try tmux.type(Binaries.demoPassword)
        try tmux.send("Enter")
        let back = try tmux.waitFor(timeout: 15) { $0.contains("1 Call queue") }
        #expect(back.contains("1 Call queue") && back.contains("4 Agenda"), "\(back)")
        #expect(try Self.sql(db, "SELECT group_concat(action, ',') FROM (SELECT action FROM audit WHERE action IN ('idle-lock', 'unlock-screen') ORDER BY id)")
            .hasPrefix("idle-lock,unlock-screen"))
    }

    @Test func aConsoleKilledWithSIGKILLHasItsSessionClosedByTheNextConsole() throws {
        let db = try Self.freshDemo()
        let first = try Tmux.secretary("console --operator claire", db: db)
        try first.waitFor { $0.contains("1 Call queue") }
        #expect(try Self.sql(db, "SELECT count(*) FROM session WHERE ended_at IS NULL") == "1")
        let pid = try Self.sql(db, "SELECT pid FROM session WHERE ended_at IS NULL")
        kill(Int32(pid) ?? 0, SIGKILL)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try Self.sql(db, "SELECT count(*) FROM session WHERE ended_at IS NULL") == "1", "nobody noticed yet")
        // The same operator opens a console again: not refused as "already signed in".
        let second = try Tmux.secretary("console --operator claire", db: db)
        let screen = try second.waitFor { $0.contains("1 Call queue") }
        #expect(screen.contains("1 Call queue"), "\(screen)")
        #expect(try Self.sql(db, "SELECT end_reason FROM session WHERE pid = \(pid)") == "process gone")
        #expect(try Self.sql(db, "SELECT count(*) FROM session WHERE ended_at IS NULL") == "1")
    }

    @Test func aSecondConsoleForTheSameLoginIsRefused() throws {
        let db = try Self.freshDemo()
        let first = try Tmux.secretary("console --operator claire", db: db)
        try first.waitFor { $0.contains("1 Call queue") }
        let shell = try Tmux(shellWidth: 120, height: 40)
        try shell.type("\(Binaries.secretary) console --operator claire --db \(db) --clock-start \(Tmux.clock); echo \"exit=$?\"")
        try shell.send("Enter")
        try shell.signIn()
        let after = try shell.waitFor(timeout: 15) { Self.exitLine(in: $0) != nil }
        #expect(after.contains("claire is already signed in") && Self.exitLine(in: after) == "exit=1", "\(after)")
    }

    /// The README's "Running it for a team": operators reach their console over SSH with a
    /// forced command; the audit names the operator and the SSH client's address.
    @Test func overSSHTheConsoleSignsInAndTheAuditNamesTheOperatorAndTheAddress() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd"), getuid() == 0 else {
            Issue.record("this test needs openssh-server and root (scripts/test installs it)")
            return
        }
        let db = try Self.freshDemo()
        let server = try SSHServer(forcedCommand:
            "env LANG=C.UTF-8 SECRETARY_DB=\(db) \(Binaries.secretary) console --operator claire --clock-start \(Tmux.clock)")
        let tmux = try Tmux(server.clientCommand, width: 120, height: 40, environment: ["LANG": "C.UTF-8"])
        try tmux.signIn()
        try tmux.waitFor(timeout: 15) { $0.contains("1 Call queue (") }
        try tmux.send("a")
        let answered = try tmux.waitFor(timeout: 15) { $0.contains("► ON CALL") }
        #expect(answered.contains("► ON CALL"), "\(answered)")
        let answer = try Self.sql(db, """
            SELECT audit.actor || '|' || session.ssh_client FROM audit JOIN session ON session.id = audit.session_id
            WHERE audit.action = 'answer'
            """)
        #expect(answer == "claire|127.0.0.1", "\(answer)")
        #expect(try Self.sql(db, "SELECT count(*) FROM audit WHERE action = 'sign-in' AND actor = 'claire' AND details LIKE '%from 127.0.0.1%'") == "1")
        _ = server
    }
}
