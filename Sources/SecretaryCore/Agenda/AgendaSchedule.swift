import Foundation

/// What is known of one agenda over a window of time: when it is open (the client's hours,
/// narrowed by the practitioner's own, less public holidays), who is away, and what is
/// booked. The booking rules, the free-slot search and the week grid all read it, so they
/// always agree on what "free" means.
public struct AgendaSchedule: Sendable {
    public let client: Client
    public let agenda: Agenda
    /// The span the entries and absences were loaded for.
    public let window: DateInterval
    /// Appointments that hold their time (booked or no-show), by start.
    public let entries: [AppointmentDetails]
    public let absences: [Absence]
    public let calendar: LocalCalendar

    public init(client: Client, agenda: Agenda, window: DateInterval, entries: [AppointmentDetails], absences: [Absence]) {
        self.client = client
        self.agenda = agenda
        self.window = window
        // The store hands them over in order; sorting (and copying) only what is not.
        let holding = entries.contains { $0.status == .cancelled } ? entries.filter { $0.status != .cancelled } : entries
        let inOrder = holding.indices.dropFirst().allSatisfy {
            (holding[$0 - 1].start, holding[$0 - 1].id) <= (holding[$0].start, holding[$0].id)
        }
        self.entries = inOrder ? holding : holding.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        self.absences = absences.sorted { $0.start < $1.start }
        calendar = client.calendar
    }

    /// The window from local midnight of `first` to local midnight after `last`.
    public static func window(from first: LocalDate, through last: LocalDate, calendar: LocalCalendar) -> DateInterval {
        let start = calendar.instant(first, .midnight)
        let end = calendar.instant(last.adding(days: 1), .midnight)
        return DateInterval(start: start, end: end)
    }

    /// The practitioner's hours on a weekday: the client's ranges, cut to the agenda's own
    /// hours when it has some. Never wider than the client's.
    public func weeklyRanges(on weekday: Weekday) -> [TimeRange] {
        let clientRanges = client.hours.ranges(on: weekday)
        guard let own = agenda.hours else { return clientRanges }
        var result: [TimeRange] = []
        for a in clientRanges {
            for b in own.ranges(on: weekday) {
                let start = max(a.start, b.start), end = min(a.end, b.end)
                if let range = try? TimeRange(start, end) { result.append(range) }  // empty overlaps refused
            }
        }
        return result.sorted { $0.start < $1.start }
    }

    /// The public holiday on `date`, by name (`Noël`), if any.
    public func holiday(on date: LocalDate) -> String? {
        PublicHolidays.name(of: date, country: client.country)
    }

    /// The open ranges of `date`: none on a public holiday.
    public func ranges(on date: LocalDate) -> [TimeRange] {
        ranges(on: date, holiday: holiday(on: date))
    }

    /// The open ranges of `date` when its holiday is already known.
    func ranges(on date: LocalDate, holiday: String?) -> [TimeRange] {
        holiday == nil ? weeklyRanges(on: date.weekday) : []
    }

    public func openIntervals(on date: LocalDate) -> [DateInterval] {
        openIntervals(of: ranges(on: date), on: date)
    }

    /// `ranges` of `date` as instants (for a caller that already has the day's ranges).
    public func openIntervals(of ranges: [TimeRange], on date: LocalDate) -> [DateInterval] {
        ranges.map { DateInterval(start: calendar.instant(date, $0.start), end: calendar.instant(date, $0.end)) }
    }

    /// Appointments sharing time with `interval`, except the one being moved.
    public func entries(overlapping interval: DateInterval, except ignored: Int64? = nil) -> [AppointmentDetails] {
        entries.filter { $0.id != ignored && $0.interval.overlaps(interval) }
    }

    public func absences(overlapping interval: DateInterval) -> [Absence] {
        absences.filter { $0.interval.overlaps(interval) }
    }
}
