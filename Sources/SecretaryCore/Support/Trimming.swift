import Foundation

extension String {
    /// The text without leading and trailing spaces and tabs, as `trimmingCharacters(in:
    /// .whitespaces)` gives it, but without Foundation's cost when there is nothing to trim:
    /// validated values are rebuilt from rows on every query (a client on every week load).
    public var trimmedOfSpaces: String {
        // `.whitespaces` is the Zs category and the tab.
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        guard isSpace(first) || isSpace(last) else { return self }
        return trimmingCharacters(in: .whitespaces)
    }

    /// The text without leading and trailing white space and line breaks, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it (Unicode's White_Space), with
    /// the same shortcut when there is nothing to trim.
    public var trimmedOfWhiteSpace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text without `character` repeated at either end (`.mon.` → `mon`), in plain Swift.
    public func trimmed(of character: Character) -> String {
        guard let start = firstIndex(where: { $0 != character }),
              let end = lastIndex(where: { $0 != character }) else { return "" }
        return String(self[start...end])
    }
}
