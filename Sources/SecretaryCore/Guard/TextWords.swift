import Foundation

/// A word of a free text, folded for accent- and case-blind matching, with where it stands
/// in the original text (to highlight it).
public struct TextWord: Hashable, Sendable {
    public let folded: String
    public let range: Range<String.Index>
    /// A hyphen alone separates it from the next word (`pre-nez`): a pattern word may match both joined.
    public var hyphenatedToNext = false
}

/// Cuts a free text into runs of words that a phrase may span. A run ends at the end of a
/// sentence (`.`, `!`, `?`, `;`, a new line) so that a pattern never joins two sentences,
/// and at a quotation, so that no match reaches into or across the caller's quoted words.
public enum TextWords {
    /// The runs of words; with `skippingQuotes`, text between « », “ ” or a pair of " is left
    /// out: it is the caller's own words, reported, not the operator's advice. An unclosed
    /// quotation mark protects nothing, so a stray « cannot hide what follows it. Words are
    /// read through `GuardText`: an invisible character inside a word does not cut it.
    public static func runs(_ text: String, skippingQuotes: Bool) -> [[TextWord]] {
        let quoted = skippingQuotes ? quotedRanges(text) : []
        var runs: [[TextWord]] = []
        var run: [TextWord] = []
        var wordStart: String.Index?
        func endWord(at end: String.Index) {
            if let start = wordStart {
                run.append(TextWord(folded: GuardText.fold(text[start..<end]), range: start..<end))
            }
            wordStart = nil
        }
        func endRun() {
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        var index = text.startIndex
        var lastWasDigit = false
        var quote = quoted.makeIterator()
        var nextQuote = quote.next()
        while index < text.endIndex {
            if let current = nextQuote, index >= current.lowerBound {
                endWord(at: index)
                endRun()
                index = current.upperBound
                nextQuote = quote.next()
                continue
            }
            let character = text[index]
            if GuardText.isWordCharacter(character) {
                // `6h`, `500mg`: the number and the unit are two words.
                let isDigit = character.isNumber
                if wordStart != nil, isDigit != lastWasDigit { endWord(at: index) }
                if wordStart == nil { wordStart = index }
                lastWasDigit = isDigit
            } else if GuardText.isInvisible(character) {
                // Part of the word it stands in (dropped when folded); nothing between words.
            } else {
                if wordStart != nil, GuardText.isHyphen(character), isWordAfter(index, in: text) {
                    endWord(at: index)
                    run[run.count - 1].hyphenatedToNext = true
                    index = text.index(after: index)
                    continue
                }
                endWord(at: index)
                if isSentenceEnd(character, in: text, at: index) { endRun() }
            }
            index = text.index(after: index)
        }
        endWord(at: text.endIndex)
        endRun()
        return runs
    }

    /// Whether a word starts right after the character at `index` (invisible characters skipped).
    private static func isWordAfter(_ index: String.Index, in text: String) -> Bool {
        var next = text.index(after: index)
        while next < text.endIndex, GuardText.isInvisible(text[next]) { next = text.index(after: next) }
        return next < text.endIndex && GuardText.isWordCharacter(text[next])
    }

    /// `.` ends a sentence unless it sits between two digits (`0.5 mg`).
    private static func isSentenceEnd(_ character: Character, in text: String, at index: String.Index) -> Bool {
        if character.isNewline || "!?;…".contains(character) { return true }
        guard character == "." else { return false }
        let before = index > text.startIndex ? text[text.index(before: index)] : " "
        let afterIndex = text.index(after: index)
        let after = afterIndex < text.endIndex ? text[afterIndex] : " "
        return !(before.isNumber && after.isNumber)
    }

    /// The closing mark of each opening quotation mark; a plain " closes itself.
    static let quotePairs: [Character: Character] = ["«": "»", "“": "”", "\"": "\"", "„": "“"]

    /// The quoted spans, marks included, in order.
    public static func quotedRanges(_ text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            if let close = quotePairs[text[index]],
               let end = text[text.index(after: index)...].firstIndex(of: close) {
                let upper = text.index(after: end)
                ranges.append(index..<upper)
                index = upper
            } else {
                index = text.index(after: index)
            }
        }
        return ranges
    }
}
