import Foundation

/// A span of one local day, `08:00–12:00`.
public struct TimeRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public let start: TimeOfDay
    public let end: TimeOfDay

    public init(_ start: TimeOfDay, _ end: TimeOfDay) throws {
        guard start < end else {
            throw ValidationError(field: "hours", value: "\(start)-\(end)", reason: "the end must come after the start")
        }
        self.start = start
        self.end = end
    }

    /// Reads `08:00-12:00`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "-")
        guard parts.count == 2 else {
            throw ValidationError(field: "hours", value: text, reason: "expected HH:MM-HH:MM")
        }
        try self.init(TimeOfDay(parsing: String(parts[0])), TimeOfDay(parsing: String(parts[1])))
    }

    /// A span the code writes down (the service's hours): the two ends in order, whatever
    /// way round they were given, so it never fails.
    init(ordering one: TimeOfDay, _ other: TimeOfDay) {
        start = min(one, other)
        end = max(one, other)
    }

    public func contains(_ other: TimeRange) -> Bool { start <= other.start && other.end <= end }

    public var minutes: Int { end.minutes - start.minutes }

    public var description: String { "\(start)-\(end)" }
}

/// Hours per weekday, possibly split (`08:00-12:00 14:00-19:00`). Days absent are closed.
public struct WeeklyHours: Hashable, Sendable, CustomStringConvertible {
    public let days: [Weekday: [TimeRange]]

    /// The hours the service answers: Monday–Friday 08:00–20:00, Saturday 08:00–13:00.
    public static let service: WeeklyHours = {
        let weekday = [TimeRange(ordering: TimeOfDay(clamping: 8 * 60), TimeOfDay(clamping: 20 * 60))]
        let saturday = [TimeRange(ordering: TimeOfDay(clamping: 8 * 60), TimeOfDay(clamping: 13 * 60))]
        return WeeklyHours(unchecked: [.monday: weekday, .tuesday: weekday, .wednesday: weekday,
                                       .thursday: weekday, .friday: weekday, .saturday: saturday])
    }()

    /// The text form read by `init(parsing:)`, consecutive days with the same hours grouped:
    /// `mon-fri 08:00-12:00 14:00-19:00; sat 08:00-12:00`. Made once: a list of clients
    /// prints each one's hours.
    public let description: String

    private init(unchecked days: [Weekday: [TimeRange]]) {
        self.days = days
        description = WeeklyHours.text(of: days)
    }

    /// A client's hours: each range must lie within the service's hours of that day, and a
    /// day's ranges must not overlap. A client may narrow the service's hours, never widen them.
    public init(_ days: [Weekday: [TimeRange]]) throws {
        var checked: [Weekday: [TimeRange]] = [:]
        for (weekday, ranges) in days where !ranges.isEmpty {
            let sorted = ranges.sorted { $0.start < $1.start }
            let allowed = WeeklyHours.service.days[weekday] ?? []
            for range in sorted where !allowed.contains(where: { $0.contains(range) }) {
                let window = allowed.isEmpty ? "closed" : allowed.map(\.description).joined(separator: " ")
                throw ValidationError(field: "hours", value: "\(weekday.key) \(range)",
                                      reason: "outside the service's hours (\(weekday.key) \(window))")
            }
            for (a, b) in zip(sorted, sorted.dropFirst()) where b.start < a.end {
                throw ValidationError(field: "hours", value: "\(weekday.key) \(a) \(b)", reason: "ranges overlap")
            }
            checked[weekday] = sorted
        }
        self.days = checked
        description = WeeklyHours.text(of: checked)
    }

    /// Reads `mon-fri 08:00-12:00 14:00-19:00; sat 08:00-12:00` (days and ranges as written in
    /// a client file). Later clauses override earlier ones for the days they name.
    public init(parsing text: String) throws {
        self = try WeeklyHours.parsed.value(for: text, computing: WeeklyHours.parse)
    }

    private static let parsed = Memo<String, WeeklyHours>()

    private static func parse(_ text: String) throws -> WeeklyHours {
        var days: [Weekday: [TimeRange]] = [:]
        for clause in text.split(separator: ";") {
            let words = clause.split(separator: " ").map(String.init)
            guard let dayWord = words.first else { continue }
            // Made only when needed: trimming goes through Foundation, and every client row
            // read parses its hours (a command's start-up, issue 20).
            var bad: ValidationError {
                ValidationError(field: "hours", value: String(clause).trimmingCharacters(in: .whitespaces),
                                reason: "expected days then ranges, for example 'mon-fri 08:00-12:00 14:00-19:00'")
            }
            let dayParts = dayWord.split(separator: "-").map(String.init)
            guard let first = dayParts.first.flatMap(Weekday.init(key:)),
                  let last = (dayParts.count == 2 ? Weekday(key: dayParts[1]) : first),
                  dayParts.count <= 2, first <= last else { throw bad }
            let ranges = try words.dropFirst().filter { $0.lowercased() != "closed" }.map(TimeRange.init(parsing:))
            for raw in first.rawValue...last.rawValue {
                days[Weekday(rawValue: raw)!] = ranges
            }
        }
        return try WeeklyHours(days)
    }

    public func ranges(on weekday: Weekday) -> [TimeRange] { days[weekday] ?? [] }

    /// The earliest opening and latest closing over the week, for laying out a grid.
    public var span: TimeRange? {
        let all = days.values.flatMap { $0 }
        guard let start = all.map(\.start).min(), let end = all.map(\.end).max() else { return nil }
        return try? TimeRange(start, end)
    }

    private static func text(of days: [Weekday: [TimeRange]]) -> String {
        var clauses: [String] = []
        var runStart: Weekday?
        var previous: Weekday?
        func close() {
            guard let first = runStart, let last = previous, let ranges = days[first] else { return }
            let dayText = first == last ? first.key : "\(first.key)-\(last.key)"
            clauses.append(dayText + " " + ranges.map(\.description).joined(separator: " "))
        }
        for day in Weekday.allCases {
            let ranges = days[day] ?? []
            if let first = runStart, let last = previous, days[first] == ranges, last.rawValue == day.rawValue - 1 {
                previous = day
                continue
            }
            close()
            runStart = ranges.isEmpty ? nil : day
            previous = ranges.isEmpty ? nil : day
        }
        close()
        return clauses.joined(separator: "; ")
    }
}

/// When a client's line is answered: its weekly hours in its time zone, less the public
/// holidays of its country.
public struct OpeningHours: Sendable {
    public let weekly: WeeklyHours
    public let country: Country
    public let calendar: LocalCalendar

    public init(weekly: WeeklyHours = .service, country: Country, calendar: LocalCalendar) {
        self.weekly = weekly
        self.country = country
        self.calendar = calendar
    }

    /// The local ranges open on `date`: none on a Sunday or a public holiday.
    public func ranges(on date: LocalDate) -> [TimeRange] {
        if PublicHolidays.name(of: date, country: country) != nil { return [] }
        return weekly.ranges(on: date.weekday)
    }

    /// The open intervals of `date` as instants.
    public func openIntervals(on date: LocalDate) -> [DateInterval] {
        ranges(on: date).map {
            DateInterval(start: calendar.instant(date, $0.start), end: calendar.instant(date, $0.end))
        }
    }

    /// Open at `instant`: opening time included, closing time excluded.
    public func isOpen(at instant: Date) -> Bool {
        openIntervals(on: calendar.localDate(of: instant)).contains { $0.start <= instant && instant < $0.end }
    }

    /// True when the whole of `interval` lies inside one open interval of its day.
    public func covers(_ interval: DateInterval) -> Bool {
        openIntervals(on: calendar.localDate(of: interval.start)).contains {
            $0.start <= interval.start && interval.end <= $0.end
        }
    }

    /// The first instant at or after `instant` when the line is open (nil if none within a year).
    public func nextOpening(after instant: Date) -> Date? {
        let today = calendar.localDate(of: instant)
        for offset in 0..<366 {
            for interval in openIntervals(on: today.adding(days: offset)) where interval.end > instant {
                return max(interval.start, instant)
            }
        }
        return nil
    }
}
