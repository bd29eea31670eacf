import Foundation

/// Converts between instants (stored in UTC) and the client's local dates and times.
/// Weeks and opening hours are laid out in local time, so an appointment at 09:00 stays at
/// 09:00 on both sides of a daylight saving change.
public struct LocalCalendar: Sendable, Equatable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    public init(identifier: String) throws {
        guard let zone = TimeZone(identifier: identifier) else {
            throw ValidationError(field: "time zone", value: identifier, reason: "unknown time zone")
        }
        self.init(timeZone: zone)
    }

    /// The instant of `time` on `date` here. In the spring-forward gap (02:00–03:00) the
    /// instant after the gap is given; the service is never open then.
    public func instant(_ date: LocalDate, _ time: TimeOfDay) -> Date {
        let minutes = time.minutes
        var components = DateComponents(year: date.year, month: date.month, day: date.day,
                                        hour: minutes / 60, minute: minutes % 60)
        if minutes == 24 * 60 {
            let next = date.adding(days: 1)
            components = DateComponents(year: next.year, month: next.month, day: next.day, hour: 0, minute: 0)
        }
        return calendar.date(from: components)!
    }

    public func instant(_ local: LocalDateTime) -> Date {
        instant(local.date, local.time).addingTimeInterval(TimeInterval(local.seconds))
    }

    // Instant → local fields by the zone's offset and day arithmetic: a quarter of the cost
    // of asking Calendar for components, and the week grid converts every appointment.

    /// Seconds since 1970-01-01 00:00 local time (whole seconds, rounded down).
    private func localSeconds(of instant: Date) -> Int {
        Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
    }

    private static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = (value % divisor + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    public func localDate(of instant: Date) -> LocalDate {
        LocalDate(dayNumber: Self.floorDivision(localSeconds(of: instant), 86_400).quotient)
    }

    /// Minutes since local midnight of `instant` (seconds dropped).
    public func timeOfDay(of instant: Date) -> TimeOfDay {
        try! TimeOfDay(minutes: secondsSinceMidnight(of: instant) / 60)
    }

    public func localDateTime(of instant: Date) -> LocalDateTime {
        let (day, seconds) = Self.floorDivision(localSeconds(of: instant), 86_400)
        return LocalDateTime(date: LocalDate(dayNumber: day), time: try! TimeOfDay(minutes: seconds / 60))
    }

    /// Seconds since local midnight, for live timers and grid positions.
    public func secondsSinceMidnight(of instant: Date) -> Int {
        Self.floorDivision(localSeconds(of: instant), 86_400).remainder
    }
}
