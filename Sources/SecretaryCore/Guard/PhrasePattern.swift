import Foundation

/// A phrase to look for in free text, written as words with a few wildcards, matched
/// accent- and case-blind, word by word:
///
/// - `comprimés` one word (`comprimes`, `COMPRIMÉS` match too);
/// - `comprim*` a word starting with `comprim` (at least 3 letters before the star);
/// - `*` any one word (`prenez * comprimés`: `prenez deux comprimés`, `prenez 2 comprimés`);
/// - `...` zero to three words (`arrêtez ... traitement`: `arrêtez donc votre traitement`);
/// - `a|b|c` one of these; an alternative of several words joins them with a hyphen or an
///   apostrophe (`sûrement|sans-doute|probablement`, `c'est|cest`), since hyphens and
///   apostrophes separate words in the text as well;
/// - a trailing `?` makes an element optional (`ce|c'est n'est? rien`).
public struct PhrasePattern: Hashable, Sendable, CustomStringConvertible {
    enum WordTest: Hashable, Sendable {
        case exact(String)
        case prefix(String)
        case any

        func matches(_ word: String) -> Bool {
            switch self {
            case .exact(let expected): word == expected
            case .prefix(let start): word.hasPrefix(start)
            case .any: true
            }
        }
    }

    enum Element: Hashable, Sendable {
        /// One of several word sequences.
        case words([[WordTest]], optional: Bool)
        /// Zero to `max` words of anything.
        case gap(max: Int)
    }

    static let gapWords = 3

    let elements: [Element]
    public let source: String

    /// Reads the pattern; the error names what is wrong with it (for a `LineError`).
    public init(_ source: String) throws {
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        func bad(_ reason: String) -> ValidationError {
            ValidationError(field: "pattern", value: trimmed, reason: reason)
        }
        var elements: [Element] = []
        for token in trimmed.split(whereSeparator: \.isWhitespace).map(String.init) {
            if token == "..." || token == "…" {
                elements.append(.gap(max: PhrasePattern.gapWords))
                continue
            }
            var body = Substring(token)
            let optional = body.hasSuffix("?") && body.count > 1
            if optional { body = body.dropLast() }
            var alternatives: [[WordTest]] = []
            for alternative in body.split(separator: "|", omittingEmptySubsequences: false) {
                if alternative == "*" {
                    alternatives.append([.any])
                    continue
                }
                let words = alternative.split { !$0.isLetter && !$0.isNumber && $0 != "*" }
                guard !words.isEmpty else { throw bad("'\(token)' has an empty alternative") }
                alternatives.append(try words.map { word in
                    let folded = SearchText.fold(String(word))
                    if folded.hasSuffix("*") {
                        let start = String(folded.dropLast())
                        guard start.count >= 3, !start.contains("*") else {
                            throw bad("'\(word)': a word ending in * needs at least 3 letters before the star")
                        }
                        return .prefix(start)
                    }
                    guard !folded.contains("*") else { throw bad("'\(word)': * stands alone or ends a word") }
                    return .exact(folded)
                })
            }
            elements.append(.words(alternatives, optional: optional))
        }
        let required = elements.contains {
            if case .words(let alternatives, false) = $0 {
                return alternatives.allSatisfy { $0.contains { $0 != .any } }
            }
            return false
        }
        guard required else { throw bad("needs at least one word that is not optional nor a wildcard") }
        if case .gap = elements.first { throw bad("must not start with ...") }
        if case .gap = elements.last { throw bad("must not end with ...") }
        self.elements = elements
        self.source = trimmed
    }

    public var description: String { source }

    /// The first match in each run, then the next ones after it: the index range of the
    /// matched words in `words`.
    func matches(in words: [TextWord]) -> [ClosedRange<Int>] {
        var found: [ClosedRange<Int>] = []
        var start = 0
        while start < words.count {
            if let end = match(element: 0, at: start, in: words), end > start {
                found.append(start...(end - 1))
                start = end
            } else {
                start += 1
            }
        }
        return found
    }

    /// Where the match of `elements[element...]` starting at word `position` ends (one past
    /// its last word), or nil. An optional word is taken when present, a gap is kept as
    /// short as it can be; the texts are short, so plain backtracking is enough.
    private func match(element: Int, at position: Int, in words: [TextWord]) -> Int? {
        guard element < elements.count else { return position }
        switch elements[element] {
        case .gap(let max):
            for skip in 0...max where position + skip <= words.count {
                if let end = match(element: element + 1, at: position + skip, in: words) { return end }
            }
            return nil
        case .words(let alternatives, let optional):
            for alternative in alternatives where position + alternative.count <= words.count {
                let fits = alternative.indices.allSatisfy { alternative[$0].matches(words[position + $0].folded) }
                if fits, let end = match(element: element + 1, at: position + alternative.count, in: words) {
                    return end
                }
            }
            return optional ? match(element: element + 1, at: position, in: words) : nil
        }
    }
}

/// Where a pattern matched in a text.
public struct PhraseMatch: Hashable, Sendable {
    /// The matched words, as written, from the first word's start to the last word's end.
    public let phrase: String
    public let range: Range<String.Index>
    /// The same range in characters from the start of the text, for a screen that lays the
    /// text out character by character.
    public let characterRange: Range<Int>

    init(text: String, words: [TextWord], span: ClosedRange<Int>) {
        let range = words[span.lowerBound].range.lowerBound..<words[span.upperBound].range.upperBound
        self.range = range
        phrase = String(text[range])
        let start = text.distance(from: text.startIndex, to: range.lowerBound)
        characterRange = start..<(start + text.distance(from: range.lowerBound, to: range.upperBound))
    }
}

extension PhrasePattern {
    /// Every place the pattern matches in `text`, in order.
    public func matches(in text: String, skippingQuotes: Bool) -> [PhraseMatch] {
        TextWords.runs(text, skippingQuotes: skippingQuotes).flatMap { run in
            matches(in: run).map { PhraseMatch(text: text, words: run, span: $0) }
        }
    }
}
