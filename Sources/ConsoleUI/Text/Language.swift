import Foundation
import SecretaryCore

/// The language of the interface.
public enum Language: String, Sendable, CaseIterable {
    case fr, en

    /// French when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set) starts with `fr`,
    /// English otherwise.
    public static func from(environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("fr") ? .fr : .en
            }
        }
        return .en
    }

    public init(parsing text: String) throws {
        guard let language = Language(rawValue: text.lowercased()) else {
            throw ValidationError(field: "language", value: text, reason: "expected fr or en")
        }
        self = language
    }

    /// Between a label and its value: `Tél. : ` in French, `Phone: ` in English.
    public var colon: String { self == .fr ? " : " : ": " }

    /// `lundi` or `Monday`; `short`: `lun.` or `Mon`.
    public func weekdayName(_ weekday: Weekday, short: Bool) -> String {
        let names: [String]
        switch (self, short) {
        case (.fr, false): names = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
        case (.en, false): names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        case (.fr, true): names = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
        case (.en, true): names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        }
        return names[weekday.rawValue - 1]
    }

    /// `lun. 23/11` or `Mon 23/11`.
    public func shortDate(_ date: LocalDate) -> String {
        weekdayName(date.weekday, short: true) + " " + Digits.two(date.day) + "/" + Digits.two(date.month)
    }

    /// `23/11/2026` in both languages (the style of France and Belgium).
    public func fullDate(_ date: LocalDate) -> String {
        Digits.two(date.day) + "/" + Digits.two(date.month) + "/\(date.year)"
    }

    /// `lun. 23/11 10:02:07`: the status lines' date and running clock at `instant`.
    public func dateAndClock(_ instant: Date, in calendar: LocalCalendar) -> String {
        shortDate(calendar.localDate(of: instant)) + " " + Language.clock(calendar.secondsSinceMidnight(of: instant))
    }

    /// Seconds as `hh:mm:ss`.
    public static func clock(_ seconds: Int) -> String {
        Digits.two(seconds / 3600) + ":" + Digits.two(seconds % 3600 / 60) + ":" + Digits.two(seconds % 60)
    }

    /// Elapsed seconds as `mm:ss` (or `h:mm:ss` past an hour).
    public static func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        if s >= 3600 { return "\(s / 3600):" + Digits.two(s % 3600 / 60) + ":" + Digits.two(s % 60) }
        return Digits.two(s / 60) + ":" + Digits.two(s % 60)
    }
}
