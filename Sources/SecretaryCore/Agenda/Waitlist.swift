import Foundation

/// When a person on the waiting list (*liste d'attente*) can come: some weekdays, some
/// times of day; empty means any. Text form, as typed: `mon-wed fri 08:00-12:00`.
public struct WaitlistPreferences: Hashable, Sendable, CustomStringConvertible {
    public let days: Set<Weekday>
    public let times: [TimeRange]

    public static let any = WaitlistPreferences(days: [], times: [])

    public init(days: Set<Weekday>, times: [TimeRange]) {
        self.days = days
        self.times = times.sorted { $0.start < $1.start }
    }

    /// Reads words that are days (`mon`), runs of days (`mon-wed`) or ranges (`08:00-12:00`),
    /// separated by spaces or commas. Empty text: any time.
    public init(parsing text: String) throws {
        var days: Set<Weekday> = []
        var times: [TimeRange] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) {
            if word.contains(where: \.isNumber) {
                times.append(try TimeRange(parsing: word))
                continue
            }
            let ends = word.split(separator: "-").map { Weekday(key: String($0)) }
            guard (1...2).contains(ends.count), let first = ends.first!, let last = ends.last!, first <= last else {
                throw ValidationError(field: "preferences", value: word,
                                      reason: "expected days (mon, tue-thu) and times (08:00-12:00)")
            }
            for raw in first.rawValue...last.rawValue { days.insert(Weekday(rawValue: raw)!) }
        }
        self.init(days: days, times: times)
    }

    /// `mon wed 08:00-12:00`; empty when any time suits.
    public var description: String {
        (Weekday.allCases.filter(days.contains).map(\.key) + times.map(\.description)).joined(separator: " ")
    }

    /// True when a slot on `date` spanning `range` suits.
    public func accepts(_ date: LocalDate, _ range: TimeRange) -> Bool {
        (days.isEmpty || days.contains(date.weekday)) && (times.isEmpty || times.contains { $0.contains(range) })
    }
}

/// Someone waiting for an earlier appointment in one agenda.
public struct WaitlistEntry: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var agendaID: Int64
    public var contactID: Int64
    public var contactName: String
    /// The appointment type wanted, which sets the length; nil: any (the freed slot's length).
    public var typeID: Int64?
    public var typeName: String?
    public var minutes: Int?
    public var preferences: WaitlistPreferences
    public var note: String
    public var createdAt: Date

    public init(id: Int64 = 0, agendaID: Int64, contactID: Int64, contactName: String, typeID: Int64? = nil,
                typeName: String? = nil, minutes: Int? = nil, preferences: WaitlistPreferences = .any,
                note: String = "", createdAt: Date) {
        self.id = id
        self.agendaID = agendaID
        self.contactID = contactID
        self.contactName = contactName
        self.typeID = typeID
        self.typeName = typeName
        self.minutes = minutes
        self.preferences = preferences
        self.note = note
        self.createdAt = createdAt
    }

    /// The earliest slot inside `freed` that suits this entry, on the grid's granularity, or
    /// nil. `freed` is the free stretch left by a cancellation (it may be wider than the
    /// cancelled appointment when the time around it was free too).
    public func firstFit(in freed: DateInterval, slotMinutes: Int, calendar: LocalCalendar) -> DateInterval? {
        let length = minutes.map { TimeInterval($0 * 60) } ?? freed.duration
        guard length > 0, length <= freed.duration else { return nil }
        var start = freed.start
        while start.addingTimeInterval(length) <= freed.end {
            let date = calendar.localDate(of: start)
            let from = calendar.timeOfDay(of: start).minutes
            let to = from + Int(length / 60)
            if to <= 24 * 60, let range = try? TimeRange(TimeOfDay(minutes: from), TimeOfDay(minutes: to)),
               preferences.accepts(date, range) {
                return DateInterval(start: start, duration: length)
            }
            // Next slot boundary after `start` (the freed start may itself be off the grid).
            let next = (from / slotMinutes + 1) * slotMinutes
            start = start.addingTimeInterval(TimeInterval((next - from) * 60))
        }
        return nil
    }
}

/// A waiting-list entry that fits a freed slot, and the slot to propose.
public struct WaitlistMatch: Hashable, Sendable {
    public let entry: WaitlistEntry
    public let slot: DateInterval

    public init(entry: WaitlistEntry, slot: DateInterval) {
        self.entry = entry
        self.slot = slot
    }

    /// The entries that fit `freed`, first come first served.
    public static func matches(_ entries: [WaitlistEntry], freed: DateInterval, slotMinutes: Int,
                               calendar: LocalCalendar) -> [WaitlistMatch] {
        entries.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.compactMap { entry in
            entry.firstFit(in: freed, slotMinutes: slotMinutes, calendar: calendar).map { WaitlistMatch(entry: entry, slot: $0) }
        }
    }
}
