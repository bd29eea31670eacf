import Foundation

/// Reads the events of an iCalendar file (RFC 5545) as far as busy times need: when each
/// event starts and ends, how it recurs (RRULE, EXDATE, moved occurrences), and whether it
/// holds time at all (cancelled and TRANSP:TRANSPARENT events do not).
public struct ICalendarEvent: Sendable, Equatable {
    public var uid: String
    public var start: Date
    public var end: Date
    /// The zone the event's times are written in: occurrences recur at its wall-clock time.
    public var timeZone: TimeZone
    public var allDay: Bool
    public var rule: RecurrenceRule?
    public var exceptions: [Date]
    /// For an occurrence moved or changed: the start of the occurrence it replaces.
    public var recurrenceID: Date?
    public var holdsTime: Bool
}

public enum ICalendarReader {
    /// The file's events; `zone` reads floating times and dates (the client's zone). Errors
    /// name the line.
    public static func events(in text: String, zone: TimeZone) throws -> [ICalendarEvent] {
        let lines = unfold(text)
        guard lines.contains(where: { $0.line.uppercased() == "BEGIN:VCALENDAR" }) else {
            throw LineError(line: 1, field: "file", "not an iCalendar file (no BEGIN:VCALENDAR)")
        }
        var events: [ICalendarEvent] = []
        var current: [(name: String, params: [String: String], value: String, line: Int)]?
        var depth = 0
        for (number, line) in lines {
            guard let property = parse(line) else {
                throw LineError(line: number, field: "line", "expected NAME:VALUE")
            }
            if property.name == "BEGIN" {
                if property.value.uppercased() == "VEVENT", current == nil { current = [] } else if current != nil { depth += 1 }
                continue
            }
            if property.name == "END" {
                if depth > 0 { depth -= 1; continue }
                if property.value.uppercased() == "VEVENT", let fields = current {
                    events.append(try event(fields, zone: zone, endLine: number))
                    current = nil
                }
                continue
            }
            if depth == 0 { current?.append((property.name, property.params, property.value, number)) }
        }
        return events
    }

    static func event(_ fields: [(name: String, params: [String: String], value: String, line: Int)], zone: TimeZone,
                      endLine: Int) throws -> ICalendarEvent {
        func first(_ name: String) -> (name: String, params: [String: String], value: String, line: Int)? {
            fields.first { $0.name == name }
        }
        guard let uid = first("UID")?.value, !uid.isEmpty, uid.utf8.count <= 500 else {
            throw LineError(line: endLine, field: "UID", "an event has no UID")
        }
        guard let dtstart = first("DTSTART") else { throw LineError(line: endLine, field: "DTSTART", "an event has no start") }
        let (start, eventZone, allDay) = try moment(dtstart.value, params: dtstart.params, zone: zone, line: dtstart.line)
        var end: Date
        if let dtend = first("DTEND") {
            end = try moment(dtend.value, params: dtend.params, zone: zone, line: dtend.line).date
        } else if let duration = first("DURATION") {
            guard let seconds = Self.duration(duration.value) else {
                throw LineError(line: duration.line, field: "DURATION", "'\(duration.value)' is not a duration (PT1H30M, P1D)")
            }
            end = start.addingTimeInterval(seconds)
        } else {
            end = allDay ? start.addingTimeInterval(86_400) : start
        }
        if end < start { end = start }
        var exceptions: [Date] = []
        for exdate in fields where exdate.name == "EXDATE" {
            for value in exdate.value.split(separator: ",") {
                exceptions.append(try moment(String(value), params: exdate.params, zone: zone, line: exdate.line).date)
            }
        }
        let rule = try first("RRULE").map { field in
            do { return try RecurrenceRule(parsing: field.value, zone: eventZone) } catch let error as ValidationError {
                throw LineError(line: field.line, field: "RRULE", error.reason)
            }
        }
        let recurrenceID = try first("RECURRENCE-ID").map { try moment($0.value, params: $0.params, zone: zone, line: $0.line).date }
        let cancelled = first("STATUS")?.value.uppercased() == "CANCELLED"
        let free = first("TRANSP")?.value.uppercased() == "TRANSPARENT"
        return ICalendarEvent(uid: uid, start: start, end: end, timeZone: eventZone, allDay: allDay, rule: rule,
                              exceptions: exceptions, recurrenceID: recurrenceID, holdsTime: !cancelled && !free && end > start)
    }

    /// `20261123T100000Z`, `20261123T100000` with TZID (or floating: `zone`), `20261123` (a date).
    static func moment(_ value: String, params: [String: String], zone: TimeZone, line: Int) throws -> (date: Date, zone: TimeZone, allDay: Bool) {
        let bad = LineError(line: line, field: "date", "'\(value.prefix(40))' is not a date or date-time")
        let digits = value.filter(\.isNumber)
        guard digits.count == 8 || digits.count == 14, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
              let day = Int(digits.dropFirst(6).prefix(2)), let date = try? LocalDate(year: year, month: month, day: day) else { throw bad }
        var eventZone = zone
        if let tzid = params["TZID"]?.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) {
            // Olson names as Google and Apple write them; Outlook's own names fall back to the client's zone.
            eventZone = TimeZone(identifier: tzid) ?? zone
        }
        if digits.count == 8 {
            return (LocalCalendar(timeZone: zone).instant(date, try TimeOfDay(minutes: 0)), zone, true)
        }
        guard let hour = Int(digits.dropFirst(8).prefix(2)), let minute = Int(digits.dropFirst(10).prefix(2)),
              let second = Int(digits.suffix(2)), hour < 24, minute < 60, second < 61 else { throw bad }
        if value.hasSuffix("Z") {
            let seconds = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
            return (Date(timeIntervalSince1970: TimeInterval(seconds)), TimeZone(identifier: "UTC") ?? zone, false)
        }
        let local = LocalCalendar(timeZone: eventZone).instant(date, try TimeOfDay(hour: hour, minute: minute))
        return (local.addingTimeInterval(TimeInterval(second)), eventZone, false)
    }

    /// `PT1H30M`, `P1D`, `P2W`, `-PT15M` → seconds.
    static func duration(_ text: String) -> TimeInterval? {
        var rest = Substring(text.uppercased())
        var sign = 1.0
        if rest.hasPrefix("-") { sign = -1; rest = rest.dropFirst() } else if rest.hasPrefix("+") { rest = rest.dropFirst() }
        guard rest.hasPrefix("P") else { return nil }
        rest = rest.dropFirst()
        var total = 0.0, number = "", inTime = false, any = false
        for character in rest {
            if character.isNumber { number.append(character); continue }
            if character == "T" { inTime = true; continue }
            guard let value = Double(number) else { return nil }
            number = ""
            any = true
            switch (character, inTime) {
            case ("W", false): total += value * 604_800
            case ("D", false): total += value * 86_400
            case ("H", true): total += value * 3600
            case ("M", true): total += value * 60
            case ("S", true): total += value
            default: return nil
            }
        }
        return any && number.isEmpty ? sign * total : nil
    }

    /// Content lines with continuation lines joined (RFC 5545 §3.1), each with its first line number.
    static func unfold(_ text: String) -> [(number: Int, line: String)] {
        var result: [(number: Int, line: String)] = []
        for (index, raw) in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if raw.hasPrefix(" ") || raw.hasPrefix("\t"), !result.isEmpty {
                result[result.count - 1].line += raw.dropFirst()
            } else if !raw.isEmpty {
                result.append((index + 1, String(raw)))
            }
        }
        return result
    }

    /// `DTSTART;TZID=Europe/Paris:20261123T100000` → name, parameters, value.
    static func parse(_ line: String) -> (name: String, params: [String: String], value: String)? {
        var quoted = false
        guard let colon = line.firstIndex(where: { character in
            if character == "\"" { quoted.toggle() }
            return character == ":" && !quoted
        }) else { return nil }
        let head = line[..<colon].split(separator: ";")
        guard let name = head.first, !name.isEmpty else { return nil }
        var params: [String: String] = [:]
        for param in head.dropFirst() {
            let pair = param.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { params[pair[0].uppercased()] = String(pair[1]) }
        }
        return (name.uppercased(), params, String(line[line.index(after: colon)...]))
    }
}
