import Foundation
import Testing
import TestSupport

/// The console's start and end (issue 19): Ctrl-\ (SIGQUIT) quits like Ctrl-C, at once, and
/// gives the terminal back, with no crash reporter freezing the screen or printing over it;
/// the demo refuses a database that is not a demo one.
@Suite("Hardening: the console in tmux")
struct HardeningConsoleTests {
    @Test func controlBackslashQuitsAtOnceAndRestoresTheTerminal() throws {
        // Seeded beforehand: a loaded machine may take longer than the wait below to seed.
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        _ = try Binaries.run(Binaries.secretary, ["init", "--demo", "--db", db, "--clock-start", Tmux.clock])
        let tmux = try Tmux(shellWidth: 120, height: 40, environment: ["LANG": "C.UTF-8"])
        try tmux.waitFor("$ ")
        try tmux.type("\(Binaries.secretary) demo --no-simulate --db \(db) --clock-start \(Tmux.clock); echo \"ended:\"$?; stty -a | tr ' ' '\\n' | grep -cx -- -echo | sed s/^/noecho=/")
        try tmux.send("Enter")
        try #require(try tmux.waitFor("4 Agenda", timeout: 40).contains("4 Agenda"))
        let pressed = Date()
        try tmux.send("C-\\")
        let screen = try tmux.waitFor(timeout: 8) { $0.range(of: "ended:[0-9]", options: .regularExpression) != nil }
        #expect(screen.contains("ended:0"), "still running \(Date().timeIntervalSince(pressed)) s after Ctrl-\\: \(screen)")
        #expect(Date().timeIntervalSince(pressed) < 3)
        #expect(!screen.contains("Crash") && !screen.contains("Backtrace") && !screen.contains("Thread 0"), "\(screen)")
        let restored = try tmux.waitFor { $0.contains("noecho=0") || $0.contains("noecho=1") }
        #expect(restored.contains("noecho=0"), "the terminal was left without echo: \(restored)")
    }

    @Test func theDemoRefusesARealDatabase() throws {
        let db = Binaries.temporaryFolder().appendingPathComponent("real.sqlite").path
        #expect(try Binaries.run(Binaries.secretary, ["init", "--db", db, "--admin", "admin", "--password-stdin"],
                                 input: Binaries.demoPassword + "\n").status == 0)
        let file = Binaries.temporaryFolder().appendingPathComponent("client.client").path
        let demo = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        _ = try Binaries.run(Binaries.secretary, ["init", "--demo", "--db", demo])
        let text = try Binaries.run(Binaries.secretary, ["client", "export", "dr-martin", "--db", demo]).stdout
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try Binaries.run(Binaries.secretary, ["client", "import", file, "--db", db]).status == 0)
        let before = FileManager.default.contents(atPath: db)
        let tmux = try Tmux(shellWidth: 120, height: 40, environment: ["LANG": "C.UTF-8"])
        try tmux.waitFor("$ ")
        try tmux.type("\(Binaries.secretary) demo --no-simulate --db \(db); echo \"ended:\"$?")
        try tmux.send("Enter")
        let screen = try tmux.waitFor { $0.range(of: "ended:[0-9]", options: .regularExpression) != nil }
        #expect(screen.contains("is not a demo database") && screen.contains("ended:1"), "\(screen)")
        #expect(FileManager.default.contents(atPath: db) == before)
    }

    /// Another program holding the database: the console's write gives up after a short
    /// wait, tells the operator, and keeps the message as typed.
    @Test func aWriteBehindAHeldLockSaysBusyAndKeepsWhatWasTyped() throws {
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        _ = try Binaries.run(Binaries.secretary, ["init", "--demo", "--db", db, "--clock-start", Tmux.clock])
        let tmux = try Tmux.secretary("console --operator claire", db: db)
        try tmux.waitFor("4 Agenda")
        let holder = try Binaries.start("/usr/bin/env", ["sqlite3", db, "BEGIN IMMEDIATE;",
                                                         "UPDATE operator SET display_name = display_name;",
                                                         ".shell exec sleep 30 </dev/null >/dev/null 2>&1", "COMMIT;"])
        defer { holder.send(SIGKILL); _ = holder.wait() }
        Thread.sleep(forTimeInterval: 0.5)
        try tmux.send("M")
        try tmux.waitFor("Message —")
        try tmux.type("Jean Test")
        try tmux.send("Tab")
        try tmux.type("06 11 22 33 44")
        try tmux.send("Tab")
        try tmux.type("Rappel")
        try tmux.send("Tab", "Tab")
        try tmux.type("Merci de rappeler")
        try tmux.send("Enter")
        let screen = try tmux.waitFor(timeout: 6) { $0.contains("database is busy") }
        #expect(screen.contains("database is busy"), "\(screen)")
        #expect(screen.contains("Merci de rappeler") && screen.contains("Jean Test"), "\(screen)")
    }
}
