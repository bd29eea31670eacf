import Foundation
import Testing
@testable import SecretaryCore

/// Builds instants in a zone from `2026-11-21T12:59` strings.
func instant(_ text: String, _ zone: String = "Europe/Paris") -> Date {
    try! LocalCalendar(identifier: zone).instant(LocalDateTime(parsing: text))
}

@Suite("Opening hours of the service and of a client")
struct OpeningHoursTests {
    let paris = OpeningHours(country: .fr, calendar: try! LocalCalendar(identifier: "Europe/Paris"))
    let brussels = OpeningHours(country: .be, calendar: try! LocalCalendar(identifier: "Europe/Brussels"))

    @Test func saturdayClosesAtOne() {
        #expect(paris.isOpen(at: instant("2026-11-21T08:00")))
        #expect(paris.isOpen(at: instant("2026-11-21T12:59")))
        #expect(!paris.isOpen(at: instant("2026-11-21T13:00")))
        #expect(!paris.isOpen(at: instant("2026-11-21T07:59")))
    }

    @Test func weekdaysAreEightToEight() {
        #expect(paris.isOpen(at: instant("2026-11-23T08:00")))
        #expect(paris.isOpen(at: instant("2026-11-23T19:59")))
        #expect(!paris.isOpen(at: instant("2026-11-23T20:00")))
    }

    @Test func sundayIsClosed() {
        #expect(!paris.isOpen(at: instant("2026-11-22T10:00")))
        #expect(paris.openIntervals(on: try! LocalDate(parsing: "2026-11-22")).isEmpty)
    }

    @Test("French public holidays are closed", arguments: ["2027-05-01", "2027-03-29", "2027-05-06", "2027-05-17", "2026-07-14", "2026-12-25"])
    func frenchHolidays(date: String) throws {
        #expect(!paris.isOpen(at: instant("\(date)T10:00")))
    }

    @Test func easterMonday2027IsClosedInFrance() throws {
        #expect(PublicHolidays.easterSunday(2027) == (try LocalDate(parsing: "2027-03-28")))
        #expect(PublicHolidays.name(of: try LocalDate(parsing: "2027-03-29"), country: .fr) == "Lundi de Pâques")
        #expect(!paris.isOpen(at: instant("2027-03-29T10:00")))
    }

    @Test func belgianNationalDay() {
        #expect(!brussels.isOpen(at: instant("2026-07-21T10:00", "Europe/Brussels")))
        #expect(paris.isOpen(at: instant("2026-07-21T10:00")))
        // 14 July is French only; 8 May is not a Belgian holiday.
        #expect(brussels.isOpen(at: instant("2026-07-14T10:00", "Europe/Brussels")))
        #expect(brussels.isOpen(at: instant("2026-05-08T10:00", "Europe/Brussels")))
    }

    @Test func splitHoursCloseForLunch() throws {
        let hours = try WeeklyHours(parsing: "mon-fri 08:00-12:00 14:00-19:00; sat 09:00-12:00")
        let client = OpeningHours(weekly: hours, country: .fr, calendar: paris.calendar)
        #expect(client.isOpen(at: instant("2026-11-24T11:59")))
        #expect(!client.isOpen(at: instant("2026-11-24T12:00")))
        #expect(!client.isOpen(at: instant("2026-11-24T13:30")))
        #expect(client.isOpen(at: instant("2026-11-24T14:00")))
        #expect(!client.isOpen(at: instant("2026-11-24T19:30")))
        #expect(!client.isOpen(at: instant("2026-11-21T08:30")))
        #expect(client.openIntervals(on: try LocalDate(parsing: "2026-11-24")).count == 2)
        #expect(client.nextOpening(after: instant("2026-11-24T12:10")) == instant("2026-11-24T14:00"))
        // Saturday afternoon → Monday morning.
        #expect(client.nextOpening(after: instant("2026-11-21T12:30")) == instant("2026-11-23T08:00"))
    }

    @Test func nextOpeningSkipsHolidays() {
        // Thursday 24 December 2026, 20:30 → Saturday 26 December 08:00 (25th is Christmas).
        #expect(paris.nextOpening(after: instant("2026-12-24T20:30")) == instant("2026-12-26T08:00"))
        #expect(paris.nextOpening(after: instant("2026-11-23T10:00")) == instant("2026-11-23T10:00"))
    }

    @Test("Hours reaching outside the service's are refused", arguments: [
        "mon 07:30-12:00", "fri 14:00-20:30", "sat 08:00-14:00", "sun 09:00-12:00",
    ])
    func widerHoursRejected(text: String) {
        #expect(throws: ValidationError.self) { try WeeklyHours(parsing: text) }
    }

    @Test func overlappingRangesRejected() {
        #expect(throws: ValidationError.self) { try WeeklyHours(parsing: "mon 08:00-12:00 11:00-14:00") }
    }

    @Test func hoursRoundTripThroughText() throws {
        let text = "mon-tue 08:00-12:00 14:00-19:00; thu-fri 09:00-17:00; sat 08:00-12:00"
        #expect(try WeeklyHours(parsing: text).description == text)
        #expect(try WeeklyHours(parsing: "mon 09:00-12:00; tue 09:00-12:00").description == "mon-tue 09:00-12:00")
        #expect(try WeeklyHours(parsing: "mon 09:00-12:00; wed 09:00-12:00").description == "mon 09:00-12:00; wed 09:00-12:00")
    }
}

@Suite("Daylight saving does not move local times")
struct DaylightSavingTests {
    let calendar = try! LocalCalendar(identifier: "Europe/Paris")
    let hours = OpeningHours(country: .fr, calendar: try! LocalCalendar(identifier: "Europe/Paris"))

    @Test("The Monday after each change opens at 08:00 local", arguments: ["2026-03-30", "2026-10-26", "2027-03-29"])
    func mondayAfterChange(date: String) throws {
        let monday = try LocalDate(parsing: date)
        let day = monday.adding(days: date == "2027-03-29" ? 1 : 0) // Easter Monday 2027 is closed
        let intervals = hours.openIntervals(on: day)
        #expect(intervals.count == 1)
        #expect(calendar.timeOfDay(of: intervals[0].start).description == "08:00")
        #expect(intervals[0].duration == 12 * 3600)
    }

    @Test("The change Sundays are 23 or 25 hours long", arguments: [
        ("2026-03-29", 23), ("2026-10-25", 25), ("2027-03-28", 23),
    ])
    func sundayLength(date: String, hoursLong: Int) throws {
        let day = try LocalDate(parsing: date)
        let start = calendar.instant(day, try TimeOfDay(minutes: 0))
        let end = calendar.instant(day.adding(days: 1), try TimeOfDay(minutes: 0))
        #expect(end.timeIntervalSince(start) == Double(hoursLong) * 3600)
    }

    /// Local dates and times are computed from the zone's offset, not through Calendar: every
    /// quarter hour across both changes of 2026 (the skipped and the repeated hour included)
    /// and in a zone west of UTC must read as Calendar reads it.
    @Test("Local fields agree with Calendar", arguments: ["Europe/Paris", "America/Montreal"])
    func localFieldsAgreeWithCalendar(zone: String) throws {
        let local = try LocalCalendar(identifier: zone)
        var reference = Calendar(identifier: .gregorian)
        reference.timeZone = local.timeZone
        for change in ["2026-03-28T12:00", "2026-10-24T12:00", "2026-11-08T12:00"] {
            let start = local.instant(try LocalDateTime(parsing: change))
            for quarter in 0..<(4 * 48) {
                let moment = start.addingTimeInterval(TimeInterval(quarter * 900 + 7))
                let expected = reference.dateComponents([.year, .month, .day, .hour, .minute], from: moment)
                let read = local.localDateTime(of: moment)
                let readFields: [Int] = [read.date.year, read.date.month, read.date.day, read.time.minutes]
                let expectedFields: [Int] = [expected.year!, expected.month!, expected.day!, expected.hour! * 60 + expected.minute!]
                #expect(readFields == expectedFields, "\(zone) at \(moment)")
                #expect(local.localDate(of: moment) == read.date)
                #expect(local.secondsSinceMidnight(of: moment) == expected.hour! * 3600 + expected.minute! * 60 + 7)
            }
            // And back: every local quarter hour of those two days, the skipped and the
            // repeated hour included, gives the instant Calendar gives.
            let firstDay = local.localDate(of: start)
            for quarter in 0..<(4 * 48) {
                let date = firstDay.adding(days: quarter / 96)
                let minutes = quarter % 96 * 15
                let expected = reference.date(from: DateComponents(year: date.year, month: date.month, day: date.day,
                                                                   hour: minutes / 60, minute: minutes % 60))!
                #expect(local.instant(date, try TimeOfDay(minutes: minutes)) == expected, "\(zone) \(date) \(minutes)")
            }
        }
    }

    @Test func nineOClockStaysNineAcrossTheChange() throws {
        let before = calendar.instant(try LocalDate(parsing: "2026-10-24"), try TimeOfDay(parsing: "09:00"))
        let after = calendar.instant(try LocalDate(parsing: "2026-10-26"), try TimeOfDay(parsing: "09:00"))
        #expect(calendar.timeOfDay(of: before).description == "09:00")
        #expect(calendar.timeOfDay(of: after).description == "09:00")
        #expect(after.timeIntervalSince(before) == 49 * 3600)
    }
}

@Suite("Local dates")
struct LocalDateTests {
    @Test func aComputedDateIsTheCheckedOneAndAnOverflowRollsOn() throws {
        for (y, m, d) in [(2026, 1, 1), (2024, 2, 29), (2026, 12, 31), (1999, 7, 14), (2100, 3, 1)] {
            #expect(LocalDate(normalizingYear: y, month: m, day: d) == (try LocalDate(year: y, month: m, day: d)))
        }
        #expect(LocalDate(normalizingYear: 2026, month: 2, day: 29) == (try LocalDate(year: 2026, month: 3, day: 1)))
        #expect(LocalDate(normalizingYear: 2026, month: 13, day: 1) == (try LocalDate(year: 2027, month: 1, day: 1)))
        #expect(WeeklyHours.service.description == (try WeeklyHours(parsing: "mon-fri 08:00-20:00; sat 08:00-13:00")).description)
    }

    @Test func parsesTheThreeForms() throws {
        let expected = try LocalDate(year: 2026, month: 12, day: 25)
        #expect(try LocalDate(parsing: "2026-12-25") == expected)
        #expect(try LocalDate(parsing: "25/12/2026") == expected)
        #expect(try LocalDate(parsing: "25/12", referenceYear: 2026) == expected)
        #expect(throws: ValidationError.self) { try LocalDate(parsing: "31/02/2026") }
        #expect(throws: ValidationError.self) { try LocalDate(parsing: "noël") }
    }

    @Test func weekdaysAndWeeks() throws {
        let date = try LocalDate(parsing: "2026-11-21")
        #expect(date.weekday == .saturday)
        #expect(date.mondayOfWeek.description == "2026-11-16")
        #expect(date.isoWeek.week == 47)
        #expect(try LocalDate(isoWeek: "2026-W48").description == "2026-11-23")
        #expect(try LocalDate(isoWeek: "2027-W01").description == "2027-01-04")
        #expect(throws: ValidationError.self) { try LocalDate(isoWeek: "2026-48") }
    }

    @Test func clockStartsAtTheGivenInstantAndRuns() {
        let manual = ManualClock(Date(timeIntervalSince1970: 1000))
        let clock = StartedClock(start: Date(timeIntervalSince1970: 5_000_000), reference: manual)
        #expect(clock.now() == Date(timeIntervalSince1970: 5_000_000))
        manual.advance(by: 90)
        #expect(clock.now() == Date(timeIntervalSince1970: 5_000_090))
    }
}

@Suite("Validated domain values")
struct DomainValidationTests {
    @Test func clientIDsAreSlugs() {
        #expect(throws: ValidationError.self) { try ClientID("Dr Martin") }
        for refused in ["-martin", "martin-", "dr--martin", "dr_martin", "drmartín", "x", String(repeating: "a", count: 41)] {
            #expect(throws: ValidationError.self, "\(refused)") { try ClientID(refused) }
        }
        for accepted in ["dr-martin", "k2", "kine-dubois-2", String(repeating: "a", count: 40)] {
            #expect((try? ClientID(accepted))?.rawValue == accepted)
        }
    }

    @Test func searchIsAccentAndCaseBlind() {
        #expect(SearchText.fold("Lefèvre") == "lefevre")
        #expect(SearchText.words("  MAR   Dùp ") == ["mar", "dup"])
        #expect(SearchText.fold("Œuvre") == "oeuvre")
    }

    @Test func operatorsHaveValidLogins() {
        #expect(throws: ValidationError.self) { try Operator(login: "Claire D", displayName: "Claire", role: .operator) }
        #expect(throws: ValidationError.self) { try Role(parsing: "boss") }
    }
}
