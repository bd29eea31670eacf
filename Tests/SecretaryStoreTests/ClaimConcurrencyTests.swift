import Foundation
import GRDB
import Testing
import TestSupport
@testable import SecretaryCore
@testable import SecretaryStore

@Suite("Operators in several processes answering one queue")
struct ClaimConcurrencyTests {
    /// 8 operators, each in their own process, answer 200 calls each as fast as they can
    /// from a queue of 1,600: every call is answered exactly once, none is lost, nobody
    /// sees `database is locked`.
    @Test(.timeLimit(.minutes(2)))
    func eightProcessesClaimingAtOnceAnswerEveryCallExactlyOnce() throws {
        let path = temporaryDatabase()
        let clock = ManualClock(instant("2026-11-23T10:00"))
        let store = try Store(path: path, clock: clock)
        let client = try sampleClient()
        try store.addClient(client, agendas: ["Dr Test"], types: [], by: .system)
        let logins = (0..<8).map { "op\($0)" }
        for login in logins {
            try store.addOperator(Operator(login: login, displayName: "Operator \(login)", role: .operator), password: "test-password-long", by: .system)
        }
        try store.write(by: .system) { db, trail in
            let statement = try db.makeStatement(sql: "INSERT INTO call (client_id, from_number, status, arrived_at) VALUES (?, ?, 'waiting', ?)")
            for index in 0..<1600 {
                try statement.execute(arguments: [client.id.rawValue, "+3361234\(String(format: "%04d", index))",
                                                  trail.at.stored - 1600 + Int64(index)])
            }
            trail.record("seed", "call", "1600")
        }

        let started = Date()
        let workers = try logins.map { try Binaries.start(Binaries.stress, [path, "claim", "200", $0]) }
        let results = workers.map { $0.wait() }
        let elapsed = Date().timeIntervalSince(started)

        var answeredBy: [Int64: [String]] = [:]
        for (login, result) in zip(logins, results) {
            #expect(result.status == 0, "\(login) stderr: \(result.stderr)")
            #expect(!result.stderr.contains("locked"), "\(login) stderr: \(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.last == "ok 200", "\(login) ended with \(lines.last ?? "nothing")")
            for line in lines.dropLast() {
                if let id = Int64(line) { answeredBy[id, default: []].append(login) }
            }
        }
        #expect(answeredBy.count == 1600, "calls answered: \(answeredBy.count)")
        #expect(answeredBy.values.allSatisfy { $0.count == 1 }, "a call was answered twice")

        // The database agrees: every call done, by the operator who printed it, answered once.
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT call.id, call.status, operator.login FROM call JOIN operator ON operator.id = call.operator_id")
        }
        #expect(rows.count == 1600)
        #expect(rows.allSatisfy { ($0["status"] as String) == "done" })
        #expect(rows.allSatisfy { answeredBy[$0["id"]] == [$0["login"] as String] })
        let answers = try store.read { db in
            try Int.fetchAll(db, sql: "SELECT count(*) FROM audit WHERE action = 'answer' GROUP BY object_id")
        }
        #expect(answers.count == 1600 && answers.allSatisfy { $0 == 1 })
        #expect(try store.queue().isEmpty)
        print("8 processes × 200 claims: \(String(format: "%.1f", elapsed)) s")
    }
}

@Suite("Operators in several processes calling back one list")
struct CallbackConcurrencyTests {
    /// 8 operators, each in their own process, take and close 50 call-backs each from a list
    /// of 400 (callers who hung up in the queue): each is called back exactly once.
    @Test(.timeLimit(.minutes(2)))
    func eightProcessesTakingCallBacksAtOnceCallEachBackExactlyOnce() throws {
        let path = temporaryDatabase()
        let clock = ManualClock(instant("2026-11-23T10:00"))
        let store = try Store(path: path, clock: clock)
        let client = try sampleClient()
        try store.addClient(client, agendas: ["Dr Test"], types: [], by: .system)
        let logins = (0..<8).map { "op\($0)" }
        for login in logins {
            try store.addOperator(Operator(login: login, displayName: "Operator \(login)", role: .operator), password: "test-password-long", by: .system)
        }
        for index in 0..<400 {
            let call = try store.callIn(line: client.line, from: "+3361234\(String(format: "%04d", index))")
            try store.callEnd(call.id)
        }
        #expect(try store.callbacks().count == 400)

        let started = Date()
        let workers = try logins.map { try Binaries.start(Binaries.stress, [path, "call-back", "50", $0]) }
        let results = workers.map { $0.wait() }
        print("8 processes × 50 call-backs: \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        var takenBy: [Int64: [String]] = [:]
        for (login, result) in zip(logins, results) {
            #expect(result.status == 0, "\(login) stderr: \(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.last == "ok 50", "\(login) ended with \(lines.last ?? "nothing")")
            for line in lines.dropLast() {
                if let id = Int64(line) { takenBy[id, default: []].append(login) }
            }
        }
        #expect(takenBy.count == 400 && takenBy.values.allSatisfy { $0.count == 1 }, "a call-back was taken twice")
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT callback.id, callback.status, callback.attempts, operator.login FROM callback
                JOIN operator ON operator.id = callback.last_attempt_by
                """)
        }
        #expect(rows.count == 400)
        #expect(rows.allSatisfy { ($0["status"] as String) == "done" && ($0["attempts"] as Int) == 1 })
        #expect(rows.allSatisfy { takenBy[$0["id"]] == [$0["login"] as String] })
        #expect(try store.callbacks().isEmpty)
    }
}
