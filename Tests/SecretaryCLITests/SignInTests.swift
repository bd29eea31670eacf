import Foundation
import Testing
import TestSupport

/// Signing in on the command line: passwords, the lock, roles, the audit log and its chain.
@Suite("Signing in and roles", .serialized)
struct SignInTests {
    static func freshDemo() throws -> String {
        let path = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let made = try secretary(["init", "--demo", "--clock-start", "2026-11-23T10:00"], db: path)
        #expect(made.status == 0, "\(made.stderr)")
        return path
    }

    static func sql(_ db: String, _ query: String) throws -> String {
        try Binaries.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 5000", db, query]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func signedIn(_ login: String, password: String) -> [String: String] {
        ["SECRETARY_OPERATOR": login, "SECRETARY_PASSWORD_FILE": Binaries.passwordFile(password)]
    }

    @Test func aWrongPasswordIsRefusedWithoutSayingWhetherTheLoginExistsAndIsAudited() throws {
        let db = try Self.freshDemo()
        let wrong = try secretary(["clients"], db: db, environment: signedIn("claire", password: "not-her-password"))
        let unknown = try secretary(["clients"], db: db, environment: signedIn("nobody", password: "not-her-password"))
        #expect(wrong.status != 0 && unknown.status != 0)
        #expect(wrong.stderr == unknown.stderr, "the same sentence for both: \(wrong.stderr) / \(unknown.stderr)")
        #expect(wrong.stdout.isEmpty)
        #expect(try Self.sql(db, "SELECT actor || ' ' || action FROM audit WHERE action LIKE 'sign-in%' ORDER BY id")
            == "claire sign-in-failed\n? sign-in-failed")
    }

    @Test func fiveFailuresLockTheAccountUntilTheLockEnds() throws {
        let db = try Self.freshDemo()
        #expect(try secretary(["settings", "lock-seconds", "3"], db: db).status == 0)
        for _ in 1...5 {
            #expect(try secretary(["clients"], db: db, environment: signedIn("julien", password: "guessing-again")).status != 0)
        }
        // The right password no longer opens while locked...
        let locked = try secretary(["clients"], db: db, environment: Binaries.signedInAs("julien"))
        #expect(locked.status != 0, "locked: \(locked.stdout)")
        #expect(try Self.sql(db, "SELECT count(*) FROM audit WHERE action = 'lock' AND object_id = 'julien'") == "1")
        // ...and opens again once the lock has run out; the end of the lock is audited.
        Thread.sleep(forTimeInterval: 3.5)
        let after = try secretary(["clients"], db: db, environment: Binaries.signedInAs("julien"))
        #expect(after.status == 0, "\(after.stderr)")
        #expect(try Self.sql(db, "SELECT count(*) FROM audit WHERE action = 'unlock' AND object_id = 'julien'") == "1")
    }

    @Test func anOperatorIsRefusedWhatNeedsAnotherRoleAndNothingIsWritten() throws {
        let db = try Self.freshDemo()
        let clientFile = Binaries.temporaryFolder().appendingPathComponent("dr-new.client").path
        let exported = try secretary(["client", "export", "dr-martin"], db: db)
        try exported.stdout.replacingOccurrences(of: "id: dr-martin", with: "id: dr-new")
            .replacingOccurrences(of: "line: 01 42 68 10 01", with: "line: 01 42 68 10 99")
            .write(toFile: clientFile, atomically: true, encoding: .utf8)
        let before = (try Self.sql(db, "SELECT count(*) FROM client"), try Self.sql(db, "SELECT count(*) FROM operator"))
        let claire = Binaries.signedInAs("claire")
        let refusals = [
            (["supervisor", "--once"], "the wallboard needs the role supervisor or above"),
            (["client", "import", clientFile], "needs the role admin or above"),
            (["operators", "add", "newbie", "--name", "New", "--role", "operator", "--password-stdin"], "needs the role admin or above"),
            (["audit"], "needs the role supervisor or above"),
        ]
        for (arguments, message) in refusals {
            let result = try Binaries.run(Binaries.secretary, arguments + ["--db", db], environment: claire,
                                          input: "a-long-new-password\n")
            #expect(result.status != 0, "\(arguments) was allowed")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect((try Self.sql(db, "SELECT count(*) FROM client"), try Self.sql(db, "SELECT count(*) FROM operator")) == before)
        #expect(try Self.sql(db, "SELECT count(*) FROM audit WHERE action = 'refused' AND actor = 'claire'") == "4")

        // The same actions as the table allows them: the wallboard and the audit to a supervisor,
        // the rest to an administrator.
        #expect(try secretary(["supervisor", "--once"], db: db, environment: Binaries.signedInAs("sophie")).status == 0)
        #expect(try secretary(["audit"], db: db, environment: Binaries.signedInAs("sophie")).status == 0)
        let imported = try secretary(["client", "import", clientFile], db: db)
        #expect(imported.status == 0, "\(imported.stderr)")
        let added = try Binaries.run(Binaries.secretary, ["operators", "add", "newbie", "--name", "New", "--role", "operator",
                                                          "--password-stdin", "--db", db], input: "a-long-new-password\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try secretary(["clients"], db: db, environment: signedIn("newbie", password: "a-long-new-password")).status == 0)
    }

    @Test func weakPasswordsAreRefusedWithTheReason() throws {
        let db = try Self.freshDemo()
        for (password, reason) in [("short1", "at least 10 characters"), ("newbie-newbie", "may not contain the login"),
                                   ("motdepasse123", "among the most common")] {
            let result = try Binaries.run(Binaries.secretary, ["operators", "add", "newbie", "--name", "New", "--role",
                                                               "operator", "--password-stdin", "--db", db],
                                          input: password + "\n")
            #expect(result.status != 0)
            #expect(result.stderr.contains(reason), "\(password): \(result.stderr)")
        }
    }

    @Test func aPasswordIsNeverInTheDatabaseFileNorInTheAuditLog() throws {
        let db = try Self.freshDemo()
        let password = "Unmistakable-Passphrase-4711"
        let added = try Binaries.run(Binaries.secretary, ["operators", "add", "newbie", "--name", "New", "--role", "operator",
                                                          "--password-stdin", "--db", db], input: password + "\n")
        #expect(added.status == 0, "\(added.stderr)")
        _ = try secretary(["clients"], db: db, environment: signedIn("newbie", password: password))
        _ = try secretary(["clients"], db: db, environment: signedIn("newbie", password: password + "-wrong"))
        _ = try Binaries.run("/usr/bin/env", ["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE)"])
        for file in [db, db + "-wal"] {
            let bytes = FileManager.default.contents(atPath: file) ?? Data()
            #expect(bytes.range(of: Data(password.utf8)) == nil, "the password is in \(file)")
        }
        #expect(try Self.sql(db, "SELECT password_hash FROM operator WHERE login = 'newbie'").hasPrefix("$argon2id$"))
    }

    @Test func aPasswordFileReadableByOthersIsRefused() throws {
        let file = Binaries.passwordFile(Binaries.demoPassword)
        chmod(file, 0o644)
        let result = try secretary(["clients"], db: CommandLineTests.demo,
                                   environment: ["SECRETARY_OPERATOR": "admin", "SECRETARY_PASSWORD_FILE": file])
        #expect(result.status != 0)
        #expect(result.stderr.contains("make it mode 0600"), "\(result.stderr)")
    }

    @Test func theTrainingClockIsRefusedOnARealDatabase() throws {
        let db = Binaries.temporaryFolder().appendingPathComponent("real.sqlite").path
        let made = try Binaries.run(Binaries.secretary, ["init", "--db", db, "--admin", "admin", "--password-stdin"],
                                    input: Binaries.demoPassword + "\n")
        #expect(made.status == 0, "\(made.stderr)")
        let result = try secretary(["clients", "--clock-start", "2019-03-04T10:00"], db: db)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--clock-start is for training"), "\(result.stderr)")
        // On a demo database the audit keeps the real time beside the training time.
        let demo = try Self.freshDemo()
        // (A write: `clients` writes nothing at all, and a read's entry waits in the access
        // journal, with both times too: see AccessJournalTests.)
        let add = try secretary(["messages", "add", "--client", "dr-martin", "--from-name", "Jean Test", "--phone", "06 11 22 33 44",
                                 "--text", "Rappeler", "--clock-start", "2019-03-04T10:00"], db: demo)
        #expect(add.status == 0, "\(add.stderr)")
        let times = try Self.sql(demo, "SELECT at, training_at FROM audit ORDER BY id DESC LIMIT 1").split(separator: "|")
        let now = Date().timeIntervalSince1970
        #expect(times.count == 2 && abs((Double(times[0]) ?? 0) - now) < 120, "\(times)")
        #expect(times.count == 2 && times[1].hasPrefix("155"), "training time of 2019: \(times)")
    }

    @Test func auditVerifyFindsAnEditedADeletedAndAnInsertedEntry() throws {
        let db = try Self.freshDemo()
        // Entries to tamper with (a read-only command like `clients` writes none).
        for index in 1...4 {
            let add = try secretary(["messages", "add", "--client", "dr-martin", "--from-name", "Jean Test", "--phone",
                                     "06 11 22 33 44", "--text", "Rappeler \(index)"], db: db)
            #expect(add.status == 0, "\(add.stderr)")
        }
        let clean = try secretary(["audit", "verify"], db: db)
        #expect(clean.status == 0 && clean.stdout.contains("intact"), "\(clean.stdout)\(clean.stderr)")
        // The log refuses changes outright...
        let blocked = try Binaries.run("/usr/bin/env", ["sqlite3", db, "UPDATE audit SET details = 'x' WHERE id = 3"])
        #expect(blocked.stderr.contains("append-only"), "\(blocked.stderr)")
        // ...so tampering means dropping the triggers first; verify still names the entry.
        let cases = [
            ("UPDATE audit SET details = 'nothing to see' WHERE id = 3", "audit entry 3: its content was changed"),
            ("DELETE FROM audit WHERE id = 3", "audit entry 4: entries 3–3 before it are missing"),
            ("UPDATE audit SET id = id + 1000 WHERE id >= 3; UPDATE audit SET id = id - 999 WHERE id >= 1003; "
                + "INSERT INTO audit (id, at, actor, action, object_type, object_id, details, prev_hash, hash) "
                + "SELECT 3, at, 'mallory', 'view', 'contact', '1', '', hash, hash FROM audit WHERE id = 2",
             "audit entry 3: its content was changed"),
        ]
        for (tamper, expected) in cases {
            let copy = Binaries.temporaryFolder().appendingPathComponent("copy.sqlite").path
            _ = try Binaries.run("/usr/bin/env", ["sqlite3", db, ".backup \(copy)"])
            let done = try Binaries.run("/usr/bin/env", ["sqlite3", copy,
                "DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete; \(tamper)"])
            #expect(done.status == 0, "\(done.stderr)")
            let result = try secretary(["audit", "verify"], db: copy)
            #expect(result.status != 0, "tampering unseen: \(tamper)")
            #expect(result.stderr.contains(expected), "\(tamper): \(result.stderr)")
        }
    }

    /// Issue 13, point 6: the demo's clock is recorded in its database, so a process opened
    /// without `--clock-start` (a second console, the wallboard) shows the same time and waits.
    @Test func theDemoClockIsSharedByEveryProcessOnTheDatabase() throws {
        let db = try Self.freshDemo()
        let result = try secretary(["supervisor", "--once"], db: db, environment: Binaries.signedInAs("sophie"))
        #expect(result.status == 0, "\(result.stderr)")
        let first = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        // Seeded at Monday 10:00 a few seconds ago: the same morning, not today's real time.
        #expect(first.hasPrefix("Supervisor: 2026-11-23 at 10:0"), "\(first)")
    }
}
