import Foundation
import Testing
@testable import SecretaryCore

@Suite("Retention periods")
struct RetentionPolicyTests {
    let paris: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
        return calendar
    }()

    @Test func theDefaultsAreTheContracts() {
        let policy = RetentionPolicy.standard
        #expect(policy.period(.calls) == .months(2))
        #expect(policy.period(.messages) == .months(2))
        #expect(policy.period(.deliveries) == .months(2))
        #expect(policy.period(.audit) == .months(12))
        #expect(policy.period(.contacts) == .months(36))
    }

    @Test func aPeriodCountsBackInTheClientsCalendarAcrossAClockChange() throws {
        // 23 February 2027 10:00 Paris (UTC+1) minus two months is 23 December 2026 10:00 Paris.
        let now = try #require(paris.date(from: DateComponents(year: 2027, month: 2, day: 23, hour: 10)))
        #expect(RetentionPeriod.months(2).cutoff(before: now, in: paris) == paris.date(from: DateComponents(year: 2026, month: 12, day: 23, hour: 10)))
        // Across the end of summer time, a day is a calendar day (25 hours here).
        let after = try #require(paris.date(from: DateComponents(year: 2026, month: 10, day: 26, hour: 10)))
        #expect(RetentionPeriod.days(1).cutoff(before: after, in: paris) == paris.date(from: DateComponents(year: 2026, month: 10, day: 25, hour: 10)))
    }

    @Test func aClientMayShortenButNeverGoPastTheMaximum() throws {
        let shorter = try RetentionPolicy(overrides: [.calls: .months(1), .messages: .days(30)])
        #expect(shorter.period(.calls) == .months(1))
        #expect(shorter.period(.deliveries) == .days(30), "delivery attempts follow their messages")
        #expect(shorter.lines == ["calls 1 month", "messages 30 days"])
        #expect(try RetentionPolicy(overrides: [.calls: .months(6)]).period(.calls) == .months(6))
        #expect(throws: ValidationError.self) { try RetentionPolicy(overrides: [.calls: .months(7)]) }
        #expect(throws: ValidationError.self) { try RetentionPolicy(overrides: [.calls: .days(190)]) }
        #expect(throws: ValidationError.self) { try RetentionPolicy(overrides: [.contacts: .months(37)]) }
        #expect(throws: ValidationError.self) { try RetentionPolicy(overrides: [.audit: .months(1)]) }
        #expect(RetentionPolicy(storedLines: "calls 1 month\nmessages 30 days") == shorter)
        #expect(RetentionPolicy(storedLines: "calls 9 months") == nil, "a damaged stored value is not taken for a policy")
    }

    @Test func aClientFileLineIsReadWithItsErrorsAtTheLine() throws {
        let file = try ClientFile(parsing: sampleFile.replacingOccurrences(
            of: "effective from:", with: "retention: calls 1 month\nretention: contacts 2 years\neffective from:"))
        #expect(file.retention.period(.calls) == .months(1))
        #expect(file.retention.period(.contacts) == .months(24))
        #expect(file.text().contains("retention: calls 1 month\nretention: contacts 24 months\n"))
        #expect(try ClientFile(parsing: file.text()) == file)

        #expect(throws: LineError(line: 16, field: "retention", "'calls 7 months' is longer than the most allowed (6 months)")) {
            try ClientFile(parsing: sampleFile.replacingOccurrences(of: "effective from:", with: "retention: calls 7 months\neffective from:"))
        }
        #expect(throws: LineError(line: 16, field: "retention",
                                  "'calls two months' needs a whole number above 0 before the unit")) {
            try ClientFile(parsing: sampleFile.replacingOccurrences(of: "effective from:", with: "retention: calls two months\neffective from:"))
        }
    }
}
