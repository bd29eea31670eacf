import Foundation

/// One agenda's week as the console draws it: six columns, Monday to Saturday, and rows
/// from the week's earliest opening to its latest closing in the client's slot
/// granularity. Rows are local times, so a week across a daylight saving change lays out
/// like any other: an appointment at 09:00 sits on the 09:00 row on both sides.
///
/// A pure value: the console draws it and moves a cursor over it; nothing here knows the
/// terminal or the database.
public struct WeekGrid: Sendable, Equatable {
    public struct Day: Hashable, Sendable {
        public let date: LocalDate
        /// The open ranges of the day; empty when closed.
        public let ranges: [TimeRange]
        /// The public holiday's name (`Noël`) when the day is one.
        public let holiday: String?

        /// Closed all day (Sunday-like, a practitioner's day off, or a holiday): drawn narrow.
        public var isClosed: Bool { ranges.isEmpty }
    }

    /// The part of an appointment shown in one cell.
    public struct Booking: Hashable, Sendable {
        public let id: Int64
        public let contactName: String
        public let typeID: Int64
        public let typeName: String
        /// The type's colour index (1–8).
        public let colour: Int
        public let status: AppointmentStatus
        public let start: Date
        public let end: Date
        /// This row is where the appointment begins in the grid: draw the name here, and
        /// only a continuation mark below.
        public let isFirstRow: Bool
    }

    public enum Cell: Hashable, Sendable {
        case closed
        case free
        /// The practitioner is away; the reason (`Congrès`), possibly empty.
        case absence(String)
        case appointment(Booking)

        public var isFree: Bool { self == .free }

        public var booking: Booking? {
            if case .appointment(let booking) = self { return booking }
            return nil
        }
    }

    /// A cell: `day` 0 (Monday) to 5 (Saturday), `row` 0 to `rows.count - 1`.
    public struct Position: Hashable, Sendable {
        public var day: Int
        public var row: Int
        public init(day: Int, row: Int) {
            self.day = day
            self.row = row
        }
    }

    public let monday: LocalDate
    public let slotMinutes: Int
    public let days: [Day]
    /// The local time at which each row starts.
    public let rows: [TimeOfDay]
    public let calendar: LocalCalendar
    private let cells: [[Cell]]

    /// Lays out the week holding `date` (any day of it) from a schedule that covers it.
    public init(schedule: AgendaSchedule, week date: LocalDate) {
        let monday = date.mondayOfWeek
        let calendar = schedule.calendar
        let slot = schedule.client.slotMinutes
        self.monday = monday
        self.slotMinutes = slot
        self.calendar = calendar
        let dates = (0..<6).map { monday.adding(days: $0) }
        let days = dates.map { date in
            let holiday = schedule.holiday(on: date)
            return Day(date: date, ranges: schedule.ranges(on: date, holiday: holiday), holiday: holiday)
        }
        // Each appointment's times, read once: reading them from the schedule's entries
        // in the loops below copied a whole entry each time.
        let spans = schedule.entries.map(\.interval)
        let rows = WeekGrid.rows(schedule: schedule, spans: spans, dates: dates, slot: slot)
        self.days = days
        self.rows = rows
        cells = days.map { WeekGrid.cells(of: $0, rows: rows, slot: slot, schedule: schedule, spans: spans) }
    }

    /// Rows from the earliest weekly opening to the latest closing, Monday to Saturday
    /// (holidays ignored, so a week with a holiday keeps its usual shape), widened to show
    /// any appointment lying outside the hours rather than hiding it.
    private static func rows(schedule: AgendaSchedule, spans: [DateInterval], dates: [LocalDate], slot: Int) -> [TimeOfDay] {
        let weekly = dates.flatMap { schedule.weeklyRanges(on: $0.weekday) }
        var starts = weekly.map(\.start.minutes)
        var ends = weekly.map(\.end.minutes)
        let calendar = schedule.calendar
        for span in spans {
            let start = calendar.localDateTime(of: span.start)
            guard dates.contains(start.date) else { continue }
            starts.append(start.time.minutes)
            let end = calendar.localDateTime(of: span.end)
            ends.append(end.date == start.date ? end.time.minutes : 24 * 60)
        }
        if starts.isEmpty, let span = WeeklyHours.service.span {
            starts = [span.start.minutes]
            ends = [span.end.minutes]
        }
        let first = starts.min()! / slot * slot
        let last = min(24 * 60, (ends.max()! + slot - 1) / slot * slot)
        return stride(from: first, to: last, by: slot).map { TimeOfDay(clamping: $0) }
    }

    private static func cells(of day: Day, rows: [TimeOfDay], slot: Int,
                              schedule: AgendaSchedule, spans: [DateInterval]) -> [Cell] {
        let date = day.date
        let calendar = schedule.calendar
        let open = schedule.openIntervals(of: day.ranges, on: date)
        guard let firstRow = rows.first, let lastRow = rows.last else { return [] }
        // When no clock change falls between the first and the last row (the usual case: clocks
        // change on Sunday nights), rows are plain offsets from the first; otherwise ask the
        // calendar for each. Converting every cell through the calendar costs milliseconds.
        let top = calendar.instant(date, firstRow)
        let lastEnd = calendar.instant(date, TimeOfDay(clamping: lastRow.minutes + slot))
        let linear = lastEnd.timeIntervalSince(top) == TimeInterval((min(24 * 60, lastRow.minutes + slot) - firstRow.minutes) * 60)
        let dayInterval = DateInterval(start: min(top, lastEnd), end: max(top, lastEnd))
        // The day's appointments by position in the schedule (by start).
        let shown = spans.indices.filter { spans[$0].overlaps(dayInterval) }
        let absences = schedule.absences.filter { $0.interval.overlaps(dayInterval) }
        // Rows go down the day, so the appointments that ended above the current row are
        // passed once and for all; the first one left that overlaps the row is the one shown
        // (the same as searching them all, in a fraction of the time).
        var passed = 0
        // An appointment covers consecutive rows: its name goes on the first of them.
        var above: Int64?
        var cells: [Cell] = []
        cells.reserveCapacity(rows.count)
        for time in rows {
            let interval: DateInterval
            if linear {
                let start = top.addingTimeInterval(TimeInterval((time.minutes - firstRow.minutes) * 60))
                interval = DateInterval(start: start, duration: TimeInterval(min(slot, 24 * 60 - time.minutes) * 60))
            } else {
                let start = calendar.instant(date, time)
                let end = calendar.instant(date, TimeOfDay(clamping: time.minutes + slot))
                interval = DateInterval(start: start, end: max(start, end))
            }
            while passed < shown.count, spans[shown[passed]].end <= interval.start { passed += 1 }
            var overlapping: Int?
            for index in shown[passed...] {
                if spans[index].start >= interval.end { break }
                if spans[index].end > interval.start { overlapping = index; break }
            }
            if let index = overlapping {
                let entry = schedule.entries[index]
                cells.append(.appointment(Booking(
                    id: entry.id, contactName: entry.contactName, typeID: entry.appointment.typeID,
                    typeName: entry.typeName, colour: entry.colour, status: entry.status,
                    start: entry.start, end: entry.end, isFirstRow: above != entry.id)))
                above = entry.id
                continue
            }
            above = nil
            if !open.contains(where: { $0.encloses(interval) }) {
                cells.append(.closed)
            } else if let absence = absences.first(where: { $0.interval.overlaps(interval) }) {
                cells.append(.absence(absence.reason))
            } else {
                cells.append(.free)
            }
        }
        return cells
    }

    public func cell(_ position: Position) -> Cell {
        guard days.indices.contains(position.day), rows.indices.contains(position.row) else { return .closed }
        return cells[position.day][position.row]
    }

    public func cell(day: Int, row: Int) -> Cell { cell(Position(day: day, row: row)) }

    /// The instants a cell covers.
    public func interval(at position: Position) -> DateInterval {
        let date = days[position.day].date
        let time = rows[position.row]
        let start = calendar.instant(date, time)
        let end = calendar.instant(date, TimeOfDay(clamping: time.minutes + slotMinutes))
        return DateInterval(start: start, end: max(start, end))
    }

    /// The cell holding `instant`, if it lies in this week's grid.
    public func position(of instant: Date) -> Position? {
        let date = calendar.localDate(of: instant)
        guard let day = days.firstIndex(where: { $0.date == date }), let first = rows.first else { return nil }
        let row = (calendar.timeOfDay(of: instant).minutes - first.minutes) / slotMinutes
        guard calendar.timeOfDay(of: instant).minutes >= first.minutes, rows.indices.contains(row) else { return nil }
        return Position(day: day, row: row)
    }

    /// The column of `date`, if it is in this week (for marking today).
    public func dayIndex(of date: LocalDate) -> Int? { days.firstIndex { $0.date == date } }
}
