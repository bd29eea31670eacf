import Foundation
import GRDB
import Testing
import TestSupport
@testable import SecretaryCore
@testable import SecretaryStore

/// The usage summary (migration v10-call-summary) against a full recount of the calls after
/// each step of a month played through the store: what usage reads must never drift.
@Suite("The call summary")
struct CallSummaryTests {
    /// The summary's rows, and the same figures counted again from every call.
    static func summaryAndRecount(_ store: Store) throws -> (summary: [String], recount: [String]) {
        try store.read { db in
            let summary = try String.fetchAll(db, sql: """
                SELECT client_id || ' ' || hour || ' ' || status || ' ' || abandon_wait || ' ' || calls || ' ' || talk_seconds
                FROM call_summary ORDER BY client_id, hour, status, abandon_wait
                """)
            let recount = try String.fetchAll(db, sql: """
                SELECT client_id || ' ' || hour || ' ' || status || ' ' || wait || ' ' || count(*) || ' ' || sum(talk) FROM (
                    SELECT client_id, arrived_at / 3600 AS hour, status,
                           CASE WHEN status = 'abandoned' THEN max(0, min(coalesce(ended_at, arrived_at) - arrived_at, 60)) ELSE -1 END AS wait,
                           CASE WHEN answered_at IS NOT NULL AND ended_at IS NOT NULL THEN ended_at - answered_at ELSE 0 END AS talk
                    FROM call)
                GROUP BY client_id, hour, status, wait ORDER BY client_id, hour, status, wait
                """)
            return (summary, recount)
        }
    }

    static func expectExact(_ store: Store, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (summary, recount) = try summaryAndRecount(store)
        #expect(summary == recount, "after \(step)", sourceLocation: sourceLocation)
    }

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text) ?? Date(timeIntervalSince1970: 0) }

    @Test func theSummaryEqualsAFullRecountAfterEveryKindOfCallWrite() throws {
        let desk = try CallDesk()
        let store = desk.store
        let other = try sampleClient("dr-autre", line: "01 40 00 00 02")
        try store.addClient(other, agendas: ["Dr Autre"], types: [], by: .system)
        func callIn(_ at: String, line: PhoneNumber? = nil, from: String = "06 12 34 56 78") throws -> Int64 {
            desk.clock.set(Self.utc(at))
            return try store.callIn(line: line ?? desk.line, from: from).id
        }
        // Thursday 1 October (Paris UTC+2): answered, talked, wrapped up.
        let answered = try callIn("2026-10-01T07:00:00Z")
        desk.clock.set(Self.utc("2026-10-01T07:00:15Z"))
        _ = try store.claim(callID: answered, operator: "claire")
        try Self.expectExact(store, "an answer")
        desk.clock.set(Self.utc("2026-10-01T07:05:15Z"))
        _ = try store.endTalk(callID: answered, operator: "claire")
        try Self.expectExact(store, "the end of a talk")
        desk.clock.set(Self.utc("2026-10-01T07:06:15Z"))
        _ = try store.finish(callID: answered, outcome: .information, operator: "claire")
        // Abandoned after 3 s (under usage's 5), and after 30 s by the PBX's hang-up.
        let short = try callIn("2026-10-01T08:00:00Z")
        desk.clock.set(Self.utc("2026-10-01T08:00:03Z"))
        try store.abandon(callID: short)
        let long = try callIn("2026-10-01T08:30:00Z")
        desk.clock.set(Self.utc("2026-10-01T08:30:30Z"))
        _ = try store.callEnd(long)
        try Self.expectExact(store, "two abandons")
        // Outside hours: 20:30; Sunday 25 October at 02:30 summer then winter time, the hour
        // the clocks go back; Friday 30 October 23:59:50, hanging up after midnight.
        for at in ["2026-10-01T18:30:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"] { _ = try callIn(at) }
        let acrossMidnight = try callIn("2026-10-30T22:59:50Z")
        desk.clock.set(Self.utc("2026-10-30T23:00:20Z"))
        _ = try store.callEnd(acrossMidnight)
        // The other client, and on Monday 23 November one call waiting, one being answered.
        _ = try callIn("2026-10-02T07:00:00Z", line: try PhoneNumber("01 40 00 00 02"))
        _ = try callIn("2026-11-23T09:00:00Z")
        let talking = try callIn("2026-11-23T09:01:00Z", from: "06 99 88 77 66")
        _ = try store.claim(callID: talking, operator: "julien")
        try Self.expectExact(store, "calls outside hours, across midnight and live")
        #expect(try Self.summaryAndRecount(store).summary.count >= 9, "the summary holds the month: the test can fail")

        // October's usage, read from the summary, as counted by hand: offered 3 (1 answered,
        // 2 abandoned, one short), closed 4, talk 5 min.
        let october = try LocalMonth(parsing: "2026-10")
        let usage = try #require(try store.monthlyUsage(month: october, client: desk.client.id, rules: UsageRules()).first)
        let figures: [Int] = [usage.offered, usage.answered, usage.abandoned, usage.shortAbandoned, usage.closed, usage.counted,
                              usage.talkSeconds]
        #expect(figures == [3, 1, 2, 1, 4, 2, 300])

        // An erasure rewrites the person's calls; a client's erasure and the purge delete them.
        _ = try store.erasePerson(contact: desk.marie.id, by: .system)
        try Self.expectExact(store, "a person's erasure")
        _ = try store.eraseClient(other.id, withoutExport: true, by: .system)
        try Self.expectExact(store, "a client's erasure")
        desk.clock.set(Self.utc("2027-01-10T09:00:00Z"))
        _ = try store.purge(by: .system)
        try Self.expectExact(store, "the purge")
        let left = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM call") ?? 0 }
        #expect(left == 2, "October's calls purged, November's live ones kept")
    }

    @Test func theSummaryKeepsUsagesCapOnAnAbandonedWait() {
        #expect(Schema.callSummaryLongestWait == UsageCallGroup.longestWaitKept)
    }
}
