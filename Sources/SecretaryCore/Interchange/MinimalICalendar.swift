import Foundation

/// A minimal iCalendar (RFC 5545) file of appointments, for a client's data export: times
/// in UTC, so no time-zone definitions are needed. A fuller writer (with the client's zone)
/// may replace it; the export only needs events that calendar programs read.
public enum MinimalICalendar {
    public struct Event: Sendable {
        public let uid: String
        public let start, end: Date
        public let summary: String
        public let description: String
        public let cancelled: Bool

        public init(uid: String, start: Date, end: Date, summary: String, description: String = "", cancelled: Bool = false) {
            self.uid = uid
            self.start = start
            self.end = end
            self.summary = summary
            self.description = description
            self.cancelled = cancelled
        }
    }

    public static func document(_ events: [Event], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//secretary//client data export//EN", "CALSCALE:GREGORIAN"]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(escaped(event.uid))", "DTSTAMP:\(utc(stamp))",
                      "DTSTART:\(utc(event.start))", "DTEND:\(utc(event.end))", "SUMMARY:\(escaped(event.summary))"]
            if !event.description.isEmpty { lines.append("DESCRIPTION:\(escaped(event.description))") }
            lines.append("STATUS:\(event.cancelled ? "CANCELLED" : "CONFIRMED")")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(folded).map { $0 + "\r\n" }.joined()
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { continue }
                out.append(character)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a character.
    static func folded(_ line: String) -> String {
        var out = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(character)
            count += size
        }
        return out
    }

    static func utc(_ instant: Date) -> String {
        let seconds = Int64(instant.timeIntervalSince1970.rounded(.down))
        let days = Int((seconds >= 0 ? seconds : seconds - 86_399) / 86_400)
        let rest = Int(seconds - Int64(days) * 86_400)
        let (year, month, day) = civil(fromDays: days)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", year, month, day, rest / 3600, rest / 60 % 60, rest % 60)
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
