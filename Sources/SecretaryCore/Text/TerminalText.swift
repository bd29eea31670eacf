/// Text bound for a terminal, or coming from outside: control characters (C0, DEL, C1)
/// are what lets a stored name retitle a window or clear a screen, so they are refused on
/// the way in and made visible on the way out.
public enum TerminalText {
    /// C0 (below U+0020), DEL and C1 (U+0080–U+009F); the tab and, where `newlines`, the
    /// line feed are text.
    public static func isControl(_ scalar: Unicode.Scalar, newlines: Bool = false) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A: return !newlines
        case 0..<0x20, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// The first control character's position (1-based, in characters) and its code.
    public static func firstControl(in text: String, newlines: Bool = false) -> (column: Int, code: String)? {
        var column = 0
        for character in text {
            column += 1
            if let scalar = character.unicodeScalars.first(where: { isControl($0, newlines: newlines) }) {
                return (column, name(scalar))
            }
        }
        return nil
    }

    /// `U+001B`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The text with each control character shown as `^[` (C0, caret notation), `^?` (DEL)
    /// or `<U+009B>` (C1), so it can be printed to a terminal as it is. Line feeds and tabs
    /// stay; text without control characters comes back unchanged.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0, newlines: true) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A: out.append(scalar)
            case 0..<0x20: out.append(contentsOf: "^".unicodeScalars); out.append(Unicode.Scalar(scalar.value + 0x40)!)
            case 0x7F: out.append(contentsOf: "^?".unicodeScalars)
            case 0x80...0x9F: out.append(contentsOf: "<\(name(scalar))>".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
