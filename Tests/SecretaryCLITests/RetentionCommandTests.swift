import Foundation
import Testing
import TestSupport

/// Rows per table, from sqlite3, to show what a command changed and what it left alone.
func tableCounts(_ db: String) throws -> [String: Int] {
    let tables = try sql(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'contact_search%'")
        .split(separator: "\n").map(String.init)
    var counts: [String: Int] = [:]
    for table in tables { counts[table] = Int(try sql(db, "SELECT count(*) FROM \"\(table)\"")) ?? -1 }
    return counts
}

@Suite("Retention: purge", .serialized)
struct RetentionCommandTests {
    static let threeMonthsOn = "2027-02-23T10:00"

    @Test func aPurgeThreeMonthsOnRemovesTheCallsOlderThanTwoMonthsAndNothingElse() throws {
        let db = try freshDemo()
        // A call a month and a half before the purge: it stays.
        let recent = try secretary(["call-in", "--line", "01 42 68 10 01", "--from", "06 11 22 33 44", "--at", "2027-01-09T10:00:00",
                                    "--clock-start", Self.threeMonthsOn], db: db)
        #expect(recent.status == 0, "\(recent.stderr)")
        let cutoff = "strftime('%s', '2026-12-23 09:00:00')" // two months before, in UTC (Paris is UTC+1 in winter)
        let old = try sql(db, "SELECT count(*) FROM call WHERE arrived_at < \(cutoff) AND status NOT IN ('waiting','answered','on-hold','wrap-up')")
        let kept = try sql(db, "SELECT group_concat(id) FROM (SELECT id FROM call WHERE NOT (arrived_at < \(cutoff) AND status NOT IN ('waiting','answered','on-hold','wrap-up')) ORDER BY id)")
        #expect((Int(old) ?? 0) > 100, "the demo has two weeks of calls")
        let oldCallbacks = try sql(db, "SELECT count(*) FROM callback WHERE last_missed_at < \(cutoff) AND status <> 'taken'")
        #expect((Int(oldCallbacks) ?? 0) > 0, "the demo has call-backs of those calls: the test can fail")
        let before = try tableCounts(db)

        let dry = try secretary(["purge", "--dry-run", "--json", "--clock-start", Self.threeMonthsOn], db: db)
        #expect(dry.status == 0, "\(dry.stderr)")
        let dryCounts = (try json(dry.stdout) as? [String: Any])?["counts"] as? [String: Int]
        #expect(dryCounts?["calls"] == Int(old))
        #expect(dryCounts?["callbacks"] == Int(oldCallbacks), "a dry run counts the call-backs the run removes")
        var afterDry = try tableCounts(db)
        afterDry["audit"] = before["audit"] // the command's sign-in is audited
        #expect(afterDry == before, "a dry run writes nothing")
        #expect(try sql(db, "SELECT count(*) FROM audit WHERE action = 'purge'") == "0")

        let purge = try secretary(["purge", "--json", "--clock-start", Self.threeMonthsOn], db: db)
        #expect(purge.status == 0, "\(purge.stderr)")
        let counts = (try json(purge.stdout) as? [String: Any])?["counts"] as? [String: Int]
        #expect(counts?["calls"] == Int(old))
        #expect(counts?["callbacks"] == Int(oldCallbacks))
        #expect(counts?["messages"] == 0 && counts?["contacts"] == 0 && counts?["audit"] == 0 && counts?["appointments"] == 0)
        #expect(try sql(db, "SELECT group_concat(id) FROM (SELECT id FROM call ORDER BY id)") == kept)
        var after = try tableCounts(db)
        #expect(after["call"] == before["call"]! - Int(old)!)
        #expect(try sql(db, "SELECT count(*) FROM audit WHERE action = 'purge'") == "1", "one audit entry per run")
        #expect((before["callback"] ?? 0) > 0, "the demo has call-backs: the test can fail")
        // The call-backs those calls left go with them; the one from the recent call stays.
        #expect(try sql(db, "SELECT count(*) FROM callback WHERE last_missed_at < \(cutoff) AND status <> 'taken'") == "0")
        // Usage's summary follows the calls it counts (its recount is CallSummaryTests').
        for table in ["call", "call_summary", "audit", "purge_run", "callback"] {
            after[table] = nil
        }
        #expect(after == before.filter { !["call", "call_summary", "audit", "purge_run", "callback"].contains($0.key) })
        let entry = try sql(db, "SELECT actor || ' ' || details FROM audit WHERE action = 'purge'")
        #expect(entry.hasPrefix("admin calls \(old), messages 0,") && entry.hasSuffix(", call-backs \(oldCallbacks)"), "\(entry)")
        // Run again: nothing left to remove.
        let again = try secretary(["purge", "--json", "--clock-start", Self.threeMonthsOn], db: db)
        #expect(((try json(again.stdout) as? [String: Any])?["counts"] as? [String: Int])?["calls"] == 0)
    }

    @Test func aPurgeKilledMidwayAndRunAgainEndsAsOneCleanRun() throws {
        let db = try freshDemo()
        // 60,000 old calls, so that the purge takes long enough to be killed in the middle.
        _ = try sql(db, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
            INSERT INTO call (client_id, from_number, status, arrived_at, ended_at, note)
            SELECT 'dr-martin', '+33611223344', 'abandoned', strftime('%s', '2026-10-01') + i * 30, strftime('%s', '2026-10-01') + i * 30 + 20, 'note ' || i FROM n
            """)
        let clean = Binaries.temporaryFolder().appendingPathComponent("clean.sqlite").path
        try FileManager.default.copyItem(atPath: db, toPath: clean)
        let cleanRun = try secretary(["purge", "--json", "--clock-start", Self.threeMonthsOn], db: clean)
        #expect(cleanRun.status == 0, "\(cleanRun.stderr)")

        let running = try Binaries.start(Binaries.secretary, ["purge", "--clock-start", Self.threeMonthsOn, "--db", db])
        let deadline = Date().addingTimeInterval(60)
        var progress = 0
        while Date() < deadline {
            progress = Int(try sql(db, "SELECT coalesce(json_extract(counts, '$.calls'), 0) FROM purge_run")) ?? 0
            if progress >= 5_000 { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        running.send(SIGKILL)
        _ = running.wait()
        let left = Int(try sql(db, "SELECT count(*) FROM call")) ?? 0
        #expect(progress >= 5_000 && left > 1_000, "killed midway: \(progress) removed, \(left) left")
        #expect(try sql(db, "SELECT count(*) FROM audit WHERE action = 'purge'") == "0")

        let resumed = try secretary(["purge", "--json", "--clock-start", Self.threeMonthsOn], db: db)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let resumedReport = try json(resumed.stdout) as? [String: Any]
        #expect(resumedReport?["resumed"] as? Bool == true)
        let cleanReport = try json(cleanRun.stdout) as? [String: Any]
        #expect(resumedReport?["counts"] as? [String: Int] == cleanReport?["counts"] as? [String: Int])
        for query in ["SELECT group_concat(id) FROM (SELECT id FROM call ORDER BY id)",
                      "SELECT group_concat(id) FROM (SELECT id FROM contact ORDER BY id)",
                      "SELECT group_concat(id) FROM (SELECT id FROM message ORDER BY id)",
                      "SELECT group_concat(id || contact_id) FROM (SELECT id, contact_id FROM appointment ORDER BY id)"] {
            #expect(try sql(db, query) == (try sql(clean, query)), "\(query)")
        }
        // The same counts in the run's one audit entry, which says it finished an interrupted run.
        let purgeEntry = "SELECT details FROM audit WHERE action = 'purge'"
        #expect(try sql(db, purgeEntry) == (try sql(clean, purgeEntry)) + " (resumed an interrupted run)")
        var counts = try tableCounts(db)
        var cleanCounts = try tableCounts(clean)
        counts["audit"] = nil
        cleanCounts["audit"] = nil
        #expect(counts == cleanCounts)
    }

    @Test func pastAppointmentsKeepTheirSlotButLoseTheContactAfterTheContactsPeriod() throws {
        let db = try freshDemo()
        let beforeSlots = try sql(db, "SELECT count(*) || ' ' || sum(end_at - start_at) FROM appointment WHERE client_id = 'dr-martin'")
        // Three years and a month on, with a client file's shorter period for calls.
        let purge = try secretary(["purge", "--json", "--clock-start", "2030-01-10T10:00"], db: db)
        #expect(purge.status == 0, "\(purge.stderr)")
        let counts = (try json(purge.stdout) as? [String: Any])?["counts"] as? [String: Int]
        #expect((counts?["appointments"] ?? 0) > 0 && (counts?["contacts"] ?? 0) > 0)
        #expect(try sql(db, "SELECT count(*) || ' ' || sum(end_at - start_at) FROM appointment WHERE client_id = 'dr-martin'") == beforeSlots)
        #expect(try sql(db, "SELECT count(DISTINCT contact_name) FROM appointment WHERE end_at < strftime('%s', '2027-01-10')") == "1")
    }

    @Test func aCallerWhoseCallsWerePurgedIsStillActive() throws {
        let db = try freshDemo()
        let marie = try sql(db, "SELECT contact_id FROM contact_phone WHERE client_id = 'dr-martin' AND e164 = '+33612345678'")
        let call = try secretary(["call-in", "--line", "01 42 68 10 01", "--from", "06 12 34 56 78", "--at", "2029-11-01T10:00:00",
                                  "--clock-start", "2029-11-01T10:05"], db: db)
        let id = String(call.stdout.split(separator: " ").first ?? "")
        #expect(try secretary(["call-end", id, "--clock-start", "2029-11-01T10:05"], db: db).status == 0)
        // Over three years after the demo, two months after her call: the call goes, Marie stays.
        let purge = try secretary(["purge", "--json", "--clock-start", "2030-01-10T10:00"], db: db)
        #expect(purge.status == 0, "\(purge.stderr)")
        #expect(try sql(db, "SELECT count(*) FROM call WHERE id = \(id)") == "0")
        #expect(try sql(db, "SELECT last_name FROM contact WHERE id = \(marie)") == "Lefèvre")
        #expect(try sql(db, "SELECT count(*) FROM contact WHERE client_id = 'dr-martin'") != "1", "the others, silent for three years, went")
    }

    @Test func onlyAnAdministratorPurgesAndTheAuditChainStillVerifiesAfterward() throws {
        let db = try freshDemo()
        let refused = try secretary(["purge", "--clock-start", Self.threeMonthsOn], db: db, environment: Binaries.signedInAs("claire"))
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("needs the role admin"), "\(refused.stderr)")
        #expect(try sql(db, "SELECT count(*) FROM purge_run") == "0")
        // Thirteen months on, the demo's audit entries are past their twelve months; the
        // chain restarts from the last one removed.
        let before = Int(try sql(db, "SELECT count(*) FROM audit")) ?? 0
        let purge = try secretary(["purge", "--json", "--clock-start", "2027-12-24T10:00"], db: db)
        #expect(purge.status == 0, "\(purge.stderr)")
        let counts = (try json(purge.stdout) as? [String: Any])?["counts"] as? [String: Int]
        #expect((counts?["audit"] ?? 0) >= before, "every entry before the purge was over twelve months old")
        #expect(try sql(db, "SELECT action FROM audit ORDER BY id") == "purge")
        let verify = try secretary(["audit", "verify"], db: db)
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
    }

    @Test func aClientFileMayShortenAPeriodButNotLengthenItPastTheMaximum() throws {
        let db = try freshDemo()
        let file = Binaries.temporaryFolder().appendingPathComponent("dr-martin.client").path
        let exported = try secretary(["client", "export", "dr-martin"], db: db).stdout
        let shorter = exported.replacingOccurrences(of: "effective from:", with: "retention: calls 1 month\neffective from:")
        try shorter.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try secretary(["client", "import", file], db: db)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try secretary(["client", "export", "dr-martin"], db: db).stdout.contains("retention: calls 1 month"))

        let longer = exported.replacingOccurrences(of: "effective from:", with: "retention: calls 7 months\neffective from:")
        try longer.write(toFile: file, atomically: true, encoding: .utf8)
        let before = try contents(db)
        let refused = try secretary(["client", "import", file], db: db)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("retention: 'calls 7 months' is longer than the most allowed (6 months)"), "\(refused.stderr)")
        #expect(try contents(db) == before)

        // A purge at the demo's clock plus 5 weeks removes dr-martin's calls (1 month) only.
        let purge = try secretary(["purge", "--json", "--clock-start", "2026-12-28T10:00"], db: db)
        #expect(purge.status == 0, "\(purge.stderr)")
        #expect(try sql(db, "SELECT count(*) FROM call WHERE client_id = 'dr-martin' AND status NOT IN ('waiting')") == "0")
        #expect(Int(try sql(db, "SELECT count(*) FROM call WHERE client_id <> 'dr-martin'")) ?? 0 > 100)
    }
}
