import Benchmark
import Foundation
import GRDB
import SecretaryCore
import SecretaryStore

// Usage and reports (issue 18), on October 2026 of the generated database (a whole month
// inside its 60 days of calls). Targets (p99): a month's usage for every client < 200 ms, a
// month's report by day < 300 ms.
//
// Two ways were asked for: a covering index (migration v5-reports) and a summary table kept
// up to date as calls are written (v10-call-summary, which usage now reads). Both reads are
// measured here on the same data, and what the summary's triggers add to a call's end.
func reportBenchmarks(store: Store) {
    let slow = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds,
                                       warmupIterations: 3, maxDuration: .seconds(10), maxIterations: 200)
    let october = try! LocalMonth(parsing: "2026-10")
    let first = october.firstDay, last = october.firstDay.adding(days: october.days - 1)
    let rules = try! UsageRules()

    Benchmark("Usage: monthlyUsage, 200 clients, a month (summary)", configuration: slow) { _ in
        blackHole(try store.monthlyUsage(month: october, rules: rules))
    }
    Benchmark("Report: callReport, a month by day", configuration: slow) { _ in
        blackHole(try store.callReport(from: first, to: last, by: .day))
    }
    // What usage read before the summary: each client's month of calls from the covering
    // index, grouped as usage's rules need them (the query of v5-reports, unchanged).
    Benchmark("Usage, covering index: a month's call groups, 200 clients", configuration: slow) { _ in
        blackHole(try store.read { db in
            let clients = try Row.fetchAll(db, sql: "SELECT id, time_zone FROM client")
            var groups = 0
            for client in clients {
                let bounds = october.bounds(in: try LocalCalendar(identifier: client[1]))
                let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                    SELECT status,
                           CASE WHEN status = 'abandoned' THEN max(0, min(coalesce(ended_at, arrived_at) - arrived_at, 60)) END,
                           count(*),
                           coalesce(sum(CASE WHEN answered_at IS NOT NULL AND ended_at IS NOT NULL THEN ended_at - answered_at END), 0)
                    FROM call WHERE client_id = ? AND arrived_at >= ? AND arrived_at < ? GROUP BY 1, 2
                    """), arguments: [client[0] as String, Int64(bounds.lowerBound.timeIntervalSince1970),
                                      Int64(bounds.upperBound.timeIntervalSince1970)])
                while try rows.next() != nil { groups += 1 }
            }
            return groups
        })
    }

    // A call's end as the PBX writes it (status, ended_at: the summary's update trigger
    // fires), through the store's write path, with the summary's triggers and without them.
    let fast = Benchmark.Configuration(metrics: [.wallClock], timeUnits: .microseconds, warmupIterations: 20,
                                       maxDuration: .seconds(10), maxIterations: 2_000)
    let withTriggers: Store, withoutTriggers: Store
    let calls: [Int64]
    do {
        withTriggers = try BenchmarkDatabase.openScratch("scratch-summary")
        withoutTriggers = try BenchmarkDatabase.openScratch("scratch-nosummary")
        try withoutTriggers.write(by: .system) { db, trail in
            try db.execute(sql: "DROP TRIGGER call_summary_insert; DROP TRIGGER call_summary_update; DROP TRIGGER call_summary_delete")
            trail.record("benchmark", "table", "call_summary", "triggers dropped")
        }
        calls = try withTriggers.read { try Int64.fetchAll($0, sql: "SELECT id FROM call WHERE status = 'done' ORDER BY id LIMIT 5000") }
        // The two fresh copies (1.2 GB) on disk before timing, or their write-back slows
        // whichever runs first.
        sync()
    } catch {
        fatalError("cannot prepare the call-end databases: \(error)")
    }
    for (name, target) in [("summary kept (triggers)", withTriggers), ("no summary (triggers dropped)", withoutTriggers)] {
        var next = 0
        Benchmark("Call end: a call's end written, \(name)", configuration: fast) { benchmark in
            for _ in benchmark.scaledIterations {
                let id = calls[next % calls.count]
                // Alternately one second later and back: the row changes, the figures stay sane.
                let shift = (next / calls.count) % 2 == 0 ? 1 : -1
                next += 1
                try target.write(by: .pbx, needs: .pbx) { db, trail in
                    // A cached statement, as the store's `save` of a call uses.
                    try db.cachedStatement(sql: "UPDATE call SET status = 'done', ended_at = ended_at + ? WHERE id = ?")
                        .execute(arguments: [shift, id])
                    trail.record("call-end", "call", "\(id)")
                }
            }
        }
    }
}
