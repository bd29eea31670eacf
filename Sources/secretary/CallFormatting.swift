import Foundation
import SecretaryCore

/// How call lists and the supervisor's figures print durations and times.
enum CallFormat {
    /// `0:42`, `12:05`, `1:02:03`.
    static func duration(_ seconds: Int?) -> String {
        guard let seconds else { return "-" }
        let s = max(0, seconds)
        if s >= 3600 { return String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) }
        return String(format: "%d:%02d", s / 60, s % 60)
    }

    /// `2026-11-23 10:02:05` in `calendar`'s zone.
    static func localTime(_ instant: Date, _ calendar: LocalCalendar) -> String {
        let local = calendar.localDateTime(of: instant)
        return String(format: "%@ %@:%02d", local.date.description, local.time.description,
                      calendar.secondsSinceMidnight(of: instant) % 60)
    }

    /// `10:02` in `calendar`'s zone.
    static func clockTime(_ instant: Date, _ calendar: LocalCalendar) -> String {
        calendar.timeOfDay(of: instant).description
    }

    static func percent(_ share: Double?) -> String {
        share.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"
    }

    /// Reads a call id typed by a person.
    static func callID(_ text: String) throws -> Int64 {
        guard let id = Int64(text.trimmingCharacters(in: .whitespaces)), id > 0 else {
            throw ValidationError(field: "call id", value: text, reason: "expected a call number, like 42")
        }
        return id
    }
}
