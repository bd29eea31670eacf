import Foundation
import Testing
import TestSupport

/// Issue 13 on the real binary: a morning of calls as a new operator tried it.
@Suite("A working day in tmux", .serialized)
struct WorkingDayEndToEndTests {
    func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try Binaries.run(Binaries.secretary, arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    func claireOnCall(_ db: String) throws -> Tmux {
        let tmux = try Tmux.secretary("demo --no-simulate", db: db)
        try tmux.waitFor("1 Call queue (")
        try tmux.send("a")
        try tmux.waitFor("Phone: 06 12 34 56 78")
        return tmux
    }

    /// Point 1: an old chest pain typed in a message is not an emergency, and nothing typed is lost.
    @Test func anEmergencyTermInAMessageIsOfferedNotForced() throws {
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let tmux = try claireOnCall(db)
        try tmux.send("M")
        try tmux.waitFor("Message — Cabinet du Dr Martin")
        try tmux.send("Tab", "Tab")
        let sentence = "A eu une douleur thoracique il y a 2 ans, rappeler pour bilan"
        try tmux.type(sentence)
        let offered = try tmux.waitFor("F2")
        #expect(offered.contains("« douleur thoracique »"), "the offer names the term: \(offered)")
        #expect(!offered.contains("EMERGENCY"), "the script did not open by itself: \(offered)")
        try tmux.send("Enter")
        let after = try tmux.waitFor("Message saved")
        #expect(after.contains("► ON CALL"), "the call is still open: \(after)")
        let messages = try json(["messages", "--db", db, "--client", "dr-martin", "--json"])
        let saved = messages.first { ($0["text"] as? String) == sentence }
        #expect(saved?["urgent"] as? Bool == false, "saved as typed, not urgent: \(messages.prefix(3))")
        #expect(!messages.contains { ($0["tags"] as? [String])?.contains("emergency") == true }, "no emergency alert")
        try tmux.send("q", "y")
    }

    /// Point 2: a name looked up during a call is not the caller until the operator says so.
    @Test func lookingSomeoneUpKeepsTheCallerUntilToldOtherwise() throws {
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let tmux = try claireOnCall(db)
        let found = try json(["contacts", "find", "ma", "--client", "dr-martin", "--db", db, "--json"])
        let other = try #require(found.first { ($0["lastName"] as? String).map { $0 != "Lefèvre" } ?? false })
        let lastName = try #require(other["lastName"] as? String)
        let firstName = try #require(other["firstName"] as? String)
        try tmux.send("2", "/")
        try tmux.type("\(lastName) \(firstName)")
        try tmux.waitFor("┃\(lastName) \(firstName)")
        try tmux.send("Enter")
        let looked = try tmux.waitFor("Looked up, not the caller")
        #expect(looked.contains("► ON CALL") && looked.contains("Marie Lefèvre —"), "the call keeps its caller: \(looked)")
        var calls = try json(["calls", "--db", db, "--status", "answered", "--json"])
        #expect(calls.first?["contactName"] as? String == "Marie Lefèvre")

        try tmux.send("C")
        let identified = try tmux.waitFor("Caller — on the line")
        #expect(identified.contains("\(firstName) \(lastName) —"), "the call now shows its caller: \(identified)")
        calls = try json(["calls", "--db", db, "--status", "answered", "--json"])
        #expect(calls.first?["contactName"] as? String == "\(firstName) \(lastName)", "the store has it: \(calls)")
        try tmux.send("q", "y")
    }

    /// Point 4: a write from another terminal shows on the caller's card within a second.
    @Test func theCardFollowsAnotherTerminalsWrite() throws {
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let tmux = try claireOnCall(db)
        // The earliest free slot: first among the caller's upcoming appointments.
        let free = try json(["free-slots", "--db", db, "--clock-start", Tmux.clock, "--client", "dr-martin",
                             "--type", "consultation", "--count", "1", "--json"])
        let start = try #require(free.first?["start"] as? String)  // 2026-11-23T11:00
        let added = try Binaries.run(Binaries.secretary, [
            "book", "--db", db, "--clock-start", Tmux.clock, "--client", "dr-martin", "--phone", "06 12 34 56 78",
            "--type", "consultation", "--at", start])
        #expect(added.status == 0, "\(added.stderr)")
        let day = start.prefix(10).split(separator: "-").reversed().joined(separator: "/")
        let shown = "\(day) \(start.suffix(5))"
        let onCard: (String) -> Bool = { $0.split(separator: "\n").contains { $0.contains("booked") && $0.contains(shown) } }
        let screen = try tmux.waitFor(timeout: 5, onCard)
        #expect(onCard(screen), "the new appointment shows on the card, booked, within a second: \(screen)")
        try tmux.send("q", "y")
    }
}
