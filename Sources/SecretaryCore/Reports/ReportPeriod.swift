import Foundation

/// How a report's range is cut: by hour, day, ISO week or month, in local time.
public enum ReportGranularity: String, CaseIterable, Sendable, Codable {
    case hour, day, week, month

    public init(parsing text: String) throws {
        guard let value = ReportGranularity(rawValue: text.lowercased()) else {
            throw ValidationError(field: "by", value: text, reason: "expected day, week, month or hour")
        }
        self = value
    }
}

/// One stretch of a report, from one local boundary to the next: a day is 23 or 25 hours on
/// a clock change, and the repeated hour of an October night is two periods.
public struct ReportPeriod: Hashable, Sendable, Codable {
    /// `2026-11-23`, `2026-W48`, `2026-11`, or `2026-10-25T02:00+02:00` for an hour (the
    /// offset tells the two 02:00 of the night the clocks go back apart).
    public let label: String
    public let start: Date
    public let end: Date

    public init(label: String, start: Date, end: Date) {
        self.label = label
        self.start = start
        self.end = end
    }
}

/// A calendar month (`2026-11`), as billed.
public struct LocalMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) throws {
        guard (1...12).contains(month), (1900...2999).contains(year) else {
            throw ValidationError(field: "month", value: "\(year)-\(month)", reason: "expected YYYY-MM, like 2026-11")
        }
        self.year = year
        self.month = month
    }

    /// Reads `2026-11`.
    public init(parsing text: String) throws {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
              (1...12).contains(month), (1900...2999).contains(year) else {
            throw ValidationError(field: "month", value: text, reason: "expected YYYY-MM, like 2026-11")
        }
        self.year = year
        self.month = month
    }

    public init(of date: LocalDate) {
        year = date.year
        month = date.month
    }

    public var firstDay: LocalDate { LocalDate(dayNumber: LocalMonth.dayNumber(year, month, 1)) }
    public var next: LocalMonth { LocalMonth(unchecked: month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1) }
    public var previous: LocalMonth { LocalMonth(unchecked: month == 1 ? year - 1 : year, month == 1 ? 12 : month - 1) }
    public var days: Int { LocalDate.daysIn(month: month, year: year) }

    /// Local midnight of the first day to local midnight of the next month's first day.
    public func bounds(in calendar: LocalCalendar) -> Range<Date> {
        calendar.startOfDay(firstDay)..<calendar.startOfDay(next.firstDay)
    }

    public var description: String { "\(year)-" + Digits.two(month) }
    public static func < (lhs: LocalMonth, rhs: LocalMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    private init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }

    private static func dayNumber(_ year: Int, _ month: Int, _ day: Int) -> Int {
        // LocalDate's arithmetic, without its validation (the first of a valid month exists).
        (try? LocalDate(year: year, month: month, day: day))?.dayNumber ?? 0
    }

    public init(from decoder: any Decoder) throws { try self.init(parsing: decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension LocalCalendar {
    /// Local midnight of `date` (the instant the day begins, whatever its length).
    public func startOfDay(_ date: LocalDate) -> Date {
        instant(date, TimeOfDay.midnight)
    }
}


public enum ReportPeriods {
    /// The periods from `from` to `to` (both days included) cut `by`, in `calendar`'s zone;
    /// a week or month the range cuts short is kept short.
    public static func periods(from: LocalDate, to: LocalDate, by granularity: ReportGranularity,
                               calendar: LocalCalendar) -> [ReportPeriod] {
        guard from <= to else { return [] }
        let end = calendar.startOfDay(to.adding(days: 1))
        var periods: [ReportPeriod] = []
        switch granularity {
        case .hour:
            // Hours are real hours: a local hour boundary is every 3,600 s of UTC in the
            // zones served (whole-hour offsets), so the night of a change has 23 or 25.
            var start = calendar.startOfDay(from)
            while start < end {
                let next = min(end, start.addingTimeInterval(3600))
                periods.append(ReportPeriod(label: hourLabel(start, calendar), start: start, end: next))
                start = next
            }
        case .day:
            var day = from
            while day <= to {
                periods.append(ReportPeriod(label: day.description, start: calendar.startOfDay(day),
                                            end: calendar.startOfDay(day.adding(days: 1))))
                day = day.adding(days: 1)
            }
        case .week:
            var day = from
            while day <= to {
                let nextMonday = day.mondayOfWeek.adding(days: 7)
                let week = day.isoWeek
                periods.append(ReportPeriod(label: "\(week.year)-W" + Digits.two(week.week), start: calendar.startOfDay(day),
                                            end: min(end, calendar.startOfDay(nextMonday))))
                day = nextMonday
            }
        case .month:
            var day = from
            while day <= to {
                let month = LocalMonth(of: day)
                let next = month.next.firstDay
                periods.append(ReportPeriod(label: month.description, start: calendar.startOfDay(day),
                                            end: min(end, calendar.startOfDay(next))))
                day = next
            }
        }
        return periods
    }

    /// `2026-10-25T02:00+02:00`
    public static func hourLabel(_ instant: Date, _ calendar: LocalCalendar) -> String {
        let local = calendar.localDateTime(of: instant)
        let offset = calendar.timeZone.secondsFromGMT(for: instant) / 60
        let sign = offset < 0 ? "-" : "+"
        return "\(local.date)T\(local.time)\(sign)" + Digits.two(abs(offset) / 60) + ":" + Digits.two(abs(offset) % 60)
    }

    /// The index of the period holding `instant` (periods sorted, contiguous), or nil.
    public static func index(of instant: Date, in periods: [ReportPeriod]) -> Int? {
        var low = 0, high = periods.count
        while low < high {
            let middle = (low + high) / 2
            if periods[middle].end <= instant { low = middle + 1 } else { high = middle }
        }
        return low < periods.count && periods[low].start <= instant ? low : nil
    }
}
