import Foundation

/// Who answers for urgent messages, in order: a weekly pattern
/// (`mon-fri 08:00-20:00: Dr Claire Martin, then Dr Hugo Martin`) and dated overrides
/// (`2026-12-24 to 2026-12-26: Dr Hugo Martin`), which win over the pattern on their days.
/// When nobody acknowledges within `escalateAfterMinutes`, the next person is tried, then the
/// supervisors' board.
public struct OnCallRota: Hashable, Sendable {
    public static let defaultEscalation = 10

    public struct Shift: Hashable, Sendable, CustomStringConvertible {
        public let firstDay: Weekday
        public let lastDay: Weekday
        public let hours: TimeRange
        public let people: [String]

        public var description: String {
            let days = firstDay == lastDay ? firstDay.key : "\(firstDay.key)-\(lastDay.key)"
            return "\(days) \(hours): " + people.joined(separator: ", then ")
        }
    }

    public struct Override: Hashable, Sendable, CustomStringConvertible {
        public let from: LocalDate
        public let to: LocalDate
        public let people: [String]

        public var description: String {
            (from == to ? "\(from)" : "\(from) to \(to)") + ": " + people.joined(separator: ", then ")
        }
    }

    public var shifts: [Shift]
    public var overrides: [Override]
    public var escalateAfterMinutes: Int

    public init(shifts: [Shift] = [], overrides: [Override] = [], escalateAfterMinutes: Int = OnCallRota.defaultEscalation) {
        self.shifts = shifts
        self.overrides = overrides
        self.escalateAfterMinutes = escalateAfterMinutes
    }

    public var isEmpty: Bool { shifts.isEmpty && overrides.isEmpty }

    /// The people on call at a local time, first to call first; empty when nobody is.
    /// A dated override covers its whole days; the last one given wins.
    public func people(at local: LocalDateTime) -> [String] {
        if let override = overrides.last(where: { $0.from <= local.date && local.date <= $0.to }) {
            return override.people
        }
        let day = local.date.weekday
        return shifts.last { shift in
            shift.firstDay <= day && day <= shift.lastDay
                && shift.hours.start <= local.time && local.time < shift.hours.end
        }?.people ?? []
    }
}
