import Foundation

/// Prints rows as CSV (RFC 4180: comma separated, CRLF line ends, a field quoted when it
/// holds a comma, a quote or a line end, its quotes doubled). A field that a spreadsheet
/// would run as a formula (starting with = + - @) is quoted with a leading apostrophe.
func printCSV(_ rows: [[String]]) {
    var text = ""
    for row in rows {
        text += row.map(csvField).joined(separator: ",") + "\r\n"
    }
    FileHandle.standardOutput.write(Data(text.utf8))
}

func csvField(_ value: String) -> String {
    var field = value
    if let first = field.first, "=+@".contains(first) || (first == "-" && Double(field) == nil) { field = "'" + field }
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// `text` with control characters (a terminal's escape sequences among them) shown as `?`:
/// names come from the database, which is not trusted to be clean.
func terminalSafe(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
}

/// `12%`, or `-` when there is nothing to divide.
func percentText(_ share: Double?) -> String { CallFormat.percent(share) }
