import Foundation
import Testing
@testable import SecretaryCore

/// Periods, usage rules and report figures, against figures counted by hand.
@Suite("Reports and usage")
struct ReportTests {
    let paris = try! LocalCalendar(identifier: "Europe/Paris")

    func date(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }
    /// A Paris local time as stored seconds.
    func at(_ text: String) throws -> Int64 { Int64(paris.instant(try LocalDateTime(parsing: text)).timeIntervalSince1970) }
    func utc(_ text: String) -> Int64 {
        Int64(ISO8601DateFormatter().date(from: text)!.timeIntervalSince1970)
    }

    @Test func daysAreTwentyFiveAndTwentyThreeHoursOnTheClockChanges() throws {
        let autumn = ReportPeriods.periods(from: try date("2026-10-24"), to: try date("2026-10-26"), by: .day, calendar: paris)
        #expect(autumn.map(\.label) == ["2026-10-24", "2026-10-25", "2026-10-26"])
        #expect(autumn.map { $0.end.timeIntervalSince($0.start) / 3600 } == [24, 25, 24])
        let spring = ReportPeriods.periods(from: try date("2026-03-29"), to: try date("2026-03-29"), by: .day, calendar: paris)
        #expect(spring.map { $0.end.timeIntervalSince($0.start) / 3600 } == [23])
    }

    @Test func theRepeatedHourIsTwoHoursWithTheirOffsets() throws {
        let hours = ReportPeriods.periods(from: try date("2026-10-25"), to: try date("2026-10-25"), by: .hour, calendar: paris)
        #expect(hours.count == 25)
        #expect(hours[2].label == "2026-10-25T02:00+02:00")
        #expect(hours[3].label == "2026-10-25T02:00+01:00")
        #expect(hours[4].label == "2026-10-25T03:00+01:00")
        let spring = ReportPeriods.periods(from: try date("2026-03-29"), to: try date("2026-03-29"), by: .hour, calendar: paris)
        #expect(spring.count == 23)
        #expect(spring[2].label == "2026-03-29T03:00+02:00")
    }

    @Test func weeksAndMonthsAreCutByTheRange() throws {
        let weeks = ReportPeriods.periods(from: try date("2026-11-18"), to: try date("2026-11-30"), by: .week, calendar: paris)
        #expect(weeks.map(\.label) == ["2026-W47", "2026-W48", "2026-W49"])
        #expect(weeks[0].start == paris.startOfDay(try date("2026-11-18")))
        #expect(weeks[2].end == paris.startOfDay(try date("2026-12-01")))
        let months = ReportPeriods.periods(from: try date("2026-10-15"), to: try date("2026-11-30"), by: .month, calendar: paris)
        #expect(months.map(\.label) == ["2026-10", "2026-11"])
        #expect(months[1].end.timeIntervalSince(months[1].start) == 30 * 86_400)
        #expect(months[0].end.timeIntervalSince(months[0].start) == 17 * 86_400 + 3600) // 25 October has 25 hours
    }

    @Test func aMonthIsTheClientsOwn() throws {
        let november = try LocalMonth(parsing: "2026-11")
        // 00:30 on 1 December in Paris is 23:30 UTC on 30 November: December's.
        let bounds = november.bounds(in: paris)
        #expect(bounds.upperBound == Date(timeIntervalSince1970: TimeInterval(utc("2026-11-30T23:00:00Z"))))
        #expect(!bounds.contains(Date(timeIntervalSince1970: TimeInterval(utc("2026-11-30T23:30:00Z")))))
        #expect(throws: ValidationError.self) { try LocalMonth(parsing: "2026-13") }
        #expect(throws: ValidationError.self) { try LocalMonth(parsing: "11/2026") }
    }

    /// One day counted by hand: waits 15 and 40 answered (talk 300 and 120, wrap-up 60 and
    /// 30), abandoned after 3 and 30 s, one closed, and one answered before midnight whose
    /// talk ends the next day.
    func day() throws -> [ReportCall] {
        let client = try ClientID("dr-test")
        return [
            ReportCall(clientID: client, operatorID: 1, status: .done, arrivedAt: try at("2026-10-01T09:00"),
                       answeredAt: try at("2026-10-01T09:00:15"), endedAt: try at("2026-10-01T09:05:15"),
                       doneAt: try at("2026-10-01T09:06:15")),
            ReportCall(clientID: client, operatorID: 2, status: .done, arrivedAt: try at("2026-10-01T10:00"),
                       answeredAt: try at("2026-10-01T10:00:40"), endedAt: try at("2026-10-01T10:02:40"),
                       doneAt: try at("2026-10-01T10:03:10")),
            ReportCall(clientID: client, operatorID: nil, status: .abandoned, arrivedAt: try at("2026-10-01T11:00"),
                       endedAt: try at("2026-10-01T11:00:03")),
            ReportCall(clientID: client, operatorID: nil, status: .abandoned, arrivedAt: try at("2026-10-01T11:30"),
                       endedAt: try at("2026-10-01T11:30:30")),
            ReportCall(clientID: client, operatorID: nil, status: .closed, arrivedAt: try at("2026-10-01T20:30")),
            ReportCall(clientID: client, operatorID: 1, status: .done, arrivedAt: try at("2026-10-01T23:59:50"),
                       answeredAt: try at("2026-10-01T23:59:55"), endedAt: try at("2026-10-02T00:01:55"),
                       doneAt: try at("2026-10-02T00:02:05")),
        ]
    }

    @Test func aDayCountedByHand() throws {
        let report = CallReport.compute(
            from: try date("2026-10-01"), to: try date("2026-10-02"), by: .day, calls: try day(),
            clients: [(try ClientID("dr-test"), "Dr Test")],
            people: [.init(id: 1, login: "ana", name: "Ana"), .init(id: 2, login: "bob", name: "Bob")],
            now: Date(timeIntervalSince1970: TimeInterval(try at("2026-11-01T00:00"))), calendar: paris, thresholdSeconds: 20)
        let first = report.periods[0].figures
        #expect(report.periods.map(\.period.label) == ["2026-10-01", "2026-10-02"])
        #expect((first.offered, first.answered, first.abandoned, first.closed, first.answeredInTime) == (5, 3, 2, 1, 2))
        #expect(first.serviceLevel == 0.4)
        #expect(first.abandonRate == 0.4)
        #expect(first.averageSpeedOfAnswerSeconds == 20) // (15 + 40 + 5) / 3
        #expect(first.averageWaitSeconds == 19) // (15 + 40 + 3 + 30 + 5) / 5 = 18.6
        #expect(first.p90WaitSeconds == 40) // ceil(0.9 × 5) = 5th of 3, 5, 15, 30, 40
        #expect(first.averageTalkSeconds == 180) // (300 + 120 + 120) / 3
        #expect(first.averageWrapUpSeconds == 33) // (60 + 30 + 10) / 3
        #expect(report.periods[1].figures.offered == 0) // the call across midnight stays on its day
        #expect(report.total == first)
        #expect(report.operators.map(\.login) == ["ana", "bob"])
        #expect(report.operators[0].figures.answered == 2)
        #expect(report.operators[0].figures.averageTalkSeconds == 210)
        // Thursday: 09, 10, 11 (two) and 23; the closed call is not offered.
        #expect(report.busiestHours[3][9] == 1 && report.busiestHours[3][11] == 2 && report.busiestHours[3][23] == 1)
        #expect(report.busiestHours[3][20] == 0)
        #expect(report.busiestHours.flatMap { $0 }.reduce(0, +) == 5)
    }

    /// The report places calls once per UTC hour when the whole hour is one local hour of
    /// one period; near a clock change, or in a zone whose offset is not whole hours, it must
    /// still place each call as its own local time says. Calls every 7 min 13 s across the
    /// changes of Paris (an hour), Lord Howe (half an hour) and in Kolkata (+05:30).
    @Test func callsArePlacedByTheirOwnLocalTimeInAnyZone() throws {
        for (zone, from, to) in [("Europe/Paris", "2026-10-24", "2026-10-26"), ("Europe/Paris", "2026-03-28", "2026-03-30"),
                                 ("Australia/Lord_Howe", "2026-04-04", "2026-04-06"),
                                 ("Australia/Lord_Howe", "2026-10-03", "2026-10-05"), ("Asia/Kolkata", "2026-10-24", "2026-10-26")] {
            let calendar = try LocalCalendar(identifier: zone)
            let first = try date(from), last = try date(to)
            let start = Int64(calendar.startOfDay(first).timeIntervalSince1970) - 3600
            let end = Int64(calendar.startOfDay(last.adding(days: 1)).timeIntervalSince1970) + 3600
            let client = try ClientID("dr-test")
            let calls = stride(from: start, to: end, by: 433).map {
                ReportCall(clientID: client, operatorID: nil, status: .abandoned, arrivedAt: $0, endedAt: $0 + 10)
            }
            for granularity in [ReportGranularity.hour, .day] {
                let report = CallReport.compute(from: first, to: last, by: granularity, calls: calls, clients: [(client, "Dr Test")],
                                                people: [], now: Date(timeIntervalSince1970: TimeInterval(end)),
                                                calendar: calendar, thresholdSeconds: 20)
                var offered = [Int](repeating: 0, count: report.periods.count)
                var heat = [[Int]](repeating: [Int](repeating: 0, count: 24), count: 7)
                let periods = report.periods.map(\.period)
                for call in calls {
                    let arrived = Date(timeIntervalSince1970: TimeInterval(call.arrivedAt))
                    guard let index = ReportPeriods.index(of: arrived, in: periods) else { continue }
                    offered[index] += 1
                    let local = calendar.localDateTime(of: arrived)
                    heat[local.date.weekday.rawValue - 1][local.time.hour] += 1
                }
                #expect(report.periods.map(\.figures.offered) == offered, "\(zone) \(from) by \(granularity)")
                #expect(report.busiestHours == heat, "\(zone) \(from) by \(granularity)")
                #expect(report.total.offered == offered.reduce(0, +) && report.total.offered > 0)
            }
        }
    }

    @Test func clientsOfTheSameNameAndCountAreInTheOrderOfTheirIDs() throws {
        let calls = try day()
        let twins = try ["dr-b", "dr-c", "dr-a"].map { try ClientID($0) }
        let report = CallReport.compute(
            from: try date("2026-10-01"), to: try date("2026-10-01"), by: .day,
            calls: twins.flatMap { id in calls.map { ReportCall(clientID: id, operatorID: $0.operatorID, status: $0.status,
                                                                arrivedAt: $0.arrivedAt, answeredAt: $0.answeredAt,
                                                                endedAt: $0.endedAt, doneAt: $0.doneAt) } },
            clients: twins.map { ($0, "Cabinet Martin") }, people: [],
            now: Date(timeIntervalSince1970: TimeInterval(try at("2026-11-01T00:00"))), calendar: paris, thresholdSeconds: 20)
        #expect(report.clients.map(\.clientID.rawValue) == ["dr-a", "dr-b", "dr-c"])
    }

    @Test func theReportsDayIsTheWallboardsDay() throws {
        let now = Date(timeIntervalSince1970: TimeInterval(try at("2026-11-01T00:00")))
        let calls = try day()
        let report = CallReport.compute(from: try date("2026-10-01"), to: try date("2026-10-01"), by: .day, calls: calls,
                                        clients: [], people: [], now: now, calendar: paris, thresholdSeconds: 20)
        let tally = CallTally(calls.map {
            Call(clientID: $0.clientID, from: nil, status: $0.status,
                 arrivedAt: Date(timeIntervalSince1970: TimeInterval($0.arrivedAt)),
                 answeredAt: $0.answeredAt.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                 endedAt: $0.endedAt.map { Date(timeIntervalSince1970: TimeInterval($0)) })
        }, now: now, thresholdSeconds: 20)
        let figures = report.total
        #expect((figures.offered, figures.answered, figures.abandoned, figures.closed) == (tally.offered, tally.answered, tally.abandoned, tally.closed))
        #expect(figures.serviceLevel == tally.serviceLevel)
        #expect(figures.averageWaitSeconds == tally.averageWaitSeconds)
        #expect(figures.averageTalkSeconds == tally.averageTalkSeconds)
    }

    @Test func usageCountsOfferedCallsLessShortAbandonsAndBillsBeyondThePlan() throws {
        let client = try Client(id: ClientID("dr-test"), name: "Dr Test", profession: "GP",
                                line: PhoneNumber("01 42 68 99 99", country: .fr), country: .fr,
                                plan: Plan(callsPerMonth: 3, smsPerMonth: 1), isMedical: true)
        var facts = UsageFacts()
        facts.callGroups = [
            UsageCallGroup(status: .done, calls: 3, talkSeconds: 481),
            UsageCallGroup(status: .abandoned, abandonedWaitSeconds: 3, calls: 1),
            UsageCallGroup(status: .abandoned, abandonedWaitSeconds: 5, calls: 1),
            UsageCallGroup(status: .abandoned, abandonedWaitSeconds: 30, calls: 1),
            UsageCallGroup(status: .closed, calls: 4),
        ]
        facts.smsSegments = 3
        let october = try LocalMonth(parsing: "2026-10")
        let november = Date(timeIntervalSince1970: TimeInterval(try at("2026-11-23T10:00")))
        let usage = ClientUsage.compute(client: client, month: october, facts: facts, rules: try UsageRules(), now: november)
        #expect((usage.offered, usage.answered, usage.abandoned, usage.shortAbandoned, usage.closed) == (6, 3, 3, 2, 4))
        #expect(usage.counted == 4)
        #expect(usage.overageCalls == 1)
        #expect(usage.talkMinutes == 9) // 481 s, a started minute counted
        #expect((usage.smsSegments, usage.smsCounted, usage.overageSMS) == (3, true, 2))
        #expect(!usage.inProgress)
        let strict = ClientUsage.compute(client: client, month: october, facts: facts,
                                         rules: try UsageRules(shortAbandonSeconds: 0), now: november)
        #expect(strict.counted == 6)
        let current = ClientUsage.compute(client: client, month: try LocalMonth(parsing: "2026-11"), facts: UsageFacts(),
                                          rules: try UsageRules(), now: november)
        #expect(current.inProgress)
        #expect((current.smsSegments, current.smsCounted) == (0, false))
        #expect(throws: ValidationError.self) { try UsageRules(shortAbandonSeconds: 61) }
    }

    /// The 90th percentile counted per second gives the sorted list's nearest rank, for
    /// large sets of waits, with a damaged negative or very long wait, and for small ones.
    @Test func theNinetiethPercentileIsTheNearestRankOfTheSortedWaits() {
        var random = SystemRandomNumberGenerator()
        for (count, range) in [(5, Int32(0)...Int32(90)), (600, 0...90), (2_000, 0...3_599), (1_000, -5...5_000), (513, 3...3)] {
            var waits = (0..<count).map { _ in Int32.random(in: range, using: &random) }
            let sorted = waits.sorted()
            let expected = Int(sorted[(count * 9 + 9) / 10 - 1])
            #expect(ReportAccumulator.percentile90(&waits) == expected, "\(count) waits in \(range)")
        }
        var none: [Int32] = []
        #expect(ReportAccumulator.percentile90(&none) == nil)
    }
}
