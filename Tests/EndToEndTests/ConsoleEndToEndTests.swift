import Foundation
import Testing
import TestSupport

/// The real binary in a real terminal (tmux), driven by keys, checked by what is on screen.
@Suite("The console in tmux", .serialized)
struct ConsoleEndToEndTests {
    func demo(width: Int = 120, height: Int = 40, extra: String = "", environment: [String: String] = [:]) throws -> Tmux {
        try Tmux.demo(width: width, height: height, extra: extra, environment: environment)
    }

    @Test func demoShowsTheFourPanesAt120x40() throws {
        let tmux = try demo()
        let screen = try tmux.waitFor("4 Agenda")
        for title in ["1 Call queue", "2 Caller", "3 Instructions", "4 Agenda"] {
            #expect(screen.contains(title), "\(screen)")
        }
        #expect(screen.contains("Claire Dubois · available · Mon 23/11 10:00"))
        #expect(screen.contains("Marie Lefèvre"))
        #expect(screen.contains("« Cabinet du Dr Martin, Claire à l'appareil, bonjour. »"))
        // Made-up data, and the screen says so for as long as it is open.
        let statusLine = screen.components(separatedBy: "\n").first ?? ""
        #expect(statusLine.contains("waiting · DEMO"), "\(statusLine)")
    }

    @Test func answeringFindsTheCallerByNumber() throws {
        let tmux = try demo()
        try tmux.waitFor("1 Call queue (")
        try tmux.send("a")
        let screen = try tmux.waitFor("Phone: 06 12 34 56 78")
        #expect(screen.contains("► ON CALL"), "\(screen)")
        #expect(screen.contains("on a call"))
        // The agenda has the keys (a known caller, to book); the caller pane shows the contact.
        #expect(screen.contains("│Marie Lefèvre"), "the caller pane shows the contact: \(screen)")
    }

    /// The demo's printed commands say `secretary …`: found through PATH, from any folder,
    /// the console still finds its colour themes.
    @Test func theConsoleStartedThroughPathFromAnotherFolderFindsItsThemes() throws {
        let folder = Binaries.temporaryFolder()
        let db = folder.appendingPathComponent("demo.sqlite").path
        let made = try Binaries.run(Binaries.secretary, ["init", "--demo", "--db", db, "--clock-start", Tmux.clock])
        #expect(made.status == 0, "\(made.stderr)")
        let bin = URL(fileURLWithPath: Binaries.secretary).deletingLastPathComponent().path
        let tmux = try Tmux(shellWidth: 120, height: 40, environment: ["PATH": "\(bin):/usr/bin:/bin"])
        try tmux.type("cd \(folder.path) && secretary console --db \(db) --operator julien; echo EXIT=$?\n")
        let ended = { (screen: String) in screen.range(of: "EXIT=[0-9]", options: .regularExpression) != nil }
        let screen = try tmux.waitFor(timeout: 20) { $0.contains("Password:") || ended($0) }
        #expect(screen.contains("Password:") && !screen.contains("theme"), "\(screen)")
        try tmux.send("Escape")
        try tmux.waitFor(ended)
    }

    @Test func slashFindsALefevreByTypingLefe() throws {
        let tmux = try demo()
        try tmux.waitFor("4 Agenda")
        try tmux.send("2", "/")
        try tmux.type("lefe")
        let screen = try tmux.waitFor { $0.contains("Name: lefe▏") && $0.contains("Lefèvre Marie") }
        #expect(screen.contains("Lefèvre Marie"), "\(screen)")
        // Accent-blind: every result line is a Lefèvre or a Lefebvre, nothing else.
        let results = screen.split(separator: "\n").filter { $0.hasPrefix("┃Le") }
        #expect(!results.isEmpty && results.allSatisfy { $0.hasPrefix("┃Lefèvre") || $0.hasPrefix("┃Lefebvre") }, "\(screen)")
        try tmux.type(" mar")
        try tmux.waitFor("Name: lefe mar")
        try tmux.send("Enter")
        #expect(try tmux.waitFor("Phone: 06 12 34 56 78").contains("┃Marie Lefèvre"))
    }

    @Test func questionMarkShowsTheHelp() throws {
        let tmux = try demo()
        try tmux.waitFor("4 Agenda")
        try tmux.send("?")
        let screen = try tmux.waitFor("Help — keys")
        #expect(screen.contains("Everywhere"))
        #expect(screen.contains("Answer"))
        try tmux.send("Escape")
        #expect(!(try tmux.waitFor { !$0.contains("Help — keys") }).contains("Help — keys"))
    }

    @Test func resizeTo60x20AndBackLeavesNoGarbage() throws {
        let tmux = try demo()
        try tmux.waitFor("4 Agenda")
        let before = try settled(tmux, until: "4 Agenda")
        try tmux.resize(width: 60, height: 20)
        let small = try tmux.waitFor("1/4 Call queue")
        #expect(!small.contains("4 Agenda"), "\(small)")
        try tmux.resize(width: 120, height: 40)
        let after = try settled(tmux, until: "4 Agenda")
        try tmux.send("C-l")
        let redrawn = try settled(tmux, until: "4 Agenda")
        // What was drawn incrementally after the resize equals a full repaint (live timers
        // aside), and has the shape of the screen before the resize.
        #expect(masked(after) == masked(redrawn))
        #expect(masked(after).split(separator: "\n").dropFirst() == masked(before).split(separator: "\n").dropFirst())
        try tmux.resize(width: 30, height: 10)
        #expect(try tmux.waitFor("30×10 < 40×12").contains("Terminal too small"))
        try tmux.resize(width: 120, height: 40)
        #expect(try tmux.waitFor("4 Agenda").contains("1 Call queue"))
    }

    /// The screen once it stops changing (apart from the clock).
    func settled(_ tmux: Tmux, until text: String) throws -> String {
        var previous = try tmux.waitFor(text)
        for _ in 0..<20 {
            Thread.sleep(forTimeInterval: 0.3)
            let current = try tmux.screen()
            if masked(current) == masked(previous) { return current }
            previous = current
        }
        return previous
    }

    /// Digits hidden: wait times and the clock move between two captures.
    func masked(_ screen: String) -> String {
        String(screen.map { $0.isNumber ? "#" : $0 })
    }

    /// Runs `stty -a` in the shell and returns the local flags echo and icanon as printed.
    func terminalFlags(_ tmux: Tmux) throws -> String {
        try tmux.type("echo \"FLAGS:$(stty -a | tr ' ' '\\n' | grep -xE -- '-?(echo|icanon)' | tr '\\n' ' ')\"\n")
        let screen = try tmux.waitFor { $0.range(of: "FLAGS:-?icanon", options: .regularExpression) != nil }
        let line = screen.components(separatedBy: "\n").last { $0.hasPrefix("FLAGS:") } ?? screen
        return line.trimmingCharacters(in: .whitespaces)
    }

    @Test func quitGivesBackAWorkingShell() throws {
        let tmux = try Tmux(shellWidth: 120, height: 40)
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        try tmux.type("\(Binaries.secretary) demo --db \(db) --clock-start \(Tmux.clock); echo EXIT=$?\n")
        try tmux.waitFor("4 Agenda")
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
        #expect(try terminalFlags(tmux) == "FLAGS:icanon echo")
    }

    @Test("Ctrl-C and SIGTERM restore the terminal", arguments: ["C-c", "TERM"])
    func signalsRestoreTheTerminal(signal: String) throws {
        let tmux = try Tmux(shellWidth: 120, height: 40)
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        try tmux.type("\(Binaries.secretary) demo --db \(db) --clock-start \(Tmux.clock); echo EXIT=$?\n")
        try tmux.waitFor("4 Agenda")
        if signal == "TERM" {
            let pids = try Binaries.run("/usr/bin/env", ["pgrep", "-f", "secretary demo --db \(db)"]).stdout
            for pid in pids.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGTERM) }
        } else {
            try tmux.send("C-c")
        }
        let exit = try tmux.waitFor("EXIT=")
        #expect(!exit.contains("4 Agenda"), "the console's screen is gone: \(exit)")
        #expect(try terminalFlags(tmux) == "FLAGS:icanon echo")
    }

    @Test func noColorSendsNoColourSequences() throws {
        let log = Binaries.temporaryFolder().appendingPathComponent("terminal.log").path
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let tmux = try Tmux(shellWidth: 120, height: 40)
        try tmux.record(to: log)
        try tmux.type("NO_COLOR=1 \(Binaries.secretary) demo --no-simulate --db \(db) --clock-start \(Tmux.clock)\n")
        try tmux.waitFor("4 Agenda")
        try tmux.send("a")
        try tmux.waitFor("► ON CALL")
        let output = try String(contentsOfFile: log, encoding: .utf8)
        #expect(output.contains("\u{1B}["), "the log captured the program's output")
        #expect(!colourParameters(in: output).isEmpty == false, "colour SGR parameters sent: \(colourParameters(in: output))")
        try tmux.send("q")
    }

    /// SGR parameters that set a colour (30–49, 90–107, 38/48 extended), found in `output`.
    func colourParameters(in output: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*)m")
        var found: [String] = []
        for match in pattern.matches(in: output, range: NSRange(output.startIndex..., in: output)) {
            let parameters = (output as NSString).substring(with: match.range(at: 1))
            for parameter in parameters.split(separator: ";").compactMap({ Int($0) })
            where (30...49).contains(parameter) || (90...107).contains(parameter) {
                found.append(parameters)
            }
        }
        return found
    }
}
