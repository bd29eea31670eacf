import Foundation

/// A rate of calls, as typed on the command line: `120/h` (also `2/min`, `120`).
public struct CallRate: Hashable, Sendable, CustomStringConvertible {
    public let perHour: Double

    public init(perHour: Double) throws {
        guard perHour > 0, perHour <= 360_000, perHour.isFinite else {
            throw ValidationError(field: "rate", value: "\(perHour)/h", reason: "use between 1/h and 360000/h")
        }
        self.perHour = perHour
    }

    public init(parsing text: String) throws {
        let bad = ValidationError(field: "rate", value: text, reason: "expected calls per hour, like 120/h")
        let parts = text.trimmingCharacters(in: .whitespaces).lowercased().split(separator: "/", omittingEmptySubsequences: false)
        // Digits and a point only: Double() alone also reads "0x10" (16) and "1e3".
        guard (1...2).contains(parts.count), parts[0].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let count = Double(parts[0]), count.isFinite else { throw bad }
        let unit = parts.count == 2 ? String(parts[1]) : "h"
        switch unit {
        case "h", "hour": try self.init(perHour: count)
        case "m", "min", "minute": try self.init(perHour: count * 60)
        default: throw bad
        }
    }

    public var description: String {
        perHour == perHour.rounded() ? "\(Int(perHour))/h" : String(format: "%.1f/h", perHour)
    }
}

/// A length of time, as typed on the command line: `30s`, `5m`, `1h`, `1h30m`.
public struct TimeSpan: Hashable, Sendable, CustomStringConvertible {
    public let seconds: TimeInterval

    public init(seconds: TimeInterval) { self.seconds = seconds }

    public init(parsing text: String) throws {
        let bad = ValidationError(field: "duration", value: text, reason: "expected a number and a unit, like 30s, 5m or 1h")
        var total = 0.0
        var number = ""
        for character in text.trimmingCharacters(in: .whitespaces).lowercased() {
            if character.isASCII && (character.isNumber || character == ".") {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { throw bad }
            switch character {
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            default: throw bad
            }
            number = ""
        }
        guard number.isEmpty, total > 0 else { throw bad }
        seconds = total
    }

    public var description: String {
        let whole = Int(seconds)
        if whole % 3600 == 0 { return "\(whole / 3600)h" }
        if whole % 60 == 0 { return "\(whole / 60)m" }
        return "\(whole)s"
    }
}
