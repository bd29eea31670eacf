import Foundation
import SecretaryCore

// Everything this executable prints goes through `TerminalText.escaped`: stored text (a
// contact's name, a message) and echoed arguments may hold control characters that would
// otherwise drive the terminal of whoever reads the output.

/// `print` for this module: the text escaped for a terminal (shadows `Swift.print`, so every
/// command's output is escaped without each remembering to).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(TerminalText.escaped(text), terminator: terminator)
}

/// One line (or more) on stderr, escaped.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((TerminalText.escaped(text) + "\n").utf8))
}

/// Prints `value` as pretty JSON on stdout, for scripts. JSON escapes C0 characters itself;
/// DEL and C1 are written as `\u` escapes too, still valid JSON.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    var text = String(decoding: try encoder.encode(value), as: UTF8.self)
    if text.unicodeScalars.contains(where: { TerminalText.isControl($0, newlines: true) }) {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if TerminalText.isControl(scalar, newlines: true) {
                out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        text = String(out)
    }
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Lays rows out in columns padded to the widest cell (by characters, which is enough for
/// the Latin names and numbers printed here); cells are escaped before they are measured.
/// Plain Swift: Foundation's `padding(toLength:)` and `trimmingCharacters` go through
/// NSString, a quarter of a short command's time.
func printTable(_ rows: [[String]]) {
    let rows = rows.map { $0.map(TerminalText.escaped) }
    guard let first = rows.first else { return }
    let counts = rows.map { $0.map(\.count) }
    let widths = (0..<first.count).map { column in counts.map { $0[column] }.max() ?? 0 }
    var text = ""
    for (row, rowCounts) in zip(rows, counts) {
        var line = ""
        for (index, cell) in row.enumerated() {
            if index > 0 { line += "  " }
            line += cell
            if index < row.count - 1 { line += String(repeating: " ", count: max(0, widths[index] - rowCounts[index])) }
        }
        text += trimmingSpaces(line) + "\n"
    }
    // Already escaped: written as it is, in one piece.
    Swift.print(text, terminator: "")
}

/// `line` without the spaces (and tabs) at either end, as `trimmingCharacters(in: .whitespaces)`.
private func trimmingSpaces(_ line: String) -> Substring {
    func isSpace(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }
    guard let start = line.firstIndex(where: { !isSpace($0) }),
          let end = line.lastIndex(where: { !isSpace($0) }) else { return "" }
    return line[start...end]
}
