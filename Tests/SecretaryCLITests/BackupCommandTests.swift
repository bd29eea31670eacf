import Foundation
import Testing
import TestSupport

/// Books the given starts one after another from another thread, as a terminal would, and
/// keeps the ids in the order the command printed them.
final class BookingLoop: @unchecked Sendable {
    private let lock = NSLock()
    private var booked: [Int] = []
    private var stopped = false
    private var done = false

    init(db: String, contact: String, starts: [String]) {
        Thread {
            for start in starts where self.lock.withLock({ !self.stopped }) {
                if let result = try? at10(["book", "--client", "dr-martin", "--contact", contact, "--type", "Consultation",
                                           "--at", start], db), result.status == 0,
                   let id = Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    self.lock.withLock { self.booked.append(id) }
                }
            }
            self.lock.withLock { self.done = true }
        }.start()
    }

    var ids: [Int] { lock.withLock { booked } }
    var isDone: Bool { lock.withLock { done } }
    func stop() { lock.withLock { stopped = true } }
    func waitUntilDone(timeout: TimeInterval = 120) {
        let deadline = Date().addingTimeInterval(timeout)
        while !isDone && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    }
}

@Suite("Backups", .serialized)
struct BackupCommandTests {
    @Test func aBackupTakenWhileAProcessBooksRestoresExactlyWhatWasBookedBeforeItPlusWhatWasInFlight() throws {
        let db = try freshDemo()
        let folder = Binaries.temporaryFolder()
        let starts = try freeStarts(db, type: "Consultation", from: "2026-11-30T08:00", count: 80)
        #expect(starts.count == 80)
        let existing = Int(try sql(db, "SELECT max(id) FROM appointment")) ?? 0
        let loop = BookingLoop(db: db, contact: try sql(db, "SELECT id FROM contact WHERE client_id = 'dr-martin' ORDER BY id LIMIT 1"),
                               starts: starts)
        let deadline = Date().addingTimeInterval(60)
        while loop.ids.count < 5 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let reportedBefore = loop.ids
        let backup = try at10(["backup", "--to", folder.path], db)
        let reportedAfter = loop.ids
        // The booking running when the backup ended, whose id is printed just after.
        while loop.ids.count == reportedAfter.count && !loop.isDone { Thread.sleep(forTimeInterval: 0.01) }
        let withInFlight = loop.ids
        loop.stop()
        loop.waitUntilDone()
        #expect(backup.status == 0, "\(backup.stderr)")
        // Each booking signs in (Argon2id, about a second here), so the backup may end before
        // the next one does: the one in flight then is the one that matters.
        #expect(reportedBefore.count >= 5 && withInFlight.count > reportedBefore.count,
                "the bookings went on across the backup: \(reportedBefore.count) before, \(withInFlight.count) after")
        let file = backup.stdout.split(separator: "\n").first.map(String.init) ?? ""
        let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let verify = try secretary(["backup", "verify", file])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("integrity ok, schema v10-call-summary"))

        let restored = folder.appendingPathComponent("restored.sqlite").path
        let restore = try at10(["restore", file], restored)
        #expect(restore.status == 0, "\(restore.stderr)")
        let ids = try sql(restored, "SELECT id FROM appointment WHERE id > \(existing) ORDER BY id").split(separator: "\n").compactMap { Int($0) }
        #expect(Set(reportedBefore).isSubset(of: Set(ids)), "every booking reported before the backup began is in it")
        #expect(Set(ids).isSubset(of: Set(withInFlight)), "nothing but those and the ones in flight: \(ids) vs \(withInFlight)")
        #expect(try sql(restored, "PRAGMA foreign_key_check") == "")
        #expect(try secretary(["clients"], db: restored).status == 0)
    }

    @Test func verifyNamesWhatChangedAndKeepRemovesTheOldest() throws {
        let db = try freshDemo()
        let folder = Binaries.temporaryFolder().appendingPathComponent("backups").path
        var files: [String] = []
        for _ in 0..<3 {
            let result = try at10(["backup", "--to", folder, "--keep", "2"], db)
            #expect(result.status == 0, "\(result.stderr)")
            files.append(result.stdout.split(separator: "\n").first.map(String.init) ?? "")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(left.filter { $0.hasSuffix(".sqlite") }.count == 2)
        #expect(!FileManager.default.fileExists(atPath: files[0]))
        #expect(!left.contains { $0.contains("partial") })
        // A changed byte is found.
        let copy = files[2] + ".copy"
        try FileManager.default.copyItem(atPath: files[2], toPath: copy)
        try FileManager.default.copyItem(atPath: files[2] + ".manifest.json", toPath: copy + ".manifest.json")
        _ = try sql(copy, "DELETE FROM message WHERE id = (SELECT min(id) FROM message)")
        let verify = try secretary(["backup", "verify", copy])
        #expect(verify.status != 0)
        #expect(verify.stderr.contains("differs from the manifest"), "\(verify.stderr)")
        let missing = try secretary(["backup", "verify", folder + "/nothing.sqlite"])
        #expect(missing.status != 0 && missing.stderr.split(separator: "\n").count == 1, "\(missing.stderr)")
    }

    @Test func restoreIsRefusedWhileAConsoleIsOpenAndKeepsTheReplacedFile() throws {
        let db = try freshDemo()
        let folder = Binaries.temporaryFolder()
        let backup = try at10(["backup", "--to", folder.path], db)
        let file = backup.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(try at10(["messages", "add", "--client", "dr-martin", "--from-name", "Paul Durand", "--phone", "06 11 22 33 44",
                          "--text", "Après la sauvegarde."], db).status == 0)
        let console = try Tmux.secretary("console --operator claire", db: db)
        try console.waitFor("4 Agenda")
        let refused = try at10(["restore", file], db)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("refused") && refused.stderr.contains("claire"), "\(refused.stderr)")
        // Nothing replaced: the message written after the backup is there, no file was set aside.
        #expect(try sql(db, "SELECT count(*) FROM message WHERE body = 'Après la sauvegarde.'") == "1")
        let folderBefore = try FileManager.default.contentsOfDirectory(atPath: (db as NSString).deletingLastPathComponent)
        #expect(!folderBefore.contains { $0.contains(".replaced-") || $0.contains(".restoring") })
        try console.send("q")
        let deadline = Date().addingTimeInterval(10)
        while try sql(db, "SELECT count(*) FROM session WHERE ended_at IS NULL") != "0" && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let restore = try at10(["restore", file], db)
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try sql(db, "SELECT count(*) FROM message WHERE body = 'Après la sauvegarde.'") == "0")
        let aside = try FileManager.default.contentsOfDirectory(atPath: (db as NSString).deletingLastPathComponent)
            .filter { $0.contains(".replaced-") }
        #expect(aside.count == 1)
        if let kept = aside.first {
            let keptPath = ((db as NSString).deletingLastPathComponent as NSString).appendingPathComponent(kept)
            #expect(try sql(keptPath, "SELECT count(*) FROM message WHERE body = 'Après la sauvegarde.'") == "1")
        }
        #expect(try sql(db, "SELECT action FROM audit ORDER BY id DESC LIMIT 1") == "restore")
    }
}
