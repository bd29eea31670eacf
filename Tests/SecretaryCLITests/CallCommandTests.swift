import Foundation
import Testing
import TestSupport

/// The PBX's commands and the call lists, on copies of one demo database at Monday
/// 2026-11-23 10:00 (Dr Martin's line is 01 42 68 10 01; Marie Lefèvre calls from 06 12 34 56 78).
@Suite("Calls on the command line", .serialized)
struct CallCommandTests {
    static let clock = ["--clock-start", "2026-11-23T10:00"]
    static let template: String = {
        let path = Binaries.temporaryFolder().appendingPathComponent("calls-demo.sqlite").path
        _ = try? secretary(["init", "--demo"] + clock, db: path)
        return path
    }()

    /// A private copy of the demo, so each test's writes are its own.
    func freshDemo() throws -> String {
        let path = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        try FileManager.default.copyItem(atPath: Self.template, toPath: path)
        return path
    }

    func run(_ arguments: [String], _ db: String) throws -> Binaries.Result {
        try secretary(arguments + Self.clock, db: db)
    }

    func json(_ result: Binaries.Result) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "stdout: \(result.stdout)")
    }

    @Test func helpListsTheCallCommands() throws {
        let help = try secretary(["--help"])
        for command in ["call-in", "call-end", "calls", "simulate", "supervisor"] {
            #expect(help.stdout.contains(command))
        }
        #expect(try secretary(["help", "call-in"]).stdout.contains("--line"))
    }

    @Test func aCallInWaitsIsListedAndAHangUpAbandonsIt() throws {
        let db = try freshDemo()
        let callIn = try run(["call-in", "--line", "01 42 68 10 01", "--from", "+33612345678"], db)
        #expect(callIn.status == 0, "stderr: \(callIn.stderr)")
        let words = callIn.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .newlines) }
        #expect(words.count == 2 && words[1] == "waiting", "stdout: \(callIn.stdout)")
        let id = try #require(Int(words[0]))

        let waiting = try json(run(["calls", "--status", "waiting", "--json"], db))
        let listed = try #require(waiting.first { $0["id"] as? Int == id })
        #expect(listed["client"] as? String == "dr-martin")
        #expect(listed["contactName"] as? String == "Marie Lefèvre")

        let end = try run(["call-end", "\(id)"], db)
        #expect(end.status == 0, "stderr: \(end.stderr)")
        #expect(end.stdout == "\(id) abandoned\n")
        #expect(try json(run(["calls", "--status", "waiting", "--json"], db)).allSatisfy { $0["id"] as? Int != id })
        let abandoned = try run(["calls", "--client", "dr-martin", "--status", "abandoned"], db)
        #expect(abandoned.stdout.contains("\(id) "))
        #expect(abandoned.stdout.contains("Marie Lefèvre"))
    }

    @Test func aCallOutsideHoursIsClosed() throws {
        let db = try freshDemo()
        let evening = try run(["call-in", "--line", "01 42 68 10 01", "--from", "06 12 34 56 78", "--at", "2026-11-23T21:15:30"], db)
        #expect(evening.status == 0, "stderr: \(evening.stderr)")
        #expect(evening.stdout.hasSuffix(" closed\n"))
        let id = Int(evening.stdout.split(separator: " ")[0])
        let closed = try json(run(["calls", "--client", "dr-martin", "--status", "closed", "--json"], db))
        #expect(closed.contains { $0["id"] as? Int == id && ($0["arrivedAt"] as? String) == "2026-11-23T20:15:30Z" })
        let withheld = try run(["call-in", "--line", "+33142681001", "--from", "anonymous", "--json"], db)
        #expect(withheld.stdout.contains("\"status\" : \"waiting\""))
    }

    @Test("Bad input exits non-zero with a one-line reason and leaves the database unchanged", arguments: [
        (["call-in", "--line", "01 99 99 99 99", "--from", "06 12 34 56 78"], "unknown line 01 99 99 99 99"),
        (["call-in", "--line", "01 42 68 10 01", "--from", "06 12 AB"], "invalid phone number '06 12 AB'"),
        (["call-in", "--line", "01 42", "--from", "06 12 34 56 78"], "invalid phone number '01 42'"),
        (["call-in", "--line", "01 42 68 10 01", "--from", "06 12 34 56 78", "--at", "2026-11-23 10:00"], "invalid date and time"),
        (["call-end", "abc"], "invalid call id 'abc'"),
        (["call-end", "999999"], "unknown call 999999"),
        (["calls", "--status", "ringing"], "invalid status 'ringing'"),
        (["calls", "--client", "dr-nobody"], "unknown client 'dr-nobody'"),
        (["simulate", "--rate", "fast"], "invalid rate 'fast'"),
        (["simulate", "--rate", "60/h", "--for", "5x"], "invalid duration '5x'"),
        (["calls", "--limit", "lots"], "invalid limit 'lots'"),
        (["simulate", "--rate", "60/h", "--seed", "abc"], "invalid seed 'abc'"),
        (["supervisor", "--operator", "sophie", "--threshold", "0"], "invalid threshold '0'"),
        (["supervisor", "--operator", "claire", "--once"], "the wallboard needs the role supervisor or above; claire does not have it"),
        (["supervisor", "--operator", "nobody", "--once"], "sign-in refused: wrong login or password"),
    ])
    func badInputChangesNothing(arguments: [String], reason: String) throws {
        let db = try freshDemo()
        let before = try contents(db)
        let result = try run(arguments, db)
        #expect(result.status != 0)
        #expect(result.stderr.contains(reason), "stderr: \(result.stderr)")
        #expect(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(try contents(db) == before)
    }

    @Test func aSecondHangUpIsRefused() throws {
        let db = try freshDemo()
        let id = try run(["call-in", "--line", "01 42 68 10 01", "--from", "07 11 22 33 44"], db).stdout.split(separator: " ")[0]
        #expect(try run(["call-end", String(id)], db).status == 0)
        let again = try run(["call-end", String(id)], db)
        #expect(again.status != 0)
        #expect(again.stderr.contains("cannot hang up call \(id): it is abandoned"))
    }

    @Test func theSimulatorPlacesCallsAndImpatientCallersHangUp() throws {
        let db = try freshDemo()
        let before = try json(run(["calls", "--json", "--limit", "100000"], db)).count
        let result = try run(["simulate", "--rate", "36000/h", "--for", "5s", "--patience", "1s", "--seed", "5"], db)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Placed "))
        let calls = try json(run(["calls", "--json", "--limit", "100000"], db))
        let placed = calls.count - before
        // 36000/h at the morning's 1.5 is 15 calls a second, for 5 seconds.
        #expect((40...120).contains(placed), "placed: \(placed)")
        let simulated = calls.prefix(placed)
        #expect(simulated.contains { $0["status"] as? String == "abandoned" })
        #expect(simulated.contains { $0["contactName"] is String }, "some callers are known")
        #expect(simulated.contains { $0["contactName"] == nil || $0["contactName"] is NSNull }, "others are not")
        #expect(Set(simulated.compactMap { $0["client"] as? String }).count >= 5, "spread over the clients")
    }

    @Test("The simulator stops cleanly on SIGINT and SIGTERM", arguments: [SIGINT, SIGTERM])
    func theSimulatorStopsCleanly(on signal: Int32) throws {
        let db = try freshDemo()
        let running = try Binaries.start(Binaries.secretary, ["simulate", "--rate", "36000/h", "--db", db] + Self.clock)
        Thread.sleep(forTimeInterval: 1.5)
        running.send(signal)
        // Should the signal be ignored, the test fails instead of hanging.
        DispatchQueue.global().asyncAfter(deadline: .now() + 10) { running.send(SIGKILL) }
        let result = running.wait()
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let summary = try #require(result.stdout.split(separator: "\n").last { $0.hasPrefix("Placed ") })
        let placed = try #require(Int(summary.split(separator: " ")[1]))
        #expect(placed > 5)
        // Every call it reported is in the database, whole.
        let count = try Binaries.run("/usr/bin/env", ["sqlite3", db, "SELECT count(*) FROM audit WHERE actor = 'simulator' AND action = 'call-in'"])
        #expect(count.stdout == "\(placed)\n")
    }

    @Test func theSupervisorSeesTheQueueAndTheDay() throws {
        let db = try freshDemo()
        _ = try run(["call-in", "--line", "01 42 68 10 01", "--from", "06 12 34 56 78"], db)
        let waiting = try json(run(["calls", "--status", "waiting", "--json"], db)).count
        #expect(waiting > 1, "the demo's queue and ours")
        let text = try run(["supervisor", "--operator", "sophie", "--once"], db)
        #expect(text.status == 0, "stderr: \(text.stderr)")
        #expect(text.stdout.contains("Waiting now: \(waiting)"), "stdout: \(text.stdout)")
        #expect(text.stdout.contains("Cabinet du Dr Martin"))
        #expect(text.stdout.contains("claire"))
        let json = try run(["supervisor", "--operator", "admin", "--json"], db)
        let figures = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(figures["waitingNow"] as? Int == waiting)
        #expect(figures["day"] as? String == "2026-11-23")
        #expect((figures["clients"] as? [[String: Any]])?.count == 12)
    }
}
