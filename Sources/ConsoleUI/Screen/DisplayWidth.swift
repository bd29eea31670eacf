/// How many terminal columns a character takes: é is one, 中 and most emoji two, a combining
/// accent none. A small table (after calcurse's utf8.c) rather than `wcwidth`, which depends
/// on the process locale and so would differ between tests and the terminal.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            width = max(width, of(scalar))
        }
        // An emoji presentation selector turns a narrow symbol into a wide emoji.
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { width = 2 }
        return width
    }

    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if isCombining(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    private static func isCombining(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
            || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v) || v == 0x200D
            || (0xFE00...0xFE0F).contains(v)
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v) || (0x1F680...0x1F6FF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
    }

    /// The longest prefix of `text` that fits in `columns`, never cutting inside a character;
    /// with `ellipsis`, a cut text ends with "…".
    public static func prefix(_ text: String, columns: Int, ellipsis: Bool = false) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        let budget = ellipsis ? columns - 1 : columns
        var used = 0
        var result = ""
        for character in text {
            let width = of(character)
            if used + width > budget { break }
            used += width
            result.append(character)
        }
        return ellipsis ? result + "…" : result
    }

    /// `text` cut or padded with spaces to exactly `columns`.
    public static func fit(_ text: String, columns: Int, ellipsis: Bool = true) -> String {
        let cut = prefix(text, columns: columns, ellipsis: ellipsis)
        return cut + String(repeating: " ", count: max(0, columns - of(cut)))
    }
}
