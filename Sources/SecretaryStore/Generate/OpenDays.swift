import Foundation
import SecretaryCore

/// One local day of a client's hours, as UTC seconds. Daylight saving changes happen at
/// 02:00–03:00, never within opening hours, so minute `m` of a range is `start + 60·m`.
struct OpenDay {
    struct Range {
        let start: Int64
        let minutes: Int
        var end: Int64 { start + Int64(minutes * 60) }
    }

    let date: LocalDate
    let ranges: [Range]
    /// Local 06:00 and 23:00: calls outside the ranges but within these are logged as closed.
    let wakeUp: Int64
    let bedTime: Int64

    var openMinutes: Int { ranges.reduce(0) { $0 + $1.minutes } }

    func isOpen(at instant: Int64) -> Bool { ranges.contains { $0.start <= instant && instant < $0.end } }
}

/// The open days of each client template over the generated span, computed once per
/// template and day: turning local times into instants goes through Foundation's calendar,
/// too slow to call for each of a million appointments.
struct OpenDays {
    let first: LocalDate
    private var byTemplate: [Int: [OpenDay]] = [:]
    private let count: Int

    init(first: LocalDate, count: Int) {
        self.first = first
        self.count = count
    }

    mutating func days(of generated: GeneratedClient) -> [OpenDay] {
        if let days = byTemplate[generated.templateIndex] { return days }
        let hours = generated.client.openingHours
        let calendar = generated.client.calendar
        let days = (0..<count).map { offset -> OpenDay in
            let date = first.adding(days: offset)
            let ranges = hours.ranges(on: date).map {
                OpenDay.Range(start: calendar.instant(date, $0.start).stored, minutes: $0.minutes)
            }
            return OpenDay(date: date, ranges: ranges,
                           wakeUp: calendar.instant(date, TimeOfDay(clamping: 6 * 60)).stored,
                           bedTime: calendar.instant(date, TimeOfDay(clamping: 23 * 60)).stored)
        }
        byTemplate[generated.templateIndex] = days
        return days
    }
}
