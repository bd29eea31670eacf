import Foundation
import Testing
@testable import SecretaryCore

/// The sample client file with dispatch lines before its `effective from`.
func sampleWithDispatch(_ lines: [String]) -> String {
    sampleFile.replacingOccurrences(of: "effective from: 2026-01-05", with: (lines + ["effective from: 2026-01-05"]).joined(separator: "\n"))
}

let dispatchLines = [
    "recipient: Dr Anne Test, anne@cabinet-test.example, 06 12 34 56 01",
    "recipient: Dr Paul Test, paul@cabinet-test.example, 06 12 34 56 02",
    "recipient: Secrétariat, secretariat@cabinet-test.example",
    "route: normal to Secrétariat by email, digest at 12:30, 19:00 on open days",
    "route: medical question to Dr Anne Test by email",
    "route: urgent to on call by sms and email",
    "on call: mon-fri 08:00-20:00: Dr Anne Test, then Dr Paul Test",
    "on call: 2026-12-24 to 2026-12-26: Dr Paul Test",
    "escalate after: 5 min",
]

@Suite("Dispatch rules: recipients, routes, rota, escalation, SMS and mail text")
struct DispatchRulesTests {
    let paris = try! LocalCalendar(identifier: "Europe/Paris")
    var hours: OpeningHours { OpeningHours(country: .fr, calendar: paris) }
    func at(_ text: String) throws -> Date { paris.instant(try LocalDateTime(parsing: text)) }

    @Test func theLinesAreReadAndWrittenBack() throws {
        let file = try ClientFile(parsing: sampleWithDispatch(dispatchLines), file: "dr-test.client")
        #expect(file.dispatch.recipients.count == 3)
        #expect(file.dispatch.recipient(named: "dr anne test")?.mobile?.e164 == "+33612345601")
        #expect(file.dispatch.routes.count == 3)
        #expect(file.dispatch.rota.escalateAfterMinutes == 5)
        let again = try ClientFile(parsing: file.text(), file: "again.client")
        #expect(again == file)
        #expect(try DispatchSettings(text: file.dispatch.text) == file.dispatch)
    }

    @Test("Errors name the file, the line and the field", arguments: [
        ("route: urgent to Dr Nobody by email", "dr-test.client: line 19: route: 'Dr Nobody' is not a recipient"),
        ("route: normal to Secrétariat by sms", "dr-test.client: line 19: route: 'Secrétariat' has no mobile number for sms"),
        ("route: normal to Secrétariat by pigeon", "dr-test.client: line 19: route: 'pigeon' is not a channel (email, sms)"),
        ("route: normal to Secrétariat by email, digest at 25:00", "dr-test.client: line 19: route: '25:00'"),
        ("route: normal to on call by email", "dr-test.client: line 19: route: only urgent and emergency messages"),
        ("recipient: Dr Nemo", "dr-test.client: line 19: recipient: 'Dr Nemo' needs an e-mail address or a mobile number"),
        ("recipient: Dr Nemo, nemo@@example.fr", "dr-test.client: line 19: recipient: 'nemo@@example.fr' is not an e-mail address"),
        ("on call: mon-fri 20:00-08:00: Dr Anne Test", "dr-test.client: line 19: on call: '20:00-08:00'"),
        ("on call: 2026-12-26 to 2026-12-24: Dr Anne Test", "dr-test.client: line 19: on call: '2026-12-26 to 2026-12-24' ends before it starts"),
        ("on call: mon-fri 08:00-20:00: Dr Zorro", "dr-test.client: line 19: on call: 'Dr Zorro' is not a recipient"),
        ("escalate after: soon", "dr-test.client: line 19: escalate after: 'soon' is not a delay"),
    ])
    func badLines(line: String, error: String) throws {
        let text = sampleWithDispatch(Array(dispatchLines.prefix(3)) + [line])
        do {
            _ = try ClientFile(parsing: text, file: "dr-test.client")
            Issue.record("accepted: \(line)")
        } catch let thrown as LineError {
            #expect(thrown.description.hasPrefix(error), "\(thrown)")
        }
    }

    @Test func theRotaGivesWhoIsOnCallAndOverridesWin() throws {
        let settings = try ClientFile(parsing: sampleWithDispatch(dispatchLines)).dispatch
        #expect(settings.rota.people(at: try LocalDateTime(parsing: "2026-11-23T10:00")) == ["Dr Anne Test", "Dr Paul Test"])
        #expect(settings.rota.people(at: try LocalDateTime(parsing: "2026-11-23T20:00")) == [])
        #expect(settings.rota.people(at: try LocalDateTime(parsing: "2026-11-28T10:00")) == [])
        #expect(settings.rota.people(at: try LocalDateTime(parsing: "2026-12-24T10:00")) == ["Dr Paul Test"])
        #expect(settings.rota.people(at: try LocalDateTime(parsing: "2026-12-26T23:00")) == ["Dr Paul Test"])
    }

    @Test func anUrgentMessageGoesToWhoeverIsOnCallThenTheNextThenTheBoard() throws {
        let settings = try ClientFile(parsing: sampleWithDispatch(dispatchLines)).dispatch
        let now = try at("2026-11-23T10:00")
        let plan = DeliveryPlan(kind: .urgent, at: now, settings: settings, hours: hours)
        #expect(plan.deliveries.map { "\($0.channel.rawValue) \($0.recipient) \($0.step ?? -1)" }
                == ["sms Dr Anne Test 0", "email Dr Anne Test 0"])
        #expect(plan.escalateAt == now.addingTimeInterval(300))
        let local = paris.localDateTime(of: now)
        let second = DeliveryPlan.escalation(step: 1, channels: [.sms, .email], onCallAt: local, settings: settings, at: now)
        #expect(second.map(\.recipient) == ["Dr Paul Test", "Dr Paul Test"])
        #expect(DeliveryPlan.escalation(step: 2, channels: [.sms], onCallAt: local, settings: settings, at: now).isEmpty)
        let night = DeliveryPlan(kind: .urgent, at: try at("2026-11-23T22:00"), settings: settings, hours: hours)
        #expect(night.deliveries.isEmpty && night.toBoard)
    }

    @Test func kindsFallBackAndDigestsWaitForTheNextSetTimeOnAnOpenDay() throws {
        let settings = try ClientFile(parsing: sampleWithDispatch(dispatchLines)).dispatch
        // An emergency has no route of its own: it goes as urgent ones do.
        #expect(DeliveryPlan(kind: .emergency, at: try at("2026-11-23T10:00"), settings: settings, hours: hours).escalateAt != nil)
        let normal = DeliveryPlan(kind: .normal, at: try at("2026-11-23T12:30"), settings: settings, hours: hours)
        #expect(normal.deliveries.map(\.dueAt) == [try at("2026-11-23T19:00")])
        #expect(normal.deliveries.first?.isDigest == true)
        // Saturday evening: Sunday is closed, so Monday 12:30.
        let saturday = DeliveryPlan(kind: .normal, at: try at("2026-11-28T19:30"), settings: settings, hours: hours)
        #expect(saturday.deliveries.map(\.dueAt) == [try at("2026-11-30T12:30")])
        let question = DeliveryPlan(kind: .medicalQuestion, at: try at("2026-11-23T10:00"), settings: settings, hours: hours)
        #expect(question.deliveries.map(\.address) == ["anne@cabinet-test.example"])
    }

    @Test func retriesWaitLongerEachTimeThenGiveUp() {
        #expect(RetrySchedule.delay(afterAttempts: 1) == 60)
        #expect(RetrySchedule.delay(afterAttempts: 2) == 120)
        #expect(RetrySchedule.delay(afterAttempts: 3) == 240)
        #expect(RetrySchedule.delay(afterAttempts: 7) == 3600)
        #expect(RetrySchedule.delay(afterAttempts: RetrySchedule.maximumAttempts) == nil)
    }

    @Test func gsm7SegmentsAreCountedAndTextsFolded() {
        #expect(Gsm7.segments(String(repeating: "a", count: 160)) == 1)
        #expect(Gsm7.segments(String(repeating: "a", count: 161)) == 2)
        #expect(Gsm7.segments(String(repeating: "a", count: 306)) == 2)
        #expect(Gsm7.segments(String(repeating: "a", count: 307)) == 3)
        #expect(Gsm7.segments(String(repeating: "€", count: 80)) == 1)
        #expect(Gsm7.segments(String(repeating: "€", count: 81)) == 2)
        #expect(Gsm7.folded("Hélène Bœuf, être «ici» ç") == "Hélène Boeuf, etre \"ici\" c")
        #expect(Gsm7.isEncodable(Gsm7.folded("Nguyễn 中 🙂")))
    }

    @Test func anSmsSaysWhoCalledAndTheNumberNeverTheContent() throws {
        let message = try Message(id: 42, clientID: ClientID("dr-test"), callerName: "Jérôme Lefèvre",
                                  callbackNumber: PhoneNumber("06 11 22 33 44"), reason: "Résultats de biopsie",
                                  text: "Inquiet pour ses résultats de biopsie", isUrgent: true, createdAt: Date())
        let text = SmsText.text(message: message, clientName: "Cabinet du Dr Test", country: .fr)
        #expect(text == "URGENT Cabinet du Dr Test : message de Jérome Lefèvre, rappeler le 06 11 22 33 44. Ref. M42, details par e-mail.")
        #expect(!text.lowercased().contains("biopsie"))
        #expect(Gsm7.isEncodable(text) && Gsm7.segments(text) == 1)
    }

    @Test func theMailIsMimeWithEncodedHeadersAndQuotedPrintableBody() throws {
        let mail = MailText(from: "Secrétariat <service@example.fr>", toName: "Dr Anne Test", toAddress: "anne@cabinet-test.example",
                            subject: "[URGENT] Message de Jérôme pour Cabinet", date: try at("2026-11-23T10:05"),
                            messageID: "delivery-1.message-2@example.fr", body: "Ligne é\nsecond = line " + String(repeating: "x", count: 80))
        let text = mail.text
        #expect(text.contains("From: =?UTF-8?B?U2VjcsOpdGFyaWF0?= <service@example.fr>\r\n"))
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("Date: Mon, 23 Nov 2026 10:05:00 +0100\r\n"))
        #expect(text.contains("Message-ID: <delivery-1.message-2@example.fr>\r\n"))
        #expect(text.contains("Content-Transfer-Encoding: quoted-printable\r\n"))
        #expect(text.contains("\r\n\r\nLigne =C3=A9\r\nsecond =3D line "))
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 76 }, "headers folded, body lines soft-broken")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
