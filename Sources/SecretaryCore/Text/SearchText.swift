import Foundation

/// Accent-blind, case-blind text for searching names: `Lefèvre` and `lefevre` meet.
public enum SearchText {
    public static func fold(_ text: String) -> String {
        // ASCII has no accents nor widths: lowercasing is the whole fold, without the trip
        // through Foundation's NSString (a contacts import folds several fields a row).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        guard folded.unicodeScalars.contains(where: { $0 == "œ" || $0 == "æ" }) else { return folded }
        return folded.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
    }

    /// The words of a query, folded: `"Mar  Dup"` → `["mar", "dup"]`.
    public static func words(_ query: String) -> [String] {
        fold(query).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
