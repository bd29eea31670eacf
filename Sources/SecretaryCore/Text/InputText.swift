/// Checks on text read from a file before it is parsed: a control character would be
/// stored and later printed to someone's terminal, or silently cut the text (a NUL ends a
/// C string), so it is refused with its line and column; a CR ending a line (a file saved
/// on Windows) and tabs are text.
public enum InputText {
    /// Refuses a control character, or a text over `maximumBytes` (`what` names the kind of
    /// file in the message: "a client file").
    public static func check(_ text: String, maximumBytes: Int, what: String) throws {
        let size = text.utf8.count
        guard size <= maximumBytes else {
            throw LineError(line: 1, field: "size", "\(describe(bytes: size)); \(what) may hold at most \(describe(bytes: maximumBytes))")
        }
        var line = 1
        var column = 0
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            column += 1
            if scalar == "\n" {
                line += 1
                column = 0
                continue
            }
            if scalar == "\r", index + 1 < scalars.count ? scalars[index + 1] == "\n" : true { continue }
            if TerminalText.isControl(scalar) {
                throw LineError(line: line, field: "column \(column)",
                                "control character \(TerminalText.name(scalar)) is not allowed in \(what)")
            }
        }
    }

    /// `1 MB`, `64 KB`, `2.3 MB`.
    public static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20 {
            let tenths = bytes * 10 / (1 << 20)
            return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
        }
        return "\((bytes + 1023) / 1024) KB"
    }
}
