import Foundation
import SecretaryCore
import SecretaryStore
import Testing
import TestSupport

/// `secretary usage` and `secretary report` on one small month counted by hand, October 2026,
/// for one client (rapport-test: Monday–Friday 08:00–19:00, Saturday 08:00–12:00, a plan of
/// 3 calls and 1 SMS), on a demo database whose own clients and calls are all of November.
///
/// Thursday 1 October: 09:00 answered after 15 s, talk 5:00, wrap-up 1:00; 10:00 answered
/// after 40 s, talk 2:00, wrap-up 0:30; 11:00 abandoned after 3 s (not counted); 11:30
/// abandoned after 30 s; 20:30 closed. Sunday 25 October, the night the clocks go back: 02:30
/// summer time and 02:30 winter time, and 23:30, all closed. Monday 26 October 08:00 (winter
/// time) answered after 10 s, talk 1:00, wrap-up 0:10. Saturday 31 October 23:59:50, closed,
/// the caller hanging up after midnight: October's. Sunday 1 November 00:30 Paris (23:30 UTC
/// on 31 October): November's. One message on 1 October; two appointments booked on 1
/// October, one moved and the other cancelled on 2 October.
///
/// Usage: offered 5, answered 3, abandoned 2 (1 short), closed 5; counted 4, over the plan
/// by 1; talk 480 s = 8 min. Report, threshold 20 s: 1 October offered 4, answered 2, in time
/// 1 of 4 = 25 %, abandoned 50 %, ASA 27.5 → 0:28, wait 88/4 = 0:22, p90 0:40, talk 3:30,
/// wrap-up 0:45; the month: offered 5, answered 3, in time 2 of 5 = 40 %, ASA 65/3 → 0:22,
/// wait 98/5 → 0:20, p90 0:40, talk 2:40, wrap-up 100/3 → 0:33.
@Suite("Usage and reports on the command line", .serialized)
struct UsageAndReportTests {
    static let line = "01 42 68 99 01"
    static let database: String = {
        let folder = Binaries.temporaryFolder()
        let path = folder.appendingPathComponent("reports.sqlite").path
        do { try prepare(path, folder: folder) } catch { Issue.record("setting up the month failed: \(error)") }
        return path
    }()

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func prepare(_ path: String, folder: URL) throws {
        _ = try secretary(["init", "--demo", "--clock-start", "2026-11-23T10:00"], db: path)
        let file = folder.appendingPathComponent("rapport-test.client")
        try """
            id: rapport-test
            name: Cabinet Rapport
            profession: Médecin généraliste
            line: \(line)
            country: FR
            hours: mon-fri 08:00-19:00; sat 08:00-12:00
            medical: yes
            plan: 3 calls, 1 sms
            agenda: Dr Rapport
            type: Consultation, 20 min, colour 1
            effective from: 2026-09-01

            ## greeting
            Cabinet Rapport, {operator} à l'appareil, bonjour.
            """.write(to: file, atomically: true, encoding: .utf8)
        let imported = try secretary(["client", "import", file.path, "--clock-start", "2026-09-01T10:00"], db: path)
        try #require(imported.status == 0, "\(imported.stderr)")
        let added = try Binaries.run(Binaries.secretary, ["operators", "add", "rapporteur", "--name", "Rose Rapport", "--role",
                                                          "operator", "--password-stdin", "--db", path],
                                     input: "rapport-test-2026\n")
        try #require(added.status == 0, "\(added.stderr)")

        let clock = ManualClock(utc("2026-10-01T07:00:00Z"))
        let store = try Store(path: path, clock: clock)
        let number = try PhoneNumber(e164: "+33142689901")
        func callIn(_ instant: String) throws -> Int64 {
            try store.callIn(line: number, from: "06 11 22 33 44", at: utc(instant)).id
        }
        func answered(_ arrival: String, answer: String, end: String, done: String) throws {
            let id = try callIn(arrival)
            clock.set(utc(answer))
            _ = try store.claim(callID: id, operator: "rapporteur")
            clock.set(utc(end))
            _ = try store.endTalk(callID: id, operator: "rapporteur")
            clock.set(utc(done))
            _ = try store.finish(callID: id, outcome: .information, operator: "rapporteur")
        }
        func hungUp(_ arrival: String, at end: String) throws {
            let id = try callIn(arrival)
            clock.set(utc(end))
            _ = try store.callEnd(id)
        }
        // Paris is UTC+2 until 25 October 01:00 UTC, UTC+1 after.
        try answered("2026-10-01T07:00:00Z", answer: "2026-10-01T07:00:15Z", end: "2026-10-01T07:05:15Z", done: "2026-10-01T07:06:15Z")
        try answered("2026-10-01T08:00:00Z", answer: "2026-10-01T08:00:40Z", end: "2026-10-01T08:02:40Z", done: "2026-10-01T08:03:10Z")
        try hungUp("2026-10-01T09:00:00Z", at: "2026-10-01T09:00:03Z")
        try hungUp("2026-10-01T09:30:00Z", at: "2026-10-01T09:30:30Z")
        _ = try callIn("2026-10-01T18:30:00Z")
        _ = try callIn("2026-10-25T00:30:00Z")
        _ = try callIn("2026-10-25T01:30:00Z")
        _ = try callIn("2026-10-25T22:30:00Z")
        try answered("2026-10-26T07:00:00Z", answer: "2026-10-26T07:00:10Z", end: "2026-10-26T07:01:10Z", done: "2026-10-26T07:01:20Z")
        try hungUp("2026-10-31T22:59:50Z", at: "2026-10-31T23:00:20Z")
        _ = try callIn("2026-10-31T23:30:00Z")

        clock.set(utc("2026-10-01T07:06:00Z"))
        let message = try secretary(["messages", "add", "--client", "rapport-test", "--from-name", "Jean Test", "--phone",
                                     "06 11 22 33 44", "--text", "Rappeler pour un rendez-vous", "--clock-start",
                                     "2026-10-01T09:06"], db: path)
        try #require(message.status == 0, "\(message.stderr)")
        var booked: [String] = []
        for at in ["2026-10-05T10:00", "2026-10-06T10:00"] {
            let book = try secretary(["book", "--client", "rapport-test", "--phone", "06 11 22 33 44", "--name", "Jean Test",
                                      "--type", "Consultation", "--at", at, "--clock-start", "2026-10-01T10:00"], db: path)
            try #require(book.status == 0, "\(book.stderr)")
            booked.append(String(book.stdout.split(whereSeparator: { !$0.isNumber }).first ?? ""))
        }
        let move = try secretary(["move", booked[0], "--to", "2026-10-07T10:00", "--clock-start", "2026-10-02T10:00"], db: path)
        try #require(move.status == 0, "\(move.stderr)")
        let cancel = try secretary(["cancel", booked[1], "--reason", "empêchement", "--clock-start", "2026-10-02T11:00"], db: path)
        try #require(cancel.status == 0, "\(cancel.stderr)")
    }

    func run(_ arguments: [String]) throws -> Binaries.Result {
        let result = try secretary(arguments + ["--clock-start", "2026-11-23T10:00"], db: Self.database)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return result
    }

    func object(_ result: Binaries.Result) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "stdout: \(result.stdout)")
    }

    @Test func octobersUsageCountedByHandInJSON() throws {
        let output = try object(run(["usage", "--month", "2026-10", "--json"]))
        #expect(output["month"] as? String == "2026-10")
        // The dispatch has landed: SMS are counted from its deliveries (none for this client).
        #expect((output["notes"] as? [String] ?? []).allSatisfy { !$0.contains("SMS not counted") })
        let clients = try #require(output["clients"] as? [[String: Any]])
        // The demo's clients were created in November: October bills only rapport-test.
        #expect(clients.map { $0["clientID"] as? String } == ["rapport-test"])
        let usage = try #require(clients.first)
        let expected: [String: Int] = [
            "offered": 5, "answered": 3, "abandoned": 2, "shortAbandoned": 1, "closed": 5, "counted": 4, "planCalls": 3,
            "overageCalls": 1, "talkSeconds": 480, "talkMinutes": 8, "messages": 1, "smsSegments": 0, "planSMS": 1,
            "overageSMS": 0, "appointmentsBooked": 2, "appointmentsMoved": 1, "appointmentsCancelled": 1,
        ]
        for (key, value) in expected { #expect(usage[key] as? Int == value, "\(key): \(usage[key] ?? "nil")") }
        #expect(usage["inProgress"] as? Bool == false)
        #expect(usage["smsCounted"] as? Bool == true)
    }

    @Test func theShortAbandonIsConfigurable() throws {
        let output = try object(run(["usage", "--month", "2026-10", "--client", "rapport-test", "--short-abandon", "0", "--json"]))
        let usage = try #require((output["clients"] as? [[String: Any]])?.first)
        #expect(usage["counted"] as? Int == 5)
        #expect(usage["overageCalls"] as? Int == 2)
    }

    @Test func novemberHasTheCallAtHalfPastMidnightAndIsInProgress() throws {
        let output = try object(run(["usage", "--month", "2026-11", "--client", "rapport-test", "--json"]))
        let usage = try #require((output["clients"] as? [[String: Any]])?.first)
        #expect(usage["closed"] as? Int == 1)
        #expect(usage["offered"] as? Int == 0)
        #expect(usage["inProgress"] as? Bool == true)
        let text = try run(["usage", "--month", "2026-11", "--client", "rapport-test"]).stdout
        #expect(text.contains("in progress"))
        #expect(text.contains("rapport-test*"))
    }

    @Test func octobersUsageInCSV() throws {
        let lines = try run(["usage", "--month", "2026-10", "--csv"]).stdout.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("client,name,month,time_zone,in_progress,calls_counted,plan_calls,overage_calls,offered"))
        #expect(lines[1] == "rapport-test,Cabinet Rapport,2026-10,Europe/Paris,false,4,3,1,5,3,2,1,5,480,8,1,0,true,1,0,2,1,1")
        #expect(lines.count == 3 && lines[2].isEmpty)
    }

    @Test func octobersReportByDayInJSON() throws {
        let report = try object(run(["report", "--from", "2026-10-01", "--to", "2026-10-31", "--client", "rapport-test", "--json"]))
        let periods = try #require(report["periods"] as? [[String: Any]])
        #expect(periods.count == 31)
        func figures(_ label: String) -> [String: Any] {
            (periods.first { ($0["period"] as? [String: Any])?["label"] as? String == label }?["figures"] as? [String: Any]) ?? [:]
        }
        let first = figures("2026-10-01")
        let expected: [String: Int] = ["offered": 4, "answered": 2, "abandoned": 2, "closed": 1, "answeredInTime": 1,
                                       "averageSpeedOfAnswerSeconds": 28, "averageWaitSeconds": 22, "p90WaitSeconds": 40,
                                       "averageTalkSeconds": 210, "averageWrapUpSeconds": 45]
        for (key, value) in expected { #expect(first[key] as? Int == value, "1 Oct \(key): \(first[key] ?? "nil")") }
        #expect(first["serviceLevel"] as? Double == 0.25)
        #expect(first["abandonRate"] as? Double == 0.5)
        #expect(figures("2026-10-25")["closed"] as? Int == 3) // a 25-hour day holds its 23:30
        #expect(figures("2026-10-26")["offered"] as? Int == 1)
        #expect(figures("2026-10-31")["closed"] as? Int == 1)
        let total = try #require(report["total"] as? [String: Any])
        let totals: [String: Int] = ["offered": 5, "answered": 3, "abandoned": 2, "closed": 5, "answeredInTime": 2,
                                     "averageSpeedOfAnswerSeconds": 22, "averageWaitSeconds": 20, "p90WaitSeconds": 40,
                                     "averageTalkSeconds": 160, "averageWrapUpSeconds": 33]
        for (key, value) in totals { #expect(total[key] as? Int == value, "total \(key): \(total[key] ?? "nil")") }
        #expect(total["serviceLevel"] as? Double == 0.4)
        let operators = try #require(report["operators"] as? [[String: Any]])
        #expect(operators.map { $0["login"] as? String } == ["rapporteur"])
        let hours = try #require(report["busiestHours"] as? [[Int]])
        #expect(hours[3][9] == 1 && hours[3][10] == 1 && hours[3][11] == 2) // Thursday, Paris hours
        #expect(hours[0][8] == 1) // Monday 26 October 08:00 winter time, not 09:00
        #expect(hours.flatMap { $0 }.reduce(0, +) == 5)
    }

    @Test func theNightTheClocksGoBackHasTwentyFiveHours() throws {
        let report = try object(run(["report", "--from", "2026-10-25", "--to", "2026-10-25", "--by", "hour",
                                     "--client", "rapport-test", "--json"]))
        let periods = try #require(report["periods"] as? [[String: Any]])
        #expect(periods.count == 25)
        let closed = periods.compactMap { period -> String? in
            guard (period["figures"] as? [String: Any])?["closed"] as? Int == 1 else { return nil }
            return (period["period"] as? [String: Any])?["label"] as? String
        }
        #expect(closed == ["2026-10-25T02:00+02:00", "2026-10-25T02:00+01:00", "2026-10-25T23:00+01:00"])
    }

    @Test func octobersReportInCSVAndAsText() throws {
        let lines = try run(["report", "--from", "2026-10-01", "--to", "2026-10-31", "--client", "rapport-test", "--csv"])
            .stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "section,key,name,start,end,offered,answered,abandoned,closed,answered_in_time,abandon_rate,"
                + "service_level,asa_seconds,average_wait_seconds,p90_wait_seconds,average_talk_seconds,average_wrap_up_seconds")
        #expect(lines.contains("period,2026-10-01,,2026-09-30T22:00:00Z,2026-10-01T22:00:00Z,4,2,2,1,1,0.5000,0.2500,28,22,40,210,45"))
        #expect(lines.contains("period,2026-10-25,,2026-10-24T22:00:00Z,2026-10-25T23:00:00Z,0,0,0,3,0,,,,,,,"))
        #expect(lines.contains("total,,,2026-10-01,2026-10-31,5,3,2,5,2,0.4000,0.4000,22,20,40,160,33"))
        #expect(lines.contains("client,rapport-test,Cabinet Rapport,,,5,3,2,5,2,0.4000,0.4000,22,20,40,160,33"))
        #expect(lines.contains("busiest-hour,thu 11,,,,2,,,,,,,,,,,"))

        let text = try run(["report", "--from", "2026-10-01", "--to", "2026-10-31", "--by", "week", "--answered-by", "rapporteur"]).stdout
        #expect(text.contains("calls answered by rapporteur"))
        #expect(text.contains("2026-W40"))
        #expect(text.contains("Busiest hours"))
    }

    /// With the dispatch's delivery record (issue 15's `delivery` table), SMS are counted:
    /// two sent in October (2 and 1 segments), one still queued, one e-mail.
    @Test func smsAreCountedFromTheDispatchRecordWhenThereIsOne() throws {
        let copy = Binaries.temporaryFolder().appendingPathComponent("with-dispatch.sqlite").path
        try FileManager.default.copyItem(atPath: Self.database, toPath: copy)
        let october = Int64(Self.utc("2026-10-02T10:00:00Z").timeIntervalSince1970)
        // The dispatch's own table (issue 15), as its worker leaves it after sending.
        let sql = """
            INSERT INTO delivery (message_id, client_id, channel, recipient, address, status, due_at, sent_at, segments)
            SELECT message.id, 'rapport-test', d.channel, 'Dr Test', 'x', d.status, \(october), d.sent_at, d.segments
            FROM (SELECT 'sms' AS channel, 'sent' AS status, \(october) AS sent_at, 2 AS segments
                  UNION ALL SELECT 'sms', 'sent', \(october + 60), 1
                  UNION ALL SELECT 'sms', 'pending', NULL, NULL
                  UNION ALL SELECT 'email', 'sent', \(october), NULL) AS d,
                 (SELECT id FROM message ORDER BY id LIMIT 1) AS message;
            """
        let created = try Binaries.run("/usr/bin/env", ["sqlite3", copy, sql])
        try #require(created.status == 0, "\(created.stderr)")
        let result = try secretary(["usage", "--month", "2026-10", "--json", "--clock-start", "2026-11-23T10:00"], db: copy)
        let output = try object(result)
        #expect((output["notes"] as? [String]) == [])
        let usage = try #require((output["clients"] as? [[String: Any]])?.first)
        #expect(usage["smsSegments"] as? Int == 3)
        #expect(usage["smsCounted"] as? Bool == true)
        #expect(usage["overageSMS"] as? Int == 2)
    }

    @Test func anOperatorIsRefusedUsageAndReports() throws {
        for command in ["usage", "report"] {
            let result = try secretary([command, "--clock-start", "2026-11-23T10:00"], db: Self.database,
                                       environment: Binaries.signedInAs("claire"))
            #expect(result.status != 0)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("needs the role supervisor or above; claire does not have it"), "\(result.stderr)")
        }
        let supervisor = try secretary(["report", "--clock-start", "2026-11-23T10:00"], db: Self.database,
                                       environment: Binaries.signedInAs("sophie"))
        #expect(supervisor.status == 0, "\(supervisor.stderr)")
    }

    /// The report reads statuses as stored bytes: one that is no status (a word, a number,
    /// a word with more to it) stops it with one line naming the client, never the caller.
    @Test func aDamagedStatusIsOneLineNamingTheClient() throws {
        for damage in ["'lost'", "5", "'done '", "'abandoned-by-the-caller'"] {
            let copy = Binaries.temporaryFolder().appendingPathComponent("damaged.sqlite").path
            try FileManager.default.copyItem(atPath: Self.database, toPath: copy)
            let sql = """
                UPDATE call SET status = \(damage) WHERE id = (SELECT min(id) FROM call WHERE client_id = 'rapport-test');
                """
            let damaged = try Binaries.run("/usr/bin/env", ["sqlite3", copy, sql])
            try #require(damaged.status == 0, "\(damaged.stderr)")
            let result = try secretary(["report", "--from", "2026-10-01", "--to", "2026-10-31", "--clock-start", "2026-11-23T10:00"],
                                       db: copy)
            #expect(result.status != 0, "\(damage)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(damage): \(result.stderr)")
            #expect(result.stderr.contains("damaged call of client rapport-test: column status is not a call status"),
                    "\(damage): \(result.stderr)")
            #expect(!result.stderr.contains("06 11 22 33 44") && !result.stderr.contains("0611223344"))
        }
    }

    @Test func badInputIsOneLineAndNothingElse() throws {
        for arguments in [["usage", "--month", "2026-13"], ["report", "--by", "year"],
                          ["report", "--from", "2026-10-31", "--to", "2026-10-01"], ["usage", "--short-abandon", "x"],
                          ["report", "--client", "nobody-here"]] {
            let result = try secretary(arguments, db: Self.database)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
    }
}
