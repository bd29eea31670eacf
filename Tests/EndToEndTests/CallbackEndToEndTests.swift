import Foundation
import Testing
import TestSupport

/// The call-back list on the real binary: a caller who hangs up in the queue, with a number,
/// is on the list of every console; one operator takes it (the other sees who), says what
/// came of it, and the wallboard counts what still waits.
@Suite("Call-backs in tmux", .serialized)
struct CallbackEndToEndTests {
    static let martinLine = "01 42 68 10 01"

    func run(_ db: String, _ arguments: [String]) throws -> Binaries.Result {
        try Binaries.run(Binaries.secretary, arguments + ["--db", db, "--clock-start", Tmux.clock])
    }

    func console(_ login: String, _ db: String) throws -> Tmux {
        let tmux = try Tmux.secretary("console --operator \(login)", db: db)
        try tmux.waitFor("4 Agenda")
        return tmux
    }

    @Test func aCallerWhoHungUpIsCalledBackByOneOperatorAndCountedOnTheWallboard() throws {
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        #expect(try run(db, ["init", "--demo"]).status == 0)
        let callIn = try run(db, ["call-in", "--line", Self.martinLine, "--from", "06 99 88 77 66"])
        let id = String(callIn.stdout.split(separator: " ").first ?? "")
        #expect(try run(db, ["call-end", id]).stdout.contains("abandoned"))

        let before = try run(db, ["supervisor", "--operator", "sophie", "--once"])
        #expect(before.stdout.contains("Call-backs waiting: "), "\(before.stdout)")
        let waitingBefore = Int(before.stdout.components(separatedBy: "Call-backs waiting: ").last?
            .prefix { $0.isNumber } ?? "") ?? -1
        #expect(waitingBefore >= 2, "the demo's caller who gave up, and this one: \(before.stdout)")

        let claire = try console("claire", db)
        let julien = try console("julien", db)
        try claire.send("r")
        var screen = try claire.waitFor("Call-backs — Cabinet du Dr Martin")
        #expect(screen.contains("06 99 88 77 66"), "the caller who just hung up is on the list:\n\(screen)")
        // The newest is last: take it.
        try claire.send("G")
        try claire.send("Enter")
        screen = try claire.waitFor("taken by you")
        #expect(screen.contains("Call 06 99 88 77 66"), "\(screen)")

        try julien.send("r")
        try julien.send("G")
        screen = try julien.waitFor("taken by claire")
        try julien.send("Enter")
        screen = try julien.waitFor("already taken by claire")

        try claire.send("1")
        screen = try claire.waitFor("Call-back done: reached")
        func row(_ screen: String) -> String { screen.components(separatedBy: "\n").first { $0.contains("06 99 88 77 66") } ?? "" }
        #expect(row(screen).contains("✓ reached (claire 10:0"), "done today, it says what came of it and who:\n\(screen)")
        let after = try run(db, ["supervisor", "--operator", "sophie", "--once"])
        #expect(after.stdout.contains("Call-backs waiting: \(waitingBefore - 1)"), "\(after.stdout)")
        // Julien's list follows within a second, without a key.
        screen = try julien.waitFor(timeout: 3) { row($0).contains("✓ reached") }
        #expect(row(screen).contains("✓ reached (claire"), "\(screen)")
    }
}
