import Foundation

// How dates and times are written in sentences shown to operators and on stderr:
// `Monday 23/11/2026 at 10:00`, the day before the month as in France and Belgium.

extension Weekday {
    /// `Monday`
    public var name: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1]
    }

    /// `Mon`, for grid headers.
    public var shortName: String { String(name.prefix(3)) }
}

extension LocalDate {
    /// `23/11/2026`
    public var dayMonthYear: String { String(format: "%02d/%02d/%04d", day, month, year) }

    /// `23/11`
    public var dayMonth: String { String(format: "%02d/%02d", day, month) }

    /// `Monday 23/11/2026`
    public var spoken: String { "\(weekday.name) \(dayMonthYear)" }
}

extension LocalCalendar {
    /// `Monday 23/11/2026 at 10:00`
    public func spoken(_ instant: Date) -> String {
        "\(localDate(of: instant).spoken) at \(timeOfDay(of: instant))"
    }

    /// `10:00-10:20`, or with both dates when the span crosses midnight.
    public func spokenSpan(_ interval: DateInterval) -> String {
        let startDay = localDate(of: interval.start), endDay = localDate(of: interval.end)
        if startDay == endDay || (timeOfDay(of: interval.end).minutes == 0 && endDay == startDay.adding(days: 1)) {
            let end = timeOfDay(of: interval.end).minutes == 0 && endDay != startDay ? "24:00" : "\(timeOfDay(of: interval.end))"
            return "\(timeOfDay(of: interval.start))-\(end)"
        }
        return "\(spoken(interval.start)) to \(spoken(interval.end))"
    }
}

extension TimeRange {
    /// `08:00-12:00 14:00-19:00`, or `closed`.
    public static func spoken(_ ranges: [TimeRange]) -> String {
        ranges.isEmpty ? "closed" : ranges.map(\.description).joined(separator: " ")
    }
}
