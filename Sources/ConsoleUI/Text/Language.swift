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

    /// `lun. 23/11` or `Mon 23/11`.
    public func shortDate(_ date: LocalDate) -> String {
        let names = self == .fr
            ? ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
            : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return String(format: "%@ %02d/%02d", names[date.weekday.rawValue - 1], date.day, date.month)
    }

    /// `23/11/2026` in both languages (the style of France and Belgium).
    public func fullDate(_ date: LocalDate) -> String {
        String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
    }

    /// Elapsed seconds as `mm:ss` (or `h:mm:ss` past an hour).
    public static func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        if s >= 3600 { return String(format: "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60) }
        return String(format: "%02d:%02d", s / 60, s % 60)
    }
}
