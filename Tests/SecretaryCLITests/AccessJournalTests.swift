import Foundation
import Testing
import TestSupport

/// A command that only reads leaves the database file's bytes as they were (issue 20), and
/// its read of personal data is still audited (issue 14): in the access journal beside the
/// database, moved into the audit log's chain by the next write, once.
@Suite("Reads leave the database as it was", .serialized)
struct AccessJournalTests {
    func demo() throws -> String {
        let path = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let result = try secretary(["init", "--demo", "--clock-start", "2026-11-23T10:00"], db: path)
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    func sql(_ db: String, _ query: String) throws -> String {
        try Binaries.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 10000", db, query]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func sha256(_ path: String) throws -> String {
        try Binaries.run("/usr/bin/env", ["sha256sum", path]).stdout.split(separator: " ").first.map(String.init) ?? "missing"
    }

    let find = ["contacts", "find", "06 12 34 56 78", "--client", "dr-martin", "--json"]

    func foundIDs(_ result: Binaries.Result) -> [Int] {
        ((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
    }

    func auditJSON(_ arguments: [String], _ db: String) throws -> [[String: Any]] {
        let result = try secretary(["audit", "--json"] + arguments, db: db)
        #expect(result.status == 0, "\(result.stderr)")
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    @Test func readOnlyCommandsLeaveTheFileBytesAsTheyWereAndTheReadIsStillAudited() throws {
        let db = try demo()
        #expect(try sql(db, "PRAGMA journal_mode") == "wal")
        // Nobody else has it open: no -wal file, the state a one-shot command meets at night.
        #expect(!FileManager.default.fileExists(atPath: db + "-wal"))
        var before = try sha256(db)
        let clients = try secretary(["clients"], db: db)
        #expect(clients.status == 0, "\(clients.stderr)")
        let alone = try secretary(find, db: db)
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(try sha256(db) == before, "a read-only command changed the database file")

        // As in service: another program keeps the database open and has written, so the WAL
        // holds frames; the read leaves the file and the WAL as they were.
        let holder = try Binaries.start("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 10000", db, "SELECT count(*) FROM client;",
                                                         ".shell exec sleep 15 </dev/null >/dev/null 2>&1"])
        defer { holder.send(SIGKILL); _ = holder.wait() }
        Thread.sleep(forTimeInterval: 0.3)
        let add = try secretary(["messages", "add", "--client", "dr-martin", "--from-name", "Jean Test", "--phone", "06 11 22 33 44",
                                 "--text", "Rappeler", "--clock-start", "2026-11-23T10:00"], db: db)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(((try FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0) > 0, "the WAL holds frames")
        before = try sha256(db)
        let walBefore = try sha256(db + "-wal")
        let clientsAgain = try secretary(["clients"], db: db)
        #expect(clientsAgain.status == 0, "\(clientsAgain.stderr)")
        let found = try secretary(find, db: db)
        #expect(found.status == 0, "\(found.stderr)")
        let (after, walAfter) = (try sha256(db), try sha256(db + "-wal"))
        #expect(after == before && walAfter == walBefore, "a read-only command wrote")

        // Both reads show in the audit log: the first moved into the table by the message's
        // write, the second pending until the next write.
        let contact = try #require(foundIDs(found).first)
        let views = try auditJSON(["--contact", "\(contact)"], db)
        #expect(views.count == 2, "both reads of the contact: \(views)")
        #expect(views.allSatisfy { $0["actor"] as? String == "admin" && $0["action"] as? String == "view" })
        #expect(views.first?["pending"] as? Bool == true && views.first?["id"] == nil, "newest first, pending: \(views)")
        #expect(views.last?["pending"] as? Bool == false && views.last?["id"] is Int, "\(views)")
        #expect(try sql(db, "SELECT count(*) FROM audit WHERE object_type = 'contact' AND object_id = '\(contact)'") == "1")
    }

    @Test func theNextWriteMovesTheJournalIntoTheChainOnceEvenAfterACrashBeforeEmptyingIt() throws {
        let db = try demo()
        let journal = db + "-access"
        let found = try secretary(find, db: db)
        #expect(found.status == 0, "\(found.stderr)")
        let contact = try #require(foundIDs(found).first)
        #expect(FileManager.default.fileExists(atPath: journal))
        let mode = (try FileManager.default.attributesOfItem(atPath: journal)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600, "the journal has mode \(String(mode, radix: 8))")
        let pending = try #require(FileManager.default.contents(atPath: journal))

        // A write by any process moves it in, with the read's own time, and empties the file.
        let add = try secretary(["messages", "add", "--client", "dr-martin", "--from-name", "Jean Test", "--phone", "06 11 22 33 44",
                                 "--text", "Rappeler", "--clock-start", "2026-11-23T10:00"], db: db)
        #expect(add.status == 0, "\(add.stderr)")
        let moved = "SELECT count(*) FROM audit WHERE action = 'view' AND object_type = 'contact' AND object_id = '\(contact)'"
        #expect(try sql(db, moved) == "1")
        #expect(((try FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? -1) == 0)
        // The read comes before the message in the chain, and keeps the training time beside the real one.
        #expect(try sql(db, "SELECT (SELECT id FROM audit WHERE journal_id IS NOT NULL) < (SELECT max(id) FROM audit)") == "1")
        #expect(try sql(db, "SELECT training_at IS NOT NULL AND abs(at - strftime('%s','now')) < 120 FROM audit WHERE journal_id IS NOT NULL") == "1")

        // A process killed after its commit but before emptying the file: the same lines are
        // there again; the next write appends them no second time, and the chain holds.
        _ = FileManager.default.createFile(atPath: journal, contents: pending, attributes: [.posixPermissions: 0o600])
        let again = try secretary(["messages", "add", "--client", "dr-martin", "--from-name", "Jean Test", "--phone", "06 11 22 33 44",
                                   "--text", "Rappeler encore", "--clock-start", "2026-11-23T10:00"], db: db)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try sql(db, moved) == "1", "moved twice")
        #expect(((try FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? -1) == 0)
        let verify = try secretary(["audit", "verify"], db: db)
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
    }

    @Test func auditVerifyChecksTheTableAndSaysWhatIsPending() throws {
        let db = try demo()
        #expect(try secretary(find, db: db).status == 0)
        let verify = try secretary(["audit", "verify"], db: db)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("Audit log intact") && verify.stdout.contains("pending"), "\(verify.stdout)")
    }

    @Test func aDamagedJournalLineIsRecordedWithoutItsContentAndTheOthersMove() throws {
        let db = try demo()
        let found = try secretary(find, db: db)
        let contact = try #require(foundIDs(found).first)
        let handle = try #require(FileHandle(forWritingAtPath: db + "-access"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"not\": \"an entry\", \"name\": \"Marie Lefèvre\"}\n".utf8))
        try handle.close()
        let add = try secretary(["messages", "add", "--client", "dr-martin", "--from-name", "Jean Test", "--phone", "06 11 22 33 44",
                                 "--text", "Rappeler", "--clock-start", "2026-11-23T10:00"], db: db)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try sql(db, "SELECT count(*) FROM audit WHERE action = 'view' AND object_id = '\(contact)'") == "1")
        let damaged = try sql(db, "SELECT object_id || ' ' || details FROM audit WHERE action = 'journal-damaged'")
        #expect(damaged.hasPrefix("line 2 "), "\(damaged)")
        #expect(!damaged.contains("Lefèvre"))
        #expect(try secretary(["audit", "verify"], db: db).status == 0)
    }
}
