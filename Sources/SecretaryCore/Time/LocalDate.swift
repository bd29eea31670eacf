import Foundation

/// ISO weekday: Monday is 1, Sunday 7 (as the week is laid out in France and Belgium).
public enum Weekday: Int, CaseIterable, Codable, Sendable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Three-letter English key used in files and on the command line (`mon`, `sat`).
    public var key: String {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1]
    }

    /// The English key (`mon`), or a day's name in English or French, whole or cut
    /// (`monday`, `lundi`, `lun.`): operators type the days of their own language.
    public init?(key: String) {
        let word = SearchText.fold(key).trimmed(of: ".")
        let names = [["mon", "monday", "lun", "lundi"], ["tue", "tues", "tuesday", "mar", "mardi"],
                     ["wed", "wednesday", "mer", "mercredi"], ["thu", "thur", "thurs", "thursday", "jeu", "jeudi"],
                     ["fri", "friday", "ven", "vendredi"], ["sat", "saturday", "sam", "samedi"],
                     ["sun", "sunday", "dim", "dimanche"]]
        guard let index = names.firstIndex(where: { $0.contains(word) }) else { return nil }
        self.init(rawValue: index + 1)
    }
}

/// A calendar day with no time zone: the day as the client lives it.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) throws {
        guard (1...12).contains(month), (1...LocalDate.daysIn(month: month, year: year)).contains(day),
              (1900...2999).contains(year) else {
            throw ValidationError(field: "date", value: String(format: "%04d-%02d-%02d", year, month, day),
                                  reason: "no such day")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date the code computes (a holiday's fixed day, Easter, a year's first day): never
    /// fails, a day past its month's end rolls into the next month, as day numbers do.
    public init(normalizingYear year: Int, month: Int, day: Int) {
        let first = LocalDate(uncheckedYear: year, month: month)
        self.init(dayNumber: first.dayNumber + day - 1)
    }

    /// The first of a month, for the day-number arithmetic alone (month 1–12 by construction).
    private init(uncheckedYear year: Int, month: Int) {
        let months = year * 12 + (month - 1)
        self.year = months >= 0 ? months / 12 : (months - 11) / 12
        self.month = months - self.year * 12 + 1
        self.day = 1
    }

    /// Reads `2026-12-25`, `25/12/2026` or `25/12` (in `referenceYear`).
    public init(parsing text: String, referenceYear: Int? = nil) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let bad = ValidationError(field: "date", value: text, reason: "expected YYYY-MM-DD, DD/MM/YYYY or DD/MM")
        if trimmed.contains("-") {
            let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2] else { throw bad }
            try self.init(year: y, month: m, day: d)
        } else {
            let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 2 || parts.count == 3, let d = parts[0], let m = parts[1] else { throw bad }
            let year = parts.count == 3 ? parts[2] : referenceYear
            guard let y = year else { throw bad }
            try self.init(year: y, month: m, day: d)
        }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic without a calendar.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday(rawValue: ((dayNumber % 7 + 7 + 3) % 7) + 1)!
    }

    /// The Monday of this date's week.
    public var mondayOfWeek: LocalDate { adding(days: 1 - weekday.rawValue) }

    /// ISO 8601 week (`2026-W48`): the year that owns the week's Thursday, and its number.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday.rawValue)
        let firstOfYear = LocalDate(normalizingYear: thursday.year, month: 1, day: 1)
        return (thursday.year, (thursday.dayNumber - firstOfYear.dayNumber) / 7 + 1)
    }

    /// The Monday of ISO week `week` of `year`; reads `2026-W48`.
    public init(isoWeek text: String) throws {
        let bad = ValidationError(field: "week", value: text, reason: "expected YYYY-Www, for example 2026-W48")
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), parts[1].hasPrefix("W"),
              let week = Int(parts[1].dropFirst()), (1...53).contains(week), (1900...2999).contains(year) else {
            throw bad
        }
        let jan4 = try LocalDate(year: year, month: 1, day: 4)
        let monday = jan4.mondayOfWeek.adding(days: (week - 1) * 7)
        guard monday.isoWeek.week == week else { throw bad }
        self = monday
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// `2026-12-25`
    public var description: String {
        // Not String(format:): Foundation's formatter was a tenth of a contacts import.
        let century = year / 100, rest = year % 100
        return year >= 0 && year <= 9999 ? Digits.two(century) + Digits.two(rest) + "-" + Digits.two(month) + "-" + Digits.two(day)
            : String(format: "%04d-%02d-%02d", year, month, day)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A time of day in minutes since local midnight (`08:30` is 510).
public struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let minutes: Int

    public init(minutes: Int) throws {
        guard (0...(24 * 60)).contains(minutes) else {
            throw ValidationError(field: "time", value: "\(minutes) min", reason: "outside 00:00–24:00")
        }
        self.minutes = minutes
    }

    /// `minutes` brought into 00:00–24:00: for times computed, not read from outside.
    public init(clamping minutes: Int) {
        self.minutes = max(0, min(24 * 60, minutes))
    }

    public static let midnight = TimeOfDay(clamping: 0)

    public init(hour: Int, minute: Int = 0) throws {
        guard (0...59).contains(minute) else {
            throw ValidationError(field: "time", value: "\(hour):\(minute)", reason: "minutes must be 00–59")
        }
        try self.init(minutes: hour * 60 + minute)
    }

    /// Reads `08:00`, `8:00` or `8h00`.
    public init(parsing text: String) throws {
        let parts = text.trimmedOfSpaces.lowercased()
            .split(omittingEmptySubsequences: false) { $0 == ":" || $0 == "h" }
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1].isEmpty ? "0" : parts[1]),
              (0...24).contains(h) else {
            throw ValidationError(field: "time", value: text, reason: "expected HH:MM")
        }
        try self.init(hour: h, minute: m)
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    public var description: String { Digits.two(hour) + ":" + Digits.two(minute) }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A local date and time, as typed on the command line (`2026-11-23T09:30`).
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    public let time: TimeOfDay

    public init(date: LocalDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// Reads `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (seconds kept apart, see `seconds`).
    public init(parsing text: String) throws {
        let bad = ValidationError(field: "date and time", value: text, reason: "expected YYYY-MM-DDTHH:MM")
        let parts = text.split(separator: "T")
        guard parts.count == 2 else { throw bad }
        let timeParts = parts[1].split(separator: ":")
        guard timeParts.count == 2 || timeParts.count == 3, timeParts.allSatisfy({ $0.count == 2 && Int($0) != nil }),
              (timeParts.count == 2 || (0...59).contains(Int(timeParts[2])!)) else { throw bad }
        do {
            date = try LocalDate(parsing: String(parts[0]))
            time = try TimeOfDay(parsing: "\(timeParts[0]):\(timeParts[1])")
        } catch {
            throw bad
        }
        guard time.minutes < 24 * 60 else { throw bad }
        seconds = timeParts.count == 3 ? Int(timeParts[2])! : 0
    }

    /// Seconds past the minute, when given.
    public private(set) var seconds: Int = 0

    public var description: String { "\(date)T\(time)" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time.minutes, lhs.seconds) < (rhs.date, rhs.time.minutes, rhs.seconds)
    }
}
