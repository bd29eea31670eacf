import Foundation

/// The next free times an appointment of a given length can start, on the client's slot
/// granularity: starts fall on multiples of `client.slotMinutes` after local midnight
/// (10:00, 10:15, ...), as the grid's rows do, so a found slot is a cell the cursor can
/// land on.
public enum FreeSlots {
    /// Up to `count` free slots of `minutes`, starting at or after `from` (and never before
    /// `now`), within the schedule's window. Every slot returned passes `BookingRules`:
    /// it skips closed time, lunch breaks, Sundays, public holidays, absences and booked time.
    public static func next(_ count: Int, minutes: Int, from: Date, in schedule: AgendaSchedule,
                            now: Date) -> [DateInterval] {
        guard count > 0, minutes > 0 else { return [] }
        let rules = BookingRules(schedule: schedule, now: now)
        let calendar = schedule.calendar
        let slot = schedule.client.slotMinutes
        let earliest = max(from, now, schedule.window.start)
        var found: [DateInterval] = []
        var date = calendar.localDate(of: earliest)
        while found.count < count, calendar.instant(date, .midnight) < schedule.window.end {
            for range in schedule.ranges(on: date) {
                // Within one open range local time and instants advance together (clocks change
                // at night, never during opening hours), so starts are counted from the opening.
                let opening = calendar.instant(date, range.start)
                // The first slot boundary at or after the range opens.
                var minute = (range.start.minutes + slot - 1) / slot * slot
                while minute + minutes <= range.end.minutes, found.count < count {
                    let start = opening.addingTimeInterval(TimeInterval((minute - range.start.minutes) * 60))
                    let interval = DateInterval(start: start, duration: TimeInterval(minutes * 60))
                    // Booked time is the usual reason a slot is not free, and the cheapest to see;
                    // the full rules (which word their refusals) run on the rest.
                    if start >= earliest, interval.end <= schedule.window.end,
                       !schedule.entries.contains(where: { $0.interval.overlaps(interval) }),
                       rules.violation(start: start, minutes: minutes) == nil {
                        found.append(interval)
                    }
                    minute += slot
                }
            }
            date = date.adding(days: 1)
        }
        return found
    }
}
