import Foundation

/// Converts between instants (stored in UTC) and the client's local dates and times.
/// Weeks and opening hours are laid out in local time, so an appointment at 09:00 stays at
/// 09:00 on both sides of a daylight saving change.
public struct LocalCalendar: Sendable, Equatable {
    public let timeZone: TimeZone
    private let calendar: Calendar
    private let offsets: OffsetSpan

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        offsets = OffsetSpan()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    public static func == (lhs: LocalCalendar, rhs: LocalCalendar) -> Bool { lhs.timeZone == rhs.timeZone }

    /// The service's home zone (Europe/Paris), which decides an operator's day; UTC only if
    /// the system has no zone data at all, rather than stopping the program.
    public static let serviceHome: LocalCalendar = (try? LocalCalendar(identifier: "Europe/Paris"))
        ?? LocalCalendar(timeZone: TimeZone(identifier: "UTC") ?? TimeZone.current)

    /// One calendar per zone, shared, so that what one week load learnt of the zone's clock
    /// changes serves the next.
    public init(identifier: String) throws {
        self = try LocalCalendar.byIdentifier.value(for: identifier) { LocalCalendar(timeZone: try LocalCalendar.zone($0)) }
    }

    /// Checks that the system knows the zone, without making its calendar: every client row
    /// read checks its zone, and a command listing clients needs no calendar (issue 20).
    public static func checkZone(_ identifier: String) throws {
        _ = try knownZones.value(for: identifier) { try zone($0) }
    }

    private static func zone(_ identifier: String) throws -> TimeZone {
        guard let zone = TimeZone(identifier: identifier) else {
            throw ValidationError(field: "time zone", value: identifier, reason: "unknown time zone")
        }
        return zone
    }

    private static let byIdentifier = Memo<String, LocalCalendar>()
    private static let knownZones = Memo<String, TimeZone>()

    /// The instant of `time` on `date` here. In the spring-forward gap (02:00–03:00) the
    /// instant after the gap is given; the service is never open then.
    public func instant(_ date: LocalDate, _ time: TimeOfDay) -> Date {
        let minutes = time.minutes
        // Well inside a span without a clock change, local time is one offset away; near a
        // change (a skipped or repeated hour) Calendar decides, as it always has.
        let local = date.dayNumber * 86_400 + minutes * 60
        if let span = offsets.known {
            let utc = local - span.offset
            if utc - span.start >= 86_400, span.end - utc >= 86_400 { return Date(timeIntervalSince1970: TimeInterval(utc)) }
        }
        var components = DateComponents(year: date.year, month: date.month, day: date.day,
                                        hour: minutes / 60, minute: minutes % 60)
        if minutes == 24 * 60 {
            let next = date.adding(days: 1)
            components = DateComponents(year: next.year, month: next.month, day: next.day, hour: 0, minute: 0)
        }
        let instant = calendar.date(from: components)!
        _ = offset(atUTC: Int(instant.timeIntervalSince1970.rounded(.down))) // learns the span for the next call
        return instant
    }

    public func instant(_ local: LocalDateTime) -> Date {
        instant(local.date, local.time).addingTimeInterval(TimeInterval(local.seconds))
    }

    // Instant → local fields by the zone's offset and day arithmetic: a quarter of the cost
    // of asking Calendar for components, and the week grid converts every appointment.

    /// Seconds since 1970-01-01 00:00 local time (whole seconds, rounded down).
    private func localSeconds(of instant: Date) -> Int {
        let utc = Int(instant.timeIntervalSince1970.rounded(.down))
        return utc + offset(atUTC: utc)
    }

    /// Seconds east of UTC at `utc` (seconds since 1970): from the remembered span when it
    /// holds `utc`, else asked of the zone with the span around it, from the last clock
    /// change to the next.
    private func offset(atUTC utc: Int) -> Int {
        if let span = offsets.known, span.start <= utc, utc < span.end { return span.offset }
        let instant = Date(timeIntervalSince1970: TimeInterval(utc))
        let offset = timeZone.secondsFromGMT(for: instant)
        let end = timeZone.nextDaylightSavingTimeTransition(after: instant).map { Int($0.timeIntervalSince1970) } ?? Int.max
        var start = utc - 190 * 86_400
        var probe = timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(start)))
        while let transition = probe, Int(transition.timeIntervalSince1970) <= utc {
            start = Int(transition.timeIntervalSince1970)
            probe = timeZone.nextDaylightSavingTimeTransition(after: transition)
        }
        offsets.known = (start, end, offset)
        return offset
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
        TimeOfDay(clamping: secondsSinceMidnight(of: instant) / 60)
    }

    public func localDateTime(of instant: Date) -> LocalDateTime {
        let (day, seconds) = Self.floorDivision(localSeconds(of: instant), 86_400)
        return LocalDateTime(date: LocalDate(dayNumber: day), time: TimeOfDay(clamping: seconds / 60))
    }

    /// Seconds since local midnight, for live timers and grid positions.
    public func secondsSinceMidnight(of instant: Date) -> Int {
        Self.floorDivision(localSeconds(of: instant), 86_400).remainder
    }
}

/// The last span of time without a clock change a calendar met, and the zone's offset over
/// it: the instants of a week all fall in one, so converting them costs arithmetic instead
/// of a zone lookup each.
private final class OffsetSpan: @unchecked Sendable {
    private let lock = NSLock()
    private var span: (start: Int, end: Int, offset: Int)?

    var known: (start: Int, end: Int, offset: Int)? {
        get { lock.withLock { span } }
        set { lock.withLock { span = newValue } }
    }
}
