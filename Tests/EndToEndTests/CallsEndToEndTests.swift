import Foundation
import Testing
import TestSupport

/// Calls across terminals: consoles and the wallboard, each in its own tmux, on one
/// database, with calls coming in from the command line as a PBX would send them. Every
/// console polls the database's change counter; what another process wrote must show
/// within a second, without a keypress.
@Suite("Calls across terminals in tmux", .serialized)
struct CallsEndToEndTests {
    static let clock = Tmux.clock
    /// Dr Martin's line; the demo's queue already holds seven calls.
    static let martinLine = "01 42 68 10 01"

    static let template: String = {
        let path = Binaries.temporaryFolder().appendingPathComponent("calls-template.sqlite").path
        _ = try? Binaries.run(Binaries.secretary, ["init", "--demo", "--db", path, "--clock-start", clock])
        return path
    }()

    /// A private copy of the demo database.
    func freshDemo() throws -> String {
        let path = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        try FileManager.default.copyItem(atPath: Self.template, toPath: path)
        return path
    }

    func console(_ login: String, _ db: String) throws -> Tmux {
        let tmux = try Tmux.secretary("console --operator \(login)", db: db)
        try tmux.waitFor("4 Agenda")
        return tmux
    }

    func wallboard(_ db: String, width: Int = 120, height: Int = 40) throws -> Tmux {
        try Tmux.secretary("supervisor --operator sophie", db: db, width: width, height: height)
    }

    /// `call-in` as the PBX runs it; returns the call's id and state.
    func callIn(_ db: String, from: String, extra: [String] = []) throws -> (id: Int, status: String) {
        let result = try Binaries.run(Binaries.secretary, ["call-in", "--line", Self.martinLine, "--from", from, "--db", db,
                                                           "--clock-start", Self.clock] + extra)
        #expect(result.status == 0, "call-in failed: \(result.stderr)")
        let words = result.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return (Int(words.first ?? "") ?? 0, words.last ?? "")
    }

    /// Waits until `condition` holds and says how long it took (nil if not within `limit`).
    func delay(_ tmux: Tmux, within limit: TimeInterval, _ condition: (String) -> Bool) throws -> (TimeInterval?, String) {
        let start = Date()
        let screen = try tmux.waitFor(timeout: limit) { condition($0) }
        return (condition(screen) ? Date().timeIntervalSince(start) : nil, screen)
    }

    /// The lines of the queue pane (the left column of the top half).
    func queueLines(_ screen: String) -> [String] {
        screen.components(separatedBy: "\n").prefix(17).map { String($0.prefix(50)) }
    }

    @Test func aCallInShowsInBothConsolesAndLeavesTheFirstWhenTheSecondAnswers() throws {
        let db = try freshDemo()
        let claire = try console("claire", db)
        let julien = try console("julien", db)
        // Urgent: it goes to the top of the queue, so Julien's `a` takes this one.
        let call = try callIn(db, from: "07 98 76 54 32", extra: ["--urgent"])
        #expect(call.status == "waiting")
        let (seen, screen) = try delay(claire, within: 1) { queueLines($0).contains { $0.contains("! Cabinet du Dr Martin  07 98 76 54 32") } }
        #expect(seen != nil, "not in Claire's queue within 1 s: \(screen)")
        #expect(try julien.waitFor("07 98 76 54 32", timeout: 1).contains("07 98 76 54 32"))

        try julien.send("a")
        try julien.waitFor("► ON CALL")
        let (gone, after) = try delay(claire, within: 1) { !queueLines($0).contains { $0.contains("07 98 76 54 32") } }
        #expect(gone != nil, "still in Claire's queue 1 s after Julien answered: \(after)")
        #expect(after.contains("1 Call queue (7)"), "the seven demo calls remain: \(after)")
    }

    @Test func anAbandonedCallLeavesEveryQueue() throws {
        let db = try freshDemo()
        let claire = try console("claire", db)
        let julien = try console("julien", db)
        let call = try callIn(db, from: "06 55 44 33 22")
        for tmux in [claire, julien] { try tmux.waitFor("06 55 44 33 22", timeout: 1) }
        let end = try Binaries.run(Binaries.secretary, ["call-end", "\(call.id)", "--db", db, "--clock-start", Self.clock])
        #expect(end.stdout == "\(call.id) abandoned\n", "\(end.stderr)")
        for tmux in [claire, julien] {
            let (gone, screen) = try delay(tmux, within: 1) { !$0.contains("06 55 44 33 22") }
            #expect(gone != nil, "the abandoned call is still shown: \(screen)")
        }
    }

    @Test func anOutOfHoursCallIsNeverOffered() throws {
        let db = try freshDemo()
        let claire = try console("claire", db)
        // Dr Martin opens at 08:00: a call at 07:30 is logged as closed.
        let closed = try callIn(db, from: "06 11 11 11 11", extra: ["--at", "2026-11-23T07:30:00"])
        #expect(closed.status == "closed")
        // A call made after it: once this one shows, the closed one would have shown too.
        _ = try callIn(db, from: "06 22 22 22 22")
        let screen = try claire.waitFor("06 22 22 22 22", timeout: 1)
        #expect(screen.contains("06 22 22 22 22"))
        #expect(!screen.contains("06 11 11 11 11"), "a closed call is in the queue: \(screen)")
        // And `a` answers the waiting calls, never the closed one.
        for _ in 0..<8 { try claire.send("a", "e", "5", "Enter") }
        try claire.waitFor { !$0.contains("1 Call queue (") }
        try claire.send("a")
        let last = try claire.waitFor("No call waiting.", timeout: 5)
        #expect(!last.contains("06 11 11 11 11"), "\(last)")
    }

    /// The row of `client` in the wallboard's table, as numbers: offered, answered,
    /// abandoned, closed, waiting.
    func counts(_ screen: String, client: String) -> [Int] {
        guard let row = screen.components(separatedBy: "\n").first(where: { $0.hasPrefix("│\(client) ") }) else { return [] }
        return row.dropFirst(client.count + 1).split(separator: " ").prefix(5).compactMap { Int($0) }
    }

    @Test func theWallboardFollowsCallsAndOperators() throws {
        let db = try freshDemo()
        let board = try wallboard(db)
        let before = try board.waitFor("All clients")
        let martin = counts(before, client: "Cabinet du Dr Martin")
        #expect(martin.count == 5, "\(before)")
        #expect(before.contains("Waiting now: 7"), "\(before)")

        _ = try callIn(db, from: "06 33 33 33 33")
        let (seen, after) = try delay(board, within: 1) { $0.contains("Waiting now: 8") }
        #expect(seen != nil, "the wallboard did not count the new call within 1 s: \(after)")
        let updated = counts(after, client: "Cabinet du Dr Martin")
        #expect(updated == [martin[0] + 1, martin[1], martin[2], martin[3], martin[4] + 1], "\(after)")

        // An operator opens a console, pauses, comes back and answers: the wallboard follows.
        let claire = try console("claire", db)
        #expect(try board.waitFor("Claire Dubois          available", timeout: 1).contains("Claire Dubois          available"))
        try claire.send("p")
        #expect(try board.waitFor("Claire Dubois          paused", timeout: 1).contains("Claire Dubois          paused"))
        try claire.send("p")
        try claire.send("a")
        let onCall = try board.waitFor("Claire Dubois          on a call — Cabinet du Dr Martin", timeout: 2)
        #expect(onCall.contains("on a call — Cabinet du Dr Martin"), "\(onCall)")
        #expect(onCall.contains("Waiting now: 7"))
        try board.send("q")
    }

    @Test func theCallerHangingUpPutsTheOperatorInWrapUp() throws {
        let db = try freshDemo()
        let claire = try console("claire", db)
        try claire.send("a")
        try claire.waitFor("► ON CALL")
        let calls = try Binaries.run(Binaries.secretary, ["calls", "--status", "answered", "--json", "--db", db,
                                                          "--clock-start", Self.clock])
        let list = try #require(JSONSerialization.jsonObject(with: Data(calls.stdout.utf8)) as? [[String: Any]])
        let id = try #require(list.first?["id"] as? Int, "\(calls.stdout)")
        _ = try Binaries.run(Binaries.secretary, ["call-end", "\(id)", "--db", db, "--clock-start", Self.clock])
        let screen = try claire.waitFor("► WRAP-UP", timeout: 1)
        #expect(screen.contains("The caller hung up: e to finish the call."), "\(screen)")
        #expect(screen.contains("Claire Dubois · wrap-up"))
        try claire.send("e", "4", "Enter")
        #expect(try claire.waitFor("Call finished").contains("Claire Dubois · available"))
    }

    // MARK: - The demo's simulated traffic

    func simulators(_ db: String) throws -> [String] {
        try Binaries.run("/usr/bin/env", ["pgrep", "-f", "secretary simulate .*--db \(db)"]).stdout
            .split(separator: "\n").map(String.init)
    }

    @Test("The demo's simulator stops with the console", arguments: ["q", "C-c", "TERM"])
    func theDemoSimulatorStopsWithTheConsole(exit: String) throws {
        let tmux = try Tmux(shellWidth: 120, height: 40, environment: ["LANG": "C.UTF-8"])
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        try tmux.type("\(Binaries.secretary) demo --db \(db) --clock-start \(Self.clock); echo EXIT=$?\n")
        try tmux.waitFor("4 Agenda", timeout: 20)
        #expect(try simulators(db).count == 1, "one simulator runs beside the demo")
        switch exit {
        case "TERM":
            let pids = try Binaries.run("/usr/bin/env", ["pgrep", "-f", "secretary demo --db \(db)"]).stdout
            for pid in pids.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGTERM) }
        default:
            try tmux.send(exit)
        }
        try tmux.waitFor("EXIT=")
        let deadline = Date().addingTimeInterval(3)
        while try !simulators(db).isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(try simulators(db).isEmpty, "the simulator outlived the demo")
    }
}
