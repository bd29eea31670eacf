import Foundation
import Testing
import TestSupport

/// Emergency triage in the real console: an emergency term typed in the end-of-call note is
/// offered; F2 opens the script, F12 confirms it, closing the call as an emergency and
/// alerting the client.
@Suite("Emergency triage in tmux", .serialized)
struct EmergencyEndToEndTests {
    @Test func anEmergencyTermInTheCallNoteOpensTheScriptAndAlertsTheClient() throws {
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let tmux = try Tmux.secretary("demo --no-simulate", db: db)
        try tmux.waitFor("1 Call queue (")
        try tmux.send("a")
        try tmux.waitFor("► ON CALL")
        try tmux.send("e")
        try tmux.waitFor("End of call — outcome")
        try tmux.send("5")
        try tmux.waitFor("Note:")
        try tmux.type("douleur thoracique ")
        try tmux.waitFor("« douleur thoracique » — F2")
        try tmux.send("F2")
        let screen = try tmux.waitFor("EMERGENCY")
        for expected in ["Heard: « douleur thoracique »", "15    SAMU", "112   numéro d'urgence européen",
                         "raccrocher et d'appeler immédiatement le 15 (SAMU)"] {
            #expect(screen.contains(expected), "missing \(expected):\n\(screen)")
        }

        try tmux.send("Enter")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try tmux.screen().contains("EMERGENCY"), "Enter does not confirm")
        try tmux.send("F12")
        let after = try tmux.waitFor("urgent message sent")
        #expect(!after.contains("► ON CALL"), "the call is closed: \(after)")
        let messages = try Binaries.run(Binaries.secretary, ["messages", "--db", db, "--status", "new", "--json"])
        #expect(messages.status == 0, "\(messages.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(messages.stdout.utf8)) as? [[String: Any]] ?? []
        let alert = rows.first { ($0["text"] as? String)?.contains("« douleur thoracique »") == true }
        #expect(alert?["urgent"] as? Bool == true, "the client has an urgent message: \(messages.stdout)")
        #expect(alert?["tags"] as? [String] == ["emergency"])
        let calls = try Binaries.run(Binaries.secretary, ["calls", "--db", db, "--status", "done", "--json"])
        let done = try JSONSerialization.jsonObject(with: Data(calls.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(done.contains { $0["operatorLogin"] as? String == "claire" && $0["outcome"] as? String == "emergency" },
                "claire's call is closed as an emergency: \(calls.stdout)")
        try tmux.send("q")
    }
}
