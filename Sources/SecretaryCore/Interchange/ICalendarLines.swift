import Foundation

/// RFC 5545's text rules, for writing: TEXT values escaped (§3.3.11), content lines folded at
/// 75 octets (§3.1) and ended by CRLF, times in the basic ISO form (§3.3.5).
public enum ICalendarLines {
    /// `\`, `;`, `,` and line breaks escaped; other control characters (never meaningful in
    /// a summary) dropped.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line, folded: no line longer than 75 octets (CRLF excluded), never cut
    /// inside a UTF-8 character; each continuation starts with a space.
    public static func folded(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line + "\r\n" }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 2)
        var index = 0, limit = 75
        while index < bytes.count {
            var end = min(index + limit, bytes.count)
            // Back off to the start of a character (continuation bytes are 10xxxxxx).
            while end < bytes.count, end > index, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if index > 0 { out += [0x0D, 0x0A, 0x20] }
            out += bytes[index..<end]
            index = end
            limit = 74 // the leading space counts
        }
        out += [0x0D, 0x0A]
        return String(decoding: out, as: UTF8.self)
    }

    /// `20261123T100000`: a local time in `calendar`'s zone (with TZID), seconds dropped.
    public static func local(_ instant: Date, in calendar: LocalCalendar) -> String {
        let local = calendar.localDateTime(of: instant)
        return basic(local.date) + "T" + Digits.two(local.time.hour) + Digits.two(local.time.minute) + "00"
    }

    /// `20261123T090000Z`: an instant in UTC.
    public static func utc(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let day = LocalDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.dayNumber * 86_400
        return basic(day) + "T" + Digits.two(rest / 3600) + Digits.two(rest / 60 % 60) + Digits.two(rest % 60) + "Z"
    }

    /// `20261123`
    public static func basic(_ date: LocalDate) -> String {
        String(format: "%04d%02d%02d", date.year, date.month, date.day)
    }

    /// `+0100`, `-0330`
    public static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + Digits.two(minutes / 60) + Digits.two(minutes % 60)
    }
}
