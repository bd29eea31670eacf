import Foundation
import Testing
import TestSupport

/// An idle console redraws only its clock each second (issue 20): on a real terminal the
/// clock still moves and every pane stays as it was drawn.
@Suite("An idle console in tmux", .serialized)
struct IdleConsoleTests {
    @Test func theClockMovesAndThePanesStayWhileNothingHappens() throws {
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let made = try Binaries.run(Binaries.secretary, ["init", "--demo", "--db", db, "--clock-start", Tmux.clock])
        #expect(made.status == 0, "\(made.stderr)")
        // The demo's waiting calls are ended: an empty queue has no wait ticking.
        let waiting = try Binaries.run(Binaries.secretary, ["calls", "--status", "waiting", "--db", db, "--clock-start", Tmux.clock])
        for id in waiting.stdout.split(separator: "\n").compactMap({ $0.split(separator: " ").first.flatMap { Int($0) } }) {
            _ = try Binaries.run(Binaries.secretary, ["call-end", "\(id)", "--db", db, "--clock-start", Tmux.clock])
        }
        let tmux = try Tmux.secretary("console --operator claire", db: db)
        try tmux.waitFor { $0.contains("4 Agenda") && $0.contains(" 0 waiting") }
        Thread.sleep(forTimeInterval: 1.2)
        let before = try tmux.screen()
        Thread.sleep(forTimeInterval: 2.2)
        let after = try tmux.screen()
        let clock = { (screen: String) -> String? in
            screen.range(of: "10:0[0-9]:[0-5][0-9]", options: .regularExpression).map { String(screen[$0]) }
        }
        let (first, second) = (try #require(clock(before), "\(before)"), try #require(clock(after), "\(after)"))
        #expect(second > first, "the clock moved: \(first) then \(second)")
        let rows = { (screen: String) in Array(screen.components(separatedBy: "\n").dropFirst()) }
        #expect(rows(after) == rows(before), "below the status line nothing changed:\n\(before)\n---\n\(after)")
        #expect(after.contains("1 Call queue") && after.contains("3 Instructions"), "\(after)")
    }
}
