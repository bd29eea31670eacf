import Foundation
import SecretaryCore
import SecretaryStore
import Testing
import TestSupport

/// The running worker: woken by a change, stopped cleanly by SIGTERM, killed with SIGKILL
/// in the middle of a batch and started again.
@Suite("Dispatch worker: wakes, stops, survives a kill", .serialized)
struct DispatchWorkerTests {
    let fixture = DispatchFixture.shared

    func startWorker(_ test: DispatchCase, sendmail: String? = nil, parallel: Int = 4) throws -> Binaries.Running {
        try Binaries.start(Binaries.secretary, ["dispatch", "--sendmail", sendmail ?? DispatchFixture.shared.sendmail,
                                                "--from", test.from, "--parallel", "\(parallel)", "--db", test.db])
    }

    @Test func aRunningWorkerSendsAMessageAsSoonAsItIsTaken() throws {
        let test = try DispatchCase()
        let worker = try startWorker(test)
        defer { worker.send(SIGKILL); _ = worker.wait() }
        Thread.sleep(forTimeInterval: 1)
        _ = try test.addMessage(["--client", "dr-martin", "--from-name", "Yves Blanc", "--phone", "06 11 22 33 44",
                                 "--text", "Rappeler"], at: "2026-11-23T10:00")
        let mails = try fixture.waitForMails(from: test.token, count: 1, timeout: 10)
        #expect(mails.count == 1, "a worker wakes on the change, without a restart")
    }

    @Test func sigtermEndsTheWorkerAfterTheSendInProgress() throws {
        let test = try DispatchCase()
        // A sendmail that takes a second: the signal arrives while it runs.
        let slow = DispatchFixture.script(in: test.folder, named: "slow-sendmail", """
            #!/bin/sh
            touch '\(test.folder.path)/sending'
            sleep 1
            exec '\(fixture.sendmail)' "$@"
            """)
        let id = try test.addMessage(["--client", "dr-martin", "--from-name", "Yves Blanc", "--phone", "06 11 22 33 44",
                                      "--text", "Rappeler"], at: "2026-11-23T10:00")
        let worker = try startWorker(test, sendmail: slow, parallel: 1)
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: test.folder.appendingPathComponent("sending").path), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        worker.send(SIGTERM)
        let result = worker.wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try fixture.mails(from: test.token).count == 1, "the send in progress finished before the worker ended")
        let row = try #require(try test.messagesJSON().first { $0["id"] as? Int == id })
        #expect(row["deliveries"] as? [String] == ["email sent"])
    }

    @Test func killedMidBatchOfTwoHundredEveryMessageArrivesOnceByMessageID() throws {
        let test = try DispatchCase()
        let store = try Store(path: test.db)
        // On the demo's clock, shared by every process on its database (the workers' too).
        try store.useSharedTrainingClock()
        for index in 0..<200 {
            _ = try store.addMessage(MessageDraft(clientID: ClientID("dr-martin"), callerName: "Appelant \(index)",
                                                  callbackNumber: PhoneNumber("06 11 22 33 44"), text: "Message \(index)"),
                                     by: Identity("claire"))
        }
        // Two workers share the batch; one is killed with SIGKILL mid-send, then started again.
        let first = try startWorker(test), second = try startWorker(test)
        _ = try fixture.waitForMails(from: test.token, count: 40, timeout: 60)
        first.send(SIGKILL)
        _ = first.wait()
        let again = try startWorker(test)
        let mails = try fixture.waitForMails(from: test.token, count: 200, timeout: 120)
        Thread.sleep(forTimeInterval: 1)
        for worker in [second, again] {
            worker.send(SIGTERM)
            #expect(worker.wait().status == 0)
        }
        let ids = Set(mails.map(\.messageID))
        #expect(ids.count == 200, "every message arrived")
        // Only a send in flight when the kill landed may go out again, and only once more (the
        // same Message-ID): the killed worker had at most one claim per sender (--parallel 4),
        // and each was put back once, recorded as interrupted.
        let copies = Dictionary(grouping: mails, by: \.messageID).mapValues(\.count)
        #expect(copies.values.allSatisfy { $0 <= 2 }, "a send goes out at most once more: \(copies.filter { $0.value > 2 })")
        var interrupted = Set<Int64>()
        for messageID in ids {
            let delivery = try #require(Int64(messageID.dropFirst("<delivery-".count).prefix { $0.isNumber }))
            if try store.deliveryAttempts(delivery: delivery).contains(where: { $0.outcome == "interrupted" }) {
                interrupted.insert(delivery)
            }
        }
        #expect(interrupted.count <= 4, "at most the killed worker's 4 sends were in flight: \(interrupted.count) put back")
        for (messageID, count) in copies where count > 1 {
            let delivery = Int64(messageID.dropFirst("<delivery-".count).prefix { $0.isNumber }) ?? -1
            #expect(interrupted.contains(delivery), "\(messageID) arrived twice but was not in flight when the worker was killed")
        }
        let rows = try test.messagesJSON().filter { ($0["deliveries"] as? [String])?.isEmpty == false }
        #expect(rows.count == 200 && rows.allSatisfy { $0["deliveries"] as? [String] == ["email sent"] })
    }
}
