import Foundation
import Testing
import TestSupport

/// The wallboard's reports screen in a real terminal, on the demo (two weeks of calls
/// before Monday 23 November 2026, 10:00).
@Suite("The reports screen in tmux", .serialized)
struct ReportsEndToEndTests {
    static let template: String = {
        let path = Binaries.temporaryFolder().appendingPathComponent("reports-template.sqlite").path
        _ = try? Binaries.run(Binaries.secretary, ["init", "--demo", "--db", path, "--clock-start", Tmux.clock])
        return path
    }()

    @Test func rShowsTheReportsAndTheKeysChangeThePeriod() throws {
        let tmux = try Tmux.secretary("supervisor --operator sophie", db: Self.template)
        try tmux.waitFor("Clients today")
        try tmux.send("r")
        var screen = try tmux.waitFor("Busiest hours")
        #expect(screen.contains("Week 2026-W48 · 23/11/2026 – 29/11/2026 · all clients"), "\(screen)")
        #expect(screen.contains("Supervision · Reports"))
        #expect(screen.contains("Cabinet du Dr Martin"))
        #expect(screen.contains("[ Prev. period  ] Next period"))
        try tmux.send("[")
        screen = try tmux.waitFor("Week 2026-W47")
        // The demo's history: the week before has calls on every weekday.
        #expect(screen.contains("│Mon  "))
        #expect(screen.range(of: "│Offered [1-9][0-9]*", options: .regularExpression) != nil, "\(screen)")
        try tmux.send("m")
        screen = try tmux.waitFor("Month 11/2026")
        try tmux.send("r")
        try tmux.waitFor("Clients today")
        try tmux.send("q")
    }

    @Test func inFrenchAt80x24() throws {
        let tmux = try Tmux.secretary("supervisor --operator sophie --lang fr", db: Self.template, width: 80, height: 24)
        try tmux.waitFor("Clients aujourd'hui")
        try tmux.send("r")
        let screen = try tmux.waitFor("Heures chargées")
        #expect(screen.contains("Semaine 2026-W48"), "\(screen)")
        #expect(screen.contains("Appels / forfait"))
        try tmux.send("q")
    }
}
