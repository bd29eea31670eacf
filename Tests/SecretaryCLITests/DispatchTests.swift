import Foundation
import Testing
import TestSupport

/// `secretary dispatch` through the real components: msmtp as sendmail into Debian's
/// aiosmtpd on a loopback port, and an SMS command that records its arguments.
@Suite("Dispatch: messages reach the client by e-mail and SMS", .serialized)
struct DispatchTests {
    let fixture = DispatchFixture.shared

    @Test func aMessageArrivesAtTheSmtpServerAsUtf8Mime() throws {
        #expect(fixture.port > 0, "the SMTP server did not start (is python3-aiosmtpd installed?)")
        let test = try DispatchCase()
        let id = try test.addMessage(["--client", "dr-martin", "--from-name", "Hélène Faure", "--phone", "06 11 22 33 44",
                                      "--reason", "Résultats", "--text", "Souhaite être rappelée pour ses résultats, après 17 h."],
                                     at: "2026-11-23T10:05")
        let run = try test.dispatchOnce(at: "2026-11-23T10:06")
        #expect(run.status == 0, "\(run.stderr)")
        let mails = try fixture.waitForMails(from: test.token, count: 1, timeout: 5)
        let mail = try #require(mails.first)
        #expect(mails.count == 1)
        #expect(mail.recipients == ["secretariat@dr-martin.example"])
        #expect(mail.to == "Secrétariat <secretariat@dr-martin.example>")
        #expect(mail.from == "Secrétariat Test <\(test.token)@example.fr>")
        #expect(mail.subject == "Message de Hélène Faure pour Cabinet du Dr Martin")
        #expect(mail.contentType == "text/plain" && mail.charset == "utf-8" && mail.transferEncoding == "quoted-printable")
        #expect(mail.messageID.hasPrefix("<delivery-") && mail.messageID.hasSuffix(".message-\(id)@example.fr>"))
        #expect(mail.date == "Mon, 23 Nov 2026 10:06:00 +0100")
        for expected in ["Client : Cabinet du Dr Martin", "Appelant : Hélène Faure", "À rappeler : 06 11 22 33 44",
                         "Motif : Résultats", "Souhaite être rappelée pour ses résultats, après 17 h.",
                         "Pris par Administrateur le 2026-11-23 à 10:05."] {
            #expect(mail.body.contains(expected), "\(expected) in \(mail.body)")
        }
        let row = try #require(try test.messagesJSON().first { $0["id"] as? Int == id })
        #expect(row["status"] as? String == "transmitted")
        #expect(row["deliveries"] as? [String] == ["email sent"])
        // Nothing is sent twice.
        #expect(try test.dispatchOnce(at: "2026-11-23T10:30").status == 0)
        #expect(try fixture.mails(from: test.token).count == 1)
    }

    @Test func theSmsCommandGetsTheNumberAsItsOneArgumentAndNoShellEverRuns() throws {
        let test = try DispatchCase()
        let canary = test.folder.appendingPathComponent("home/canary")
        try FileManager.default.createDirectory(at: canary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "still here".write(to: canary, atomically: true, encoding: .utf8)
        let id = try test.addMessage(["--client", "dr-martin", "--from-name", "Robert'); rm -rf ~ #", "--phone", "06 11 22 33 44",
                                      "--text", "Douleurs abdominales depuis ce matin, inquiet", "--urgent"])
        let run = try secretary(["dispatch", "--once", "--sendmail", fixture.sendmail, "--from", test.from,
                                 "--sms-command", test.recordingSms(), "--clock-start", "2026-11-23T10:00"], db: test.db,
                                environment: ["HOME": canary.deletingLastPathComponent().path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(test.file("sms.argc") == "1\n")
        #expect(test.file("sms.args") == "+33612371011\n")
        let text = test.file("sms.text")
        #expect(text == "URGENT Cabinet du Dr Martin : message de Robert'); rm -rf ~ #, rappeler le 06 11 22 33 44. Ref. M\(id), details par e-mail.\n")
        #expect(!text.contains("Douleurs"), "an SMS carries no health detail")
        #expect(FileManager.default.fileExists(atPath: canary.path))
        let mails = try fixture.waitForMails(from: test.token, count: 1, timeout: 5)
        #expect(mails.first?.subject == "[URGENT] Message de Robert'); rm -rf ~ # pour Cabinet du Dr Martin")
        let deliveries = try secretary(["messages", "deliveries", "\(id)"], db: test.db).stdout
        #expect(deliveries.contains("sms to Dr Claire Martin (on call, step 1): sent, 1 SMS segment"), "\(deliveries)")
    }

    @Test func anSmsRefusedForGoodGoesOnTheBoardAndOneToRetryWaits() throws {
        let test = try DispatchCase()
        let sms = test.recordingSms()
        try "75".write(to: test.folder.appendingPathComponent("status"), atomically: true, encoding: .utf8)
        let id = try test.addMessage(["--client", "dr-martin", "--from-name", "Luc Petit", "--phone", "06 11 22 33 44",
                                      "--text", "Rappeler", "--urgent"])
        #expect(try test.dispatchOnce(sms: sms).status == 0)
        var tries = try secretary(["messages", "deliveries", "\(id)"], db: test.db).stdout
        #expect(tries.contains("sms to Dr Claire Martin (on call, step 1): queued"), "\(tries)")
        #expect(tries.contains("retry  exit 75"), "\(tries)")
        // Not due again before its delay (a minute): nothing is tried at 10:00:30.
        #expect(try test.dispatchOnce(at: "2026-11-23T10:00", sms: sms).status == 0)
        #expect(test.file("sms.argc") == "1\n")
        try "1".write(to: test.folder.appendingPathComponent("status"), atomically: true, encoding: .utf8)
        #expect(try test.dispatchOnce(at: "2026-11-23T10:02", sms: sms).status == 0)
        tries = try secretary(["messages", "deliveries", "\(id)"], db: test.db).stdout
        #expect(tries.contains("sms to Dr Claire Martin (on call, step 1): failed"), "\(tries)")
        let board = try secretary(["messages", "board"], db: test.db).stdout
        #expect(board.contains("\(id) URGENT") && board.contains("sms Dr Claire Martin failed"), "\(board)")
    }

    @Test func anUrgentMessageEscalatesAfterTheDelayAndStopsWhenAcknowledged() throws {
        let test = try DispatchCase()
        let sms = test.recordingSms()
        let first = try test.addMessage(["--client", "dr-martin", "--from-name", "Anne Roy", "--phone", "06 11 22 33 44",
                                         "--text", "Rappeler d'urgence", "--urgent"])
        let second = try test.addMessage(["--client", "dr-martin", "--from-name", "Marc Roy", "--phone", "06 11 22 33 55",
                                          "--text", "Rappeler d'urgence", "--urgent"])
        #expect(try test.dispatchOnce(sms: sms).status == 0)
        #expect(test.file("sms.args") == "+33612371011\n+33612371011\n")
        // The second is acknowledged by the practice; the first is not.
        #expect(try secretary(["messages", "acknowledge", "\(second)"], db: test.db).status == 0)
        #expect(try test.dispatchOnce(at: "2026-11-23T10:09", sms: sms).status == 0)
        #expect(test.file("sms.args") == "+33612371011\n+33612371011\n", "not before the client's delay (10 min)")
        #expect(try test.dispatchOnce(at: "2026-11-23T10:11", sms: sms).status == 0)
        #expect(test.file("sms.args") == "+33612371011\n+33612371011\n+33612371012\n", "the next person, once, for the first only")
        let mails = try fixture.waitForMails(from: test.token, count: 3, timeout: 5)
        #expect(mails.map(\.recipients) == [["claire.martin@dr-martin.example"], ["claire.martin@dr-martin.example"],
                                            ["hugo.martin@dr-martin.example"]])
        #expect(try secretary(["messages", "board"], db: test.db).stdout.contains("The board is empty"))
        // Nobody after Dr Hugo Martin: the board, for a supervisor to phone.
        #expect(try test.dispatchOnce(at: "2026-11-23T10:22", sms: sms).status == 0)
        let board = try secretary(["messages", "board"], db: test.db).stdout
        #expect(board.contains("\(first) URGENT") && !board.contains("\(second) URGENT"), "\(board)")
        #expect(try secretary(["messages", "acknowledge", "\(first)"], db: test.db).status == 0)
        #expect(try secretary(["messages", "board"], db: test.db).stdout.contains("The board is empty"))
    }

    @Test func aRefusedAddressShowsOnTheBoardAndIsResentOnceFixed() throws {
        let test = try DispatchCase()
        let file = test.folder.appendingPathComponent("dr-martin.client")
        let export = try secretary(["client", "export", "dr-martin"], db: test.db).stdout
        try export.replacingOccurrences(of: "secretariat@dr-martin.example", with: "secretariat@refused.example")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try secretary(["client", "import", file.path], db: test.db).status == 0)
        let id = try test.addMessage(["--client", "dr-martin", "--from-name", "Paul Vidal", "--phone", "06 11 22 33 44",
                                      "--text", "Rappeler"])
        #expect(try test.dispatchOnce().status == 0)
        let board = try secretary(["messages", "board"], db: test.db).stdout
        #expect(board.contains("\(id)") && board.contains("email Secrétariat failed"), "\(board)")
        #expect(try secretary(["messages", "deliveries", "\(id)"], db: test.db).stdout.contains("failed  exit 65"))
        try export.write(to: file, atomically: true, encoding: .utf8)
        #expect(try secretary(["client", "import", file.path], db: test.db).status == 0)
        #expect(try secretary(["messages", "resend", "\(id)", "--clock-start", "2026-11-23T10:01"], db: test.db).status == 0)
        #expect(try test.dispatchOnce(at: "2026-11-23T10:01").status == 0)
        #expect(try fixture.waitForMails(from: test.token, count: 1, timeout: 5).first?.recipients == ["secretariat@dr-martin.example"])
        #expect(try secretary(["messages", "board"], db: test.db).stdout.contains("The board is empty"))
    }

    @Test func aDigestListsThePeriodsMessagesOnceInOrder() throws {
        let test = try DispatchCase()
        // kine-dubois: normal messages to Julie Dubois in a digest at 12:30 and 19:00 on open days.
        let ids = try ["Alice Morel", "Bruno Morel"].enumerated().map { index, name in
            try test.addMessage(["--client", "kine-dubois", "--from-name", name, "--phone", "06 11 22 33 44", "--text", "Rappeler \(name)"],
                                at: "2026-11-23T10:0\(index)")
        }
        #expect(try test.dispatchOnce(at: "2026-11-23T12:29").status == 0)
        #expect(try fixture.mails(from: test.token).isEmpty)
        #expect(try test.dispatchOnce(at: "2026-11-23T12:31").status == 0)
        let late = try test.addMessage(["--client", "kine-dubois", "--from-name", "Chloé Morel", "--phone", "06 11 22 33 44",
                                        "--text", "Rappeler"], at: "2026-11-23T12:40")
        #expect(try test.dispatchOnce(at: "2026-11-23T12:41").status == 0)
        var mails = try fixture.waitForMails(from: test.token, count: 1, timeout: 5)
        #expect(mails.count == 1)
        #expect(mails.first?.subject == "2 messages pour Cabinet de kinésithérapie Dubois")
        let body = mails.first?.body ?? ""
        let alice = try #require(body.range(of: "Message n° \(ids[0])")), bruno = try #require(body.range(of: "Message n° \(ids[1])"))
        #expect(alice.lowerBound < bruno.lowerBound && !body.contains("Chloé"))
        #expect(try test.dispatchOnce(at: "2026-11-23T19:01").status == 0)
        mails = try fixture.waitForMails(from: test.token, count: 2, timeout: 5)
        #expect(mails.count == 2 && mails[1].subject == "1 message pour Cabinet de kinésithérapie Dubois")
        #expect(mails[1].body.contains("Message n° \(late)"))
    }
}
