import Foundation

/// A telephone number in E.164 form (`+33612345678`), built from any of the ways people
/// write one: `06 12 34 56 78`, `06.12.34.56.78`, `+33 (0)6 12 34 56 78`, `0033612345678`,
/// `0470 12 34 56` for a Belgian client. Two spellings of one number compare equal.
public struct PhoneNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// `+` followed by 8 to 15 digits.
    public let e164: String

    /// Reads `text` as typed by a person; a national number (leading `0`) is read in
    /// `country`'s numbering plan.
    public init(_ text: String, country: Country = .fr) throws {
        let field = "phone number"
        // Foundation's trimming and replacing only when there is something to trim or replace:
        // a contacts import reads two numbers a row.
        var cleaned = text.trimmedOfWhiteSpace
        guard !cleaned.isEmpty else {
            throw ValidationError(field: field, value: text, reason: "empty")
        }
        // "+33 (0)6 ..." : the bracketed trunk zero is not dialled after a country code.
        if cleaned.utf8.contains(UInt8(ascii: "(")) { cleaned = cleaned.replacingOccurrences(of: "(0)", with: "") }
        var digits = ""
        var plus = false
        for (index, character) in cleaned.enumerated() {
            switch character {
            case "0"..."9": digits.append(character)
            case "+" where index == 0: plus = true
            case " ", ".", "-", "/", "(", ")", "\u{00A0}": continue
            default:
                throw ValidationError(field: field, value: text, reason: "unexpected character '\(character)'")
            }
        }
        var international: String
        if plus {
            international = digits
        } else if digits.hasPrefix("00") {
            international = String(digits.dropFirst(2))
        } else if digits.hasPrefix("0") {
            international = country.callingCode + digits.dropFirst()
        } else {
            throw ValidationError(field: field, value: text,
                                  reason: "start with 0, +, or 00 followed by the country code")
        }
        // "+33 06 ..." : drop a trunk zero written after a known country code.
        for known in Country.allCases where international.hasPrefix(known.callingCode + "0") {
            international = known.callingCode + international.dropFirst(known.callingCode.count + 1)
        }
        try PhoneNumber.checkLength(international.utf8, original: text)
        e164 = "+" + international
    }

    /// Rebuilds a number already stored in E.164 form.
    public init(e164 stored: String) throws {
        guard stored.hasPrefix("+") else {
            throw ValidationError(field: "phone number", value: stored, reason: "not in E.164 form")
        }
        // The stored form, `+` and digits with no trunk zero after a known country code, is
        // what the full reading below would return unchanged: checking its length is enough.
        // Every lookup reads numbers back, and the full reading costs 2 µs a number; the
        // check reads bytes, making no string.
        let international = stored.utf8.dropFirst()
        if international.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
           !Country.allCases.contains(where: { PhoneNumber.hasTrunkZero(international, after: $0) }) {
            try PhoneNumber.checkLength(international, original: stored)
            self.init(checked: stored)
            return
        }
        try self.init(stored)
    }

    private init(checked e164: String) { self.e164 = e164 }

    /// True when the digits are `country`'s code then `0` (a trunk zero, never dialled there).
    private static func hasTrunkZero(_ international: Substring.UTF8View, after country: Country) -> Bool {
        let code = country.callingCode.utf8
        return international.starts(with: code) && international.dropFirst(code.count).first == UInt8(ascii: "0")
    }

    /// `international`: the ASCII digits after `+`.
    private static func checkLength<Digits: Collection<UInt8>>(_ international: Digits, original: String) throws {
        let field = "phone number"
        let national: Int?
        if international.starts(with: "33".utf8) {
            national = 9
        } else if international.starts(with: "32".utf8) {
            // Belgian mobiles (045x–049x) have 9 digits after the country code, landlines 8
            // (Liège's 04 area included).
            let rest = international.dropFirst(2)
            let isMobile = rest.first == UInt8(ascii: "4")
                && (UInt8(ascii: "5")...UInt8(ascii: "9")).contains(rest.dropFirst().first ?? 0)
            national = isMobile ? 9 : 8
        } else {
            national = nil
        }
        if let national {
            let count = international.count - 2
            if count < national {
                throw ValidationError(field: field, value: original, reason: "too short")
            }
            if count > national {
                throw ValidationError(field: field, value: original, reason: "too long")
            }
            return
        }
        if international.count < 8 {
            throw ValidationError(field: field, value: original, reason: "too short")
        }
        if international.count > 15 {
            throw ValidationError(field: field, value: original, reason: "too long")
        }
    }

    /// The number as a person of that country writes it: `06 12 34 56 78`, `0470 12 34 56`;
    /// foreign numbers stay international.
    public var national: String {
        let digits = Array(e164.dropFirst())
        if e164.hasPrefix("+33") {
            // 06 12 34 56 78: the trunk zero, then pairs.
            var text = "0"
            for (index, digit) in digits.dropFirst(2).enumerated() {
                if index % 2 == 1 { text.append(" ") }
                text.append(digit)
            }
            return text
        }
        if e164.hasPrefix("+32") {
            let rest = "0" + String(digits.dropFirst(2))
            let isMobile = rest.count == 10
            let head = isMobile ? 4 : (["02", "03", "04", "09"].contains(where: rest.hasPrefix) ? 2 : 3)
            var groups = [String(rest.prefix(head))]
            var tail = Substring(rest.dropFirst(head))
            // An odd remainder starts with three digits: 02 511 90 09.
            if tail.count % 2 == 1 {
                groups.append(String(tail.prefix(3)))
                tail = tail.dropFirst(3)
            }
            while !tail.isEmpty {
                groups.append(String(tail.prefix(2)))
                tail = tail.dropFirst(2)
            }
            return groups.joined(separator: " ")
        }
        return e164
    }

    public var description: String { e164 }

    public static func < (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool { lhs.e164 < rhs.e164 }

    public init(from decoder: any Decoder) throws {
        try self.init(e164: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(e164)
    }
}

extension PhoneNumber {
    /// True when `text` is meant as a number rather than a name (names have no digits): what
    /// the lookup uses to choose between a number search and a name search.
    public static func looksLikeNumber(_ text: String) -> Bool {
        text.contains { $0.isNumber } || text.hasPrefix("+")
    }
}
