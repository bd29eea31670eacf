import Foundation

/// Accent-blind, case-blind text for searching names: `Lefèvre` and `lefevre` meet.
public enum SearchText {
    public static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae")
    }

    /// The words of a query, folded: `"Mar  Dup"` → `["mar", "dup"]`.
    public static func words(_ query: String) -> [String] {
        fold(query).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
