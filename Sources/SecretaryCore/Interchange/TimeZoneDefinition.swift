import Foundation

/// The VTIMEZONE block for a client's zone (RFC 5545 §3.6.5), so a reader places each
/// event at the client's local time whatever zone it runs in. Europe/Paris and
/// Europe/Brussels follow the EU rule (last Sunday of March and of October at 01:00 UTC),
/// written as two yearly rules, the form every calendar program knows. Another zone gets its
/// actual clock changes over the exported span, one observance each.
public enum TimeZoneDefinition {
    public static func lines(for calendar: LocalCalendar, covering span: DateInterval) -> [String] {
        let zone = calendar.timeZone
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        let transitions = changes(of: zone, in: span)
        if followsEURule(zone, transitions) {
            let winter = zone.secondsFromGMT(for: date(2001, 1, 15)), summer = zone.secondsFromGMT(for: date(2001, 7, 15))
            lines += observance("DAYLIGHT", from: winter, to: summer, start: "19700329T020000",
                                rule: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", name: zone.abbreviation(for: date(2001, 7, 15)))
            lines += observance("STANDARD", from: summer, to: winter, start: "19701025T030000",
                                rule: "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", name: zone.abbreviation(for: date(2001, 1, 15)))
        } else if transitions.isEmpty {
            let offset = zone.secondsFromGMT(for: span.start)
            lines += observance("STANDARD", from: offset, to: offset, start: "19700101T000000", rule: nil, name: nil)
        } else {
            for change in transitions {
                let before = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
                let after = zone.secondsFromGMT(for: change)
                let wall = ICalendarLines.utc(change.addingTimeInterval(TimeInterval(before))).dropLast()
                lines += observance(after > before ? "DAYLIGHT" : "STANDARD", from: before, to: after,
                                    start: String(wall), rule: nil, name: nil)
            }
        }
        return lines + ["END:VTIMEZONE"]
    }

    private static func observance(_ kind: String, from: Int, to: Int, start: String, rule: String?, name: String?) -> [String] {
        var lines = ["BEGIN:\(kind)", "DTSTART:\(start)",
                     "TZOFFSETFROM:\(ICalendarLines.offset(from))", "TZOFFSETTO:\(ICalendarLines.offset(to))"]
        if let rule { lines.append("RRULE:\(rule)") }
        if let name, name.allSatisfy({ $0.isLetter }) { lines.append("TZNAME:\(name)") }
        return lines + ["END:\(kind)"]
    }

    /// The zone's clock changes from a year before `span` to a year after it.
    static func changes(of zone: TimeZone, in span: DateInterval) -> [Date] {
        var found: [Date] = []
        var cursor = span.start.addingTimeInterval(-366 * 86_400)
        let end = span.end.addingTimeInterval(366 * 86_400)
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end, found.count < 400 {
            found.append(next)
            cursor = next
        }
        return found
    }

    /// Every change at 01:00 UTC on the last Sunday of March or October, one hour each way.
    static func followsEURule(_ zone: TimeZone, _ transitions: [Date]) -> Bool {
        guard transitions.count >= 2 else { return false }
        return transitions.allSatisfy { change in
            let seconds = Int(change.timeIntervalSince1970)
            let day = LocalDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
            let lastSunday = day.weekday == .sunday && day.adding(days: 7).month != day.month
            let shift = zone.secondsFromGMT(for: change) - zone.secondsFromGMT(for: change.addingTimeInterval(-1))
            return seconds - day.dayNumber * 86_400 == 3600 && lastSunday && [3, 10].contains(day.month) && abs(shift) == 3600
        }
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> Date {
        // Noon UTC of a known date: which side of a change it falls on never depends on the zone.
        Date(timeIntervalSince1970: TimeInterval(((try? LocalDate(year: year, month: month, day: day))?.dayNumber ?? 0) * 86_400 + 43_200))
    }
}
