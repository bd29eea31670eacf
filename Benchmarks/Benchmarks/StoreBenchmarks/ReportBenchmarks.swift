import Benchmark
import Foundation
import GRDB
import SecretaryCore
import SecretaryStore

// Usage and reports (issue 18), on October 2026 of the generated database (a whole month
// inside its 60 days of calls). Targets (p99): a month's usage for every client < 200 ms, a
// month's report by day < 300 ms.
//
// Two ways were asked for: a covering index (what the store does: migration v5-reports) and
// a summary table kept up to date as calls end. The summary's read is measured here on a
// scratch copy, filled once from the calls: one row per client, local day, status and
// abandoned wait (the finest grain usage's rules need to stay exact).
func reportBenchmarks(store: Store) {
    let slow = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds,
                                       warmupIterations: 3, maxDuration: .seconds(10), maxIterations: 200)
    let october = try! LocalMonth(parsing: "2026-10")
    let first = october.firstDay, last = october.firstDay.adding(days: october.days - 1)
    let rules = try! UsageRules()

    Benchmark("Usage: monthlyUsage, 200 clients, a month", configuration: slow) { _ in
        blackHole(try store.monthlyUsage(month: october, rules: rules))
    }
    Benchmark("Report: callReport, a month by day", configuration: slow) { _ in
        blackHole(try store.callReport(from: first, to: last, by: .day))
    }

    let summary: Store
    do {
        summary = try BenchmarkDatabase.openScratch()
        try fillUsageSummary(summary)
    } catch {
        fatalError("cannot build the summary table: \(error)")
    }
    Benchmark("Usage, summary table: a month's call groups, 200 clients", configuration: slow) { _ in
        blackHole(try summary.read { db in
            let clients = try String.fetchAll(db, sql: "SELECT id FROM client")
            let from = october.firstDay.dayNumber, to = from + october.days
            var groups = 0
            for client in clients {
                let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                    SELECT status, abandoned_wait, sum(calls), sum(talk) FROM usage_summary
                    WHERE client_id = ? AND day >= ? AND day < ? GROUP BY status, abandoned_wait
                    """), arguments: [client, from, to])
                while try rows.next() != nil { groups += 1 }
            }
            return groups
        })
    }
}

/// The summary a trigger on each call's end would keep: what usage reads, per local day.
private func fillUsageSummary(_ store: Store) throws {
    try store.write(by: .systemActor("benchmark", may: [.operate, .administer])) { db, trail in
        try db.execute(sql: """
            DROP TABLE IF EXISTS usage_summary;
            CREATE TABLE usage_summary (client_id TEXT NOT NULL, day INTEGER NOT NULL, status TEXT NOT NULL,
                abandoned_wait INTEGER, calls INTEGER NOT NULL, talk INTEGER NOT NULL);
            """)
        let zones = Dictionary(try Row.fetchAll(db, sql: "SELECT id, time_zone FROM client").map {
            ($0[0] as String, try LocalCalendar(identifier: $0[1]))
        }, uniquingKeysWith: { a, _ in a })
        struct Key: Hashable { let client: String; let day: Int; let status: String; let wait: Int? }
        var groups: [Key: (calls: Int, talk: Int)] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT client_id, arrived_at, status, answered_at, ended_at FROM call")
        while let row = try rows.next() {
            let client: String = row[0]
            guard let calendar = zones[client] else { continue }
            let arrived: Int64 = row[1], status: String = row[2]
            let answered: Int64? = row[3], ended: Int64? = row[4]
            let day = calendar.localDate(of: Date(timeIntervalSince1970: TimeInterval(arrived))).dayNumber
            let wait = status == "abandoned" ? Int(max(0, min((ended ?? arrived) - arrived, 60))) : nil
            let talk = answered.flatMap { a in ended.map { Int($0 - a) } } ?? 0
            groups[Key(client: client, day: day, status: status, wait: wait), default: (0, 0)].calls += 1
            groups[Key(client: client, day: day, status: status, wait: wait), default: (0, 0)].talk += talk
        }
        for (key, value) in groups {
            try db.execute(sql: "INSERT INTO usage_summary VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [key.client, key.day, key.status, key.wait, value.calls, value.talk])
        }
        try db.execute(sql: "CREATE INDEX usage_summary_client ON usage_summary(client_id, day, status, abandoned_wait, calls, talk)")
        trail.record("benchmark", "table", "usage_summary", "\(groups.count) rows")
    }
}
