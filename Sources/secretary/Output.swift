import Foundation

/// Prints `value` as pretty JSON on stdout, for scripts.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    FileHandle.standardOutput.write(try encoder.encode(value))
    FileHandle.standardOutput.write(Data("\n".utf8))
}

/// Lays rows out in columns padded to the widest cell (by characters, which is enough for
/// the Latin names and numbers printed here).
func printTable(_ rows: [[String]]) {
    guard let first = rows.first else { return }
    let widths = (0..<first.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
    for row in rows {
        let cells = row.enumerated().map { index, cell in
            index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
        }
        print(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
    }
}
