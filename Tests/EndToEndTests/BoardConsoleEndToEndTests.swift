import Foundation
import Testing
import TestSupport

/// Issue 15's board check in the console: a supervisor at a console sees the messages that
/// did not reach their client and sends one again with a key; an operator is refused by the
/// store, and the screen says why.
@Suite("The board check in the console", .serialized)
struct BoardConsoleEndToEndTests {
    func sql(_ db: String, _ statement: String) throws -> String {
        try Binaries.run("/usr/bin/env", ["sqlite3", db, statement]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A demo database with one message whose e-mail failed for good: on the board.
    func databaseWithAFailedMessage() throws -> (db: String, message: String) {
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let made = try Binaries.run(Binaries.secretary, ["init", "--demo", "--db", db, "--clock-start", Tmux.clock])
        #expect(made.status == 0, "\(made.stderr)")
        let added = try Binaries.run(Binaries.secretary, [
            "messages", "add", "--db", db, "--clock-start", Tmux.clock, "--client", "dr-martin",
            "--from-name", "Bérénice Capucin", "--phone", "06 55 44 33 22", "--text", "Rappeler pour l'ordonnance."])
        #expect(added.status == 0, "\(added.stderr)")
        let id = try sql(db, "SELECT max(id) FROM message")
        // As the dispatch leaves a send refused for good (a bad address).
        _ = try sql(db, """
            UPDATE delivery SET status = 'failed', answer = '550 no such user' WHERE message_id = \(id);
            UPDATE message SET board_at = strftime('%s', '2026-11-23 09:00:00') WHERE id = \(id);
            """)
        return (db, id)
    }

    @Test func aSupervisorSeesTheBoardAndResendsWithOneKey() throws {
        let (db, id) = try databaseWithAFailedMessage()
        let sophie = try Tmux.secretary("console --operator sophie", db: db)
        try sophie.waitFor("4 Agenda")
        try sophie.send("B")
        let board = try sophie.waitFor("Bérénice Capucin")
        #expect(board.contains("Messages not delivered — phone the client (1)"), "\(board)")
        #expect(board.contains("550 no such user"), "what was tried shows: \(board)")
        try sophie.send("r")
        let resent = try sophie.waitFor("Sent again: message \(id)")
        #expect(resent.contains("Nothing pending"), "the message left the board: \(resent)")
        #expect(try sql(db, "SELECT count(*) FROM delivery WHERE message_id = \(id) AND status = 'queued'") != "0")
        #expect(try sql(db, "SELECT actor FROM audit WHERE action = 'resend' ORDER BY id DESC LIMIT 1") == "sophie")
    }

    @Test func anOperatorIsRefusedAndToldWhy() throws {
        let (db, _) = try databaseWithAFailedMessage()
        let julien = try Tmux.secretary("console --operator julien", db: db)
        try julien.waitFor("4 Agenda")
        try julien.send("B")
        let screen = try julien.waitFor("supervisor")
        #expect(!screen.contains("Bérénice Capucin"), "nothing of the board shows: \(screen)")
        #expect(try sql(db, "SELECT count(*) FROM audit WHERE action = 'refused' AND actor = 'julien'") == "1")
    }
}
