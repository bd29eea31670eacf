/// CSV as RFC 4180 and spreadsheets read it: comma-separated, a header row, fields quoted
/// when they hold a comma, a quote or a line break, CRLF line ends. UTF-8 with a byte-order
/// mark, so spreadsheet programs do not take accented names for Latin-1.
public enum CSVText {
    public static func document(header: [String], rows: [[String]]) -> String {
        "\u{FEFF}" + ([header] + rows).map(line).joined()
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
