import Foundation
import Testing
import TestSupport

/// Damaged, foreign, newer, half-made and locked databases (issue 19, points 1–8): each is
/// refused with one line, touched by nothing, and no command waits past its limit.
@Suite("Hardening: databases", .serialized)
struct HardeningDatabaseTests {
    func demo() throws -> String {
        let path = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let result = try secretary(["init", "--demo", "--clock-start", "2026-11-23T10:00"], db: path)
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    @discardableResult
    func sql(_ db: String, _ statements: String) throws -> Binaries.Result {
        let result = try Binaries.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 10000", db, statements])
        #expect(result.status == 0, "sqlite3: \(result.stderr)")
        return result
    }

    func lines(_ text: String) -> [Substring] { text.split(separator: "\n") }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    // 1. A damaged row: one line naming table, id and column; never the row; the others list.
    @Test func aDamagedCallIsNamedWithoutItsContentAndTheOthersList() throws {
        let db = try demo()
        let id = try sql(db, "SELECT min(id) FROM call WHERE from_number IS NOT NULL").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let number = try sql(db, "SELECT from_number FROM call WHERE id = \(id)").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let total = try sql(db, "SELECT count(*) FROM call").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try sql(db, "UPDATE call SET arrived_at = 'x' WHERE id = \(id)")
        let result = try secretary(["calls", "--json", "--limit", "100000"], db: db)
        #expect(result.status == 1, "status \(result.status): \(result.stderr.prefix(400))")
        #expect(lines(result.stderr).count == 1, "\(result.stderr.prefix(400))")
        #expect(result.stderr.contains("call \(id)") && result.stderr.contains("arrived_at"), "\(result.stderr.prefix(400))")
        #expect(!result.stderr.contains(number) && !result.stderr.contains(String(number.suffix(8))))
        let listed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(listed?.count == (Int(total) ?? 0) - 1)
    }

    @Test func aDamagedOrRenamedMessageColumnIsOneLineWithoutTheText() throws {
        let db = try demo()
        let body = try sql(db, "SELECT body FROM message ORDER BY id LIMIT 1").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try sql(db, "UPDATE message SET created_at = 'x' WHERE id = (SELECT min(id) FROM message)")
        let damaged = try secretary(["messages"], db: db)
        #expect(damaged.status == 1, "status \(damaged.status): \(damaged.stderr.prefix(400))")
        #expect(lines(damaged.stderr).count == 1 && damaged.stderr.contains("created_at"), "\(damaged.stderr.prefix(400))")
        #expect(!damaged.stderr.contains(body))

        try sql(db, "ALTER TABLE message RENAME COLUMN body TO body_old")
        let renamed = try secretary(["messages"], db: db)
        #expect(renamed.status == 1, "status \(renamed.status): \(renamed.stderr.prefix(400))")
        #expect(lines(renamed.stderr).count == 1 && renamed.stderr.contains("body"), "\(renamed.stderr.prefix(400))")
        #expect(!renamed.stderr.contains(body))
    }

    // 2. A newer schema is refused, for reading and for writing.
    @Test func aDatabaseFromANewerSecretaryIsRefused() throws {
        let db = try demo()
        try sql(db, "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        let before = try contents(db)
        for arguments in [["clients"], ["messages", "add", "--client", "dr-martin", "--from-name", "Jean Test",
                                        "--phone", "06 11 22 33 44", "--text", "Rappeler"]] {
            let result = try secretary(arguments, db: db)
            #expect(result.status == 1)
            #expect(result.stderr.contains("made by a newer secretary") && result.stderr.contains("upgrade secretary"),
                    "\(result.stderr)")
        }
        #expect(try contents(db) == before)
    }

    // 3. Another application's SQLite file is never given our schema.
    @Test func anotherApplicationsDatabaseIsLeftUntouched() throws {
        let folder = Binaries.temporaryFolder()
        let foo = folder.appendingPathComponent("foo.sqlite").path
        try sql(foo, "CREATE TABLE foo (x); INSERT INTO foo VALUES (1)")
        let conflicting = folder.appendingPathComponent("other.sqlite").path
        try sql(conflicting, "CREATE TABLE client (x); INSERT INTO client VALUES (1)")
        for path in [foo, conflicting] {
            let before = bytes(path)
            for arguments in [["clients"], ["init"], ["init", "--demo"], ["operators", "add", "nadia", "--name", "Nadia",
                                                                           "--role", "operator"]] {
                let result = try secretary(arguments, db: path)
                #expect(result.status == 1, "\(arguments): \(result.stdout)")
                #expect(result.stderr.contains("not a secretary database"), "\(arguments): \(result.stderr)")
                #expect(bytes(path) == before, "\(arguments) changed \(path)")
            }
        }
    }

    // 4. Only init, demo and generate create a file or a folder.
    @Test func readAndWriteCommandsCreateNoFileAndNoFolder() throws {
        let folder = Binaries.temporaryFolder()
        let deep = folder.appendingPathComponent("newdir/sub/x.sqlite").path
        for arguments in [["clients"], ["operators", "add", "nadia", "--name", "Nadia", "--role", "operator"]] {
            let result = try secretary(arguments, db: deep)
            #expect(result.status == 1)
            #expect(result.stderr.contains("no database at") && result.stderr.contains("secretary init"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("newdir").path))

        try? FileManager.default.removeItem(atPath: "/dev/null-journal")
        let null = try secretary(["clients"], db: "/dev/null")
        #expect(null.status == 1, "\(null.stdout)")
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal"))
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-wal"))

        let uri = "file:\(folder.path)/u.sqlite?mode=rwc"
        let result = try secretary(["clients"], db: uri)
        #expect(result.status == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left.isEmpty, "left: \(left)")
        // SQLite read the URI's text as a relative path: junk in the current folder.
        #expect(!FileManager.default.fileExists(atPath: "file:\(folder.path)"))
    }

    @Test func initCreatesTheFileAndItsFolder() throws {
        let deep = Binaries.temporaryFolder().appendingPathComponent("new/x.sqlite").path
        let result = try Binaries.run(Binaries.secretary, ["init", "--db", deep, "--admin", "admin", "--password-stdin"],
                                      input: Binaries.demoPassword + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try secretary(["clients"], db: deep).status == 0)
    }

    // 5. An interrupted generate leaves a file that says so.
    @Test func anInterruptedGenerateIsRefusedWithTheReason() throws {
        let db = Binaries.temporaryFolder().appendingPathComponent("big.sqlite").path
        let generate = try Binaries.start(Binaries.secretary, ["generate", "--db", db, "--clients", "20",
                                                               "--contacts", "400000", "--appointments", "0",
                                                               "--calls", "0", "--clock-start", "2026-11-23T10:00"])
        // Killed once its first rows are in (the file says it is incomplete), or after a minute.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let mark = try Binaries.run("/usr/bin/env", ["sqlite3", "-readonly", db, "PRAGMA user_version"]).stdout
            if mark.trimmingCharacters(in: .whitespacesAndNewlines) == "24256" { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        generate.send(SIGKILL)
        _ = generate.wait()
        let result = try secretary(["clients"], db: db)
        #expect(result.status == 1, "\(result.stdout.prefix(300))")
        #expect(result.stderr.contains("incomplete"), "\(result.stderr)")
    }

    // 6. A held write lock: readers answer at once (their sign-in and the audit of what they
    // read write nothing to the database); writers give up within their bound.
    @Test func aHeldWriteLockDelaysNoCommandPastItsLimit() throws {
        let db = try demo()
        let holder = try Binaries.start("/usr/bin/env", ["sqlite3", db, "BEGIN IMMEDIATE;",
                                                         "UPDATE operator SET display_name = display_name;",
                                                         ".shell exec sleep 40 </dev/null >/dev/null 2>&1", "COMMIT;"])
        defer { holder.send(SIGKILL); _ = holder.wait() }
        Thread.sleep(forTimeInterval: 0.5)
        for arguments in [["clients"], ["calls"], ["messages"], ["contacts", "find", "lefe", "--client", "dr-martin"],
                          ["contacts", "find", "06 12 34 56 78", "--client", "dr-martin"],
                          ["agenda", "--client", "dr-martin", "--week", "2026-W48"], ["audit", "--limit", "5"]] {
            let started = Date()
            let result = try secretary(arguments + ["--clock-start", "2026-11-23T10:00"], db: db)
            let seconds = Date().timeIntervalSince(started)
            #expect(result.status == 0, "\(arguments): \(result.status) \(result.stderr)")
            // The password's Argon2id is most of it; a wait for the lock would be 5 s.
            #expect(seconds < 2.5, "\(arguments) took \(seconds) s behind a writer")
        }
        let started = Date()
        let callIn = try secretary(["call-in", "--line", "01 42 68 10 01", "--from", "06 12 34 56 78",
                                    "--clock-start", "2026-11-23T10:00"], db: db)
        let seconds = Date().timeIntervalSince(started)
        #expect(callIn.status == 75, "status \(callIn.status): \(callIn.stderr)")
        #expect(lines(callIn.stderr).count == 1 && callIn.stderr.contains("busy"), "\(callIn.stderr)")
        #expect(seconds >= 4.5 && seconds < 7.5, "call-in gave up after \(seconds) s")

        let addStarted = Date()
        let add = try secretary(["messages", "add", "--client", "dr-martin", "--from-name", "Jean Test",
                                 "--phone", "06 11 22 33 44", "--text", "Rappeler"], db: db)
        let addSeconds = Date().timeIntervalSince(addStarted)
        #expect(add.status == 75 && add.stderr.contains("busy"), "status \(add.status): \(add.stderr)")
        #expect(addSeconds < 7.5, "messages add gave up after \(addSeconds) s")
    }

    /// Read commands write nothing to the database, not even their sign-in or the audit of
    /// what was read (that goes to the access journal beside it).
    @Test func readCommandsWriteNothingAtAll() throws {
        let db = try demo()
        func withoutAudit() throws -> String { try fullContents(db) }
        let before = try withoutAudit()
        for arguments in [["clients"], ["calls"], ["messages"], ["operators"], ["absence", "list", "--client", "dr-martin"],
                          ["contacts", "find", "06 12 34 56 78", "--client", "dr-martin"],
                          ["agenda", "--client", "dr-martin", "--week", "2026-W48"],
                          ["free-slots", "--client", "dr-martin", "--type", "consultation"],
                          ["client", "export", "dr-martin"], ["client", "history", "dr-martin"]] {
            let result = try secretary(arguments + ["--clock-start", "2026-11-23T10:00"], db: db)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(try withoutAudit() == before, "\(arguments) wrote to the database")
        }
    }

    // 7. Loose permissions are tightened, with a warning.
    @Test func looseDatabasePermissionsAreTightened() throws {
        let db = try demo()
        chmod(db, 0o644)
        let result = try secretary(["clients"], db: db)
        #expect(result.status == 0)
        #expect(result.stderr.contains("0644") && result.stderr.contains("0600"), "\(result.stderr)")
        for path in [db, db + "-wal", db + "-shm"] where FileManager.default.fileExists(atPath: path) {
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0
            #expect(mode == 0o600, "\(path) has mode \(String(mode, radix: 8))")
        }
        #expect(try secretary(["clients"], db: db).stderr.isEmpty)
    }

    // 8. The console checks for a terminal before touching the database.
    @Test func theConsoleWithoutATerminalWritesNothing() throws {
        let db = try demo()
        let before = try contents(db)
        let result = try secretary(["console", "--operator", "claire"], db: db)
        #expect(result.status == 1)
        #expect(result.stderr.contains("needs a terminal"), "\(result.stderr)")
        #expect(try contents(db) == before)
    }
}
