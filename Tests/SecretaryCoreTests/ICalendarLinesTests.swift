import Foundation
import Testing
@testable import SecretaryCore

@Suite("iCalendar text rules")
struct ICalendarLinesTests {
    @Test func textIsEscapedAsRFC5545Says() {
        #expect(ICalendarLines.escaped("a\\b;c,d\ne\r\nf\u{7}") == "a\\\\b\\;c\\,d\\ne\\nf")
    }

    @Test func longLinesFoldAt75OctetsWithoutCuttingACharacter() {
        let line = "SUMMARY:" + String(repeating: "é", count: 100)
        let folded = ICalendarLines.folded(line)
        let parts = folded.components(separatedBy: "\r\n").dropLast()
        #expect(parts.count > 2)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
        #expect(ICalendarLines.folded("SHORT:x") == "SHORT:x\r\n")
    }

    @Test func parisAndBrusselsGetTheEURuleAndLocalTimesKeepTheirWallClock() throws {
        let paris = try LocalCalendar(identifier: "Europe/Paris")
        let span = DateInterval(start: Date(timeIntervalSince1970: 1_774_000_000), duration: 400 * 86_400)
        let lines = TimeZoneDefinition.lines(for: paris, covering: span)
        #expect(lines.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU") && lines.contains("TZOFFSETTO:+0200"))
        #expect(TimeZoneDefinition.lines(for: try LocalCalendar(identifier: "Europe/Brussels"), covering: span).contains("TZID:Europe/Brussels"))
        // Monday 30/03/2026 09:00 in Paris is 07:00 UTC (summer time began the day before).
        let monday = paris.instant(try LocalDate(year: 2026, month: 3, day: 30), try TimeOfDay(hour: 9))
        #expect(ICalendarLines.local(monday, in: paris) == "20260330T090000")
        #expect(ICalendarLines.utc(monday) == "20260330T070000Z")
        #expect(CalendarExport.initials("Marie Lefèvre") == "M. L." && CalendarExport.initials("Jean-Pierre Durand") == "J.-P. D.")
    }
}
