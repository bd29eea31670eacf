import Foundation

/// An RRULE (RFC 5545 §3.3.10) as practitioners' calendars write them for busy times:
/// FREQ=DAILY or WEEKLY (BYDAY), with INTERVAL, COUNT or UNTIL. Occurrences keep the first
/// one's wall-clock time in its zone, across daylight saving changes.
public struct RecurrenceRule: Sendable, Equatable {
    public enum Frequency: String, Sendable { case daily = "DAILY", weekly = "WEEKLY" }
    public var frequency: Frequency
    public var interval = 1
    public var count: Int?
    public var until: Date?
    public var weekdays: [Weekday] = []

    public init(parsing text: String, zone: TimeZone) throws {
        var frequency: Frequency?
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { String($0).uppercased() }
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "FREQ":
                guard let known = Frequency(rawValue: pair[1]) else {
                    throw ValidationError(field: "RRULE", value: pair[1], reason: "only DAILY and WEEKLY repetitions are read")
                }
                frequency = known
            case "INTERVAL":
                guard let value = Int(pair[1]), (1...366).contains(value) else {
                    throw ValidationError(field: "RRULE", value: pair[1], reason: "INTERVAL must be 1 to 366")
                }
                interval = value
            case "COUNT":
                guard let value = Int(pair[1]), value > 0 else { throw ValidationError(field: "RRULE", value: pair[1], reason: "bad COUNT") }
                count = value
            case "UNTIL":
                until = try ICalendarReader.moment(pair[1], params: [:], zone: zone, line: 0).date
            case "BYDAY":
                weekdays = try pair[1].split(separator: ",").map { day in
                    let key = ["MO": "mon", "TU": "tue", "WE": "wed", "TH": "thu", "FR": "fri", "SA": "sat", "SU": "sun"][String(day.suffix(2))]
                    guard let key, let weekday = Weekday(key: key), day.count == 2 else {
                        throw ValidationError(field: "RRULE", value: String(day), reason: "BYDAY takes MO to SU")
                    }
                    return weekday
                }
            case "WKST": continue
            default:
                throw ValidationError(field: "RRULE", value: pair[0], reason: "\(pair[0]) is not read; only FREQ, INTERVAL, COUNT, UNTIL, BYDAY")
            }
        }
        guard let frequency else { throw ValidationError(field: "RRULE", value: text, reason: "no FREQ") }
        self.frequency = frequency
    }

    /// The starts of the occurrences from `first` (itself the first), up to `horizon`.
    public func starts(from first: Date, in zone: TimeZone, through horizon: Date) -> [Date] {
        let calendar = LocalCalendar(timeZone: zone)
        let local = calendar.localDateTime(of: first)
        let seconds = calendar.secondsSinceMidnight(of: first) % 60
        func at(_ date: LocalDate) -> Date { calendar.instant(date, local.time).addingTimeInterval(TimeInterval(seconds)) }
        var found: [Date] = []
        var produced = 0
        let days = weekdays.isEmpty ? [local.date.weekday] : weekdays.sorted()
        var step = 0
        while step < 5000 {
            let candidates: [LocalDate]
            switch frequency {
            case .daily: candidates = [local.date.adding(days: step * interval)]
            case .weekly:
                let monday = local.date.mondayOfWeek.adding(days: 7 * step * interval)
                candidates = days.map { monday.adding(days: $0.rawValue - 1) }.filter { $0 >= local.date }
            }
            for date in candidates {
                let start = at(date)
                if let until, start > until { return found }
                if let count, produced >= count { return found }
                if start > horizon { return found }
                produced += 1
                found.append(start)
            }
            step += 1
        }
        return found
    }
}
