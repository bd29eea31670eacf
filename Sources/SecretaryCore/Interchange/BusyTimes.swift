import Foundation

/// One stretch of a practitioner's own calendar during which nothing is booked, keyed by
/// the event it comes from (its UID, and for a recurring event the occurrence), so that
/// importing the same calendar again finds it instead of adding it twice.
public struct BusyTime: Sendable, Equatable {
    public let key: String
    public let start: Date
    public let end: Date
}

public enum BusyTimes {
    /// The busy times of `events` that end after `now` and start before `horizon`:
    /// recurring events expanded (less EXDATEs and occurrences moved by a RECURRENCE-ID),
    /// cancelled and free events left out.
    public static func occurrences(of events: [ICalendarEvent], now: Date, horizon: Date) -> [BusyTime] {
        var found: [BusyTime] = []
        let moved = Dictionary(grouping: events.filter { $0.recurrenceID != nil }, by: \.uid)
        for event in events {
            if let replaced = event.recurrenceID {
                if event.holdsTime { found.append(BusyTime(key: "\(event.uid)#\(ICalendarLines.utc(replaced))", start: event.start, end: event.end)) }
                continue
            }
            guard event.holdsTime else { continue }
            guard let rule = event.rule else {
                found.append(BusyTime(key: event.uid, start: event.start, end: event.end))
                continue
            }
            let length = event.end.timeIntervalSince(event.start)
            let skipped = Set(event.exceptions + (moved[event.uid] ?? []).compactMap(\.recurrenceID))
            for start in rule.starts(from: event.start, in: event.timeZone, through: horizon) where !skipped.contains(start) {
                found.append(BusyTime(key: "\(event.uid)#\(ICalendarLines.utc(start))", start: start, end: start.addingTimeInterval(length)))
            }
        }
        return found.filter { $0.end > now && $0.start < horizon }.sorted { ($0.start, $0.key) < ($1.start, $1.key) }
    }
}
