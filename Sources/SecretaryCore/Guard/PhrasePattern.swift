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
            case .prefix(let start): word.utf8.starts(with: start.utf8)
            case .any: true
            }
        }
    }

    /// The alternatives of one element, sorted for speed: rules list hundreds of single words
    /// (names of medicines), looked up in a set rather than one by one.
    struct Choice: Hashable, Sendable {
        var words: Set<String> = []
        /// Prefixes by their first two bytes (a prefix has at least three letters): a word is
        /// compared with the few that start like it.
        var prefixes: [UInt16: [String]] = [:]
        var any = false
        /// Alternatives of several words (`sans-doute`), matched word by word: by their first
        /// word when it is exact, the others tried at every word.
        var sequences: [String: [[WordTest]]] = [:]
        var otherSequences: [[WordTest]] = []

        init(_ alternatives: [[WordTest]]) {
            for alternative in alternatives {
                guard alternative.count == 1 else {
                    if case .exact(let first) = alternative[0] {
                        sequences[first, default: []].append(alternative)
                    } else {
                        otherSequences.append(alternative)
                    }
                    continue
                }
                switch alternative[0] {
                case .exact(let word): words.insert(word)
                case .prefix(let start): prefixes[Choice.key(start), default: []].append(start)
                case .any: any = true
                }
            }
        }

        /// Whether one word (or hyphenated pieces joined) is one of the single-word alternatives.
        func matchesOne(_ word: String) -> Bool {
            if any || words.contains(word) { return true }
            guard !prefixes.isEmpty, let candidates = prefixes[Choice.key(word)] else { return false }
            return candidates.contains { word.utf8.starts(with: $0.utf8) }
        }

        static func key(_ word: String) -> UInt16 {
            var bytes = word.utf8.makeIterator()
            return UInt16(bytes.next() ?? 0) << 8 | UInt16(bytes.next() ?? 0)
        }

        var hasSingles: Bool { any || !words.isEmpty || !prefixes.isEmpty }
        var hasSequences: Bool { !sequences.isEmpty || !otherSequences.isEmpty }
    }

    enum Element: Hashable, Sendable {
        /// One of several word sequences.
        case words(Choice, optional: Bool)
        /// Zero to `max` words of anything.
        case gap(max: Int)
    }

    static let gapWords = 3
    /// At most this many pieces of a hyphenated word are joined (`com-pri-més`).
    static let hyphenatedPieces = 4

    let elements: [Element]
    public let source: String

    /// Reads the pattern; the error names what is wrong with it (for a `LineError`).
    public init(_ source: String) throws {
        var cache = Cache()
        try self.init(source, cache: &cache)
    }

    /// What reading a rules file keeps from line to line: its word sets (`@medicine`), and
    /// the elements already read, by their text (rules repeat the same lists).
    public struct Cache: Hashable, Sendable {
        var sets: [String: [[WordTest]]] = [:]
        var choices: [Substring: Choice] = [:]

        public init() {}

        /// The names of the sets, for an error message.
        public var setNames: [String] { sets.keys.sorted() }

        /// Defines `@name` as the alternatives of `words` (`a|b*|c-d`, other sets allowed).
        public mutating func define(set name: String, as words: String) throws {
            sets[name] = try PhrasePattern.alternatives(Substring(words), pattern: words, cache: self)
        }

        /// These sets and `other`'s (these first when both define a name); elements are not kept.
        func merging(_ other: Cache) -> Cache {
            var merged = Cache()
            merged.sets = sets.merging(other.sets) { mine, _ in mine }
            return merged
        }
    }

    init(_ source: String, cache: inout Cache) throws {
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
            if let known = cache.choices[body] {
                elements.append(.words(known, optional: optional))
                continue
            }
            let choice = Choice(try PhrasePattern.alternatives(body, pattern: trimmed, cache: cache))
            cache.choices[body] = choice
            elements.append(.words(choice, optional: optional))
        }
        let required = elements.contains {
            if case .words(let choice, false) = $0 { return !choice.any }
            return false
        }
        guard required else { throw bad("needs at least one word that is not optional nor a wildcard") }
        if case .gap = elements.first { throw bad("must not start with ...") }
        if case .gap = elements.last { throw bad("must not end with ...") }
        self.elements = elements
        self.source = trimmed
    }

    public var description: String { source }

    /// The alternatives of one element (`a|b*|c-d|@set`), each a sequence of word tests.
    static func alternatives(_ body: Substring, pattern: String, cache: Cache) throws -> [[WordTest]] {
        func bad(_ reason: String) -> ValidationError {
            ValidationError(field: "pattern", value: pattern, reason: reason)
        }
        var alternatives: [[WordTest]] = []
        for alternative in body.split(separator: "|", omittingEmptySubsequences: false) {
            if alternative == "*" {
                alternatives.append([.any])
                continue
            }
            if alternative.hasPrefix("@") {
                guard let words = cache.sets[String(alternative.dropFirst())] else {
                    throw bad("'\(alternative)' is not a set defined above")
                }
                alternatives += words
                continue
            }
            let words = alternative.split { !$0.isLetter && !$0.isNumber && $0 != "*" }
            guard !words.isEmpty else { throw bad("'\(body)' has an empty alternative") }
            alternatives.append(try words.map { word in
                let folded = GuardText.fold(word)
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
        return alternatives
    }

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
            // A hyphenated word counts as one (`over-the-counter`), wherever the gap ends in it.
            var end = position
            var whole = 0  // words skipped, a hyphenated one once
            while end <= words.count {
                let partial = end > position && words[end - 1].hyphenatedToNext ? 1 : 0
                if whole + partial > max { return nil }
                if let matched = match(element: element + 1, at: end, in: words) { return matched }
                guard end < words.count else { return nil }
                if !words[end].hyphenatedToNext { whole += 1 }
                end += 1
            }
            return nil
        case .words(let choice, let optional):
            if choice.hasSingles, position < words.count {
                var joined = words[position].folded
                var end = position + 1
                while true {
                    if choice.matchesOne(joined), let matched = match(element: element + 1, at: end, in: words) {
                        return matched
                    }
                    guard end < words.count, words[end - 1].hyphenatedToNext, end - position < PhrasePattern.hyphenatedPieces else { break }
                    joined += words[end].folded
                    end += 1
                }
            }
            if position < words.count, choice.hasSequences {
                // Sequences are indexed by their first word; a hyphenated one may be the first
                // word's pieces (`pre-nez`), so then every sequence is tried.
                if words[position].hyphenatedToNext {
                    for sequences in choice.sequences.values {
                        for sequence in sequences {
                            if let end = match(sequence, test: 0, at: position, in: words, then: element + 1) { return end }
                        }
                    }
                } else if let sequences = choice.sequences[words[position].folded] {
                    for sequence in sequences {
                        if let end = match(sequence, test: 0, at: position, in: words, then: element + 1) { return end }
                    }
                }
                for sequence in choice.otherSequences {
                    if let end = match(sequence, test: 0, at: position, in: words, then: element + 1) { return end }
                }
            }
            return optional ? match(element: element + 1, at: position, in: words) : nil
        }
    }

    /// Matches the words of one alternative from `test` on, then the elements from `next`. A
    /// pattern word matches one word of the text, or a few joined by hyphens (`pre-nez`).
    private func match(_ tests: [WordTest], test: Int, at position: Int, in words: [TextWord], then next: Int) -> Int? {
        guard test < tests.count else { return match(element: next, at: position, in: words) }
        guard position < words.count else { return nil }
        var joined = words[position].folded
        var end = position + 1
        while true {
            if tests[test].matches(joined),
               let matched = match(tests, test: test + 1, at: end, in: words, then: next) {
                return matched
            }
            guard tests[test] != .any, end < words.count, words[end - 1].hyphenatedToNext,
                  end - position < PhrasePattern.hyphenatedPieces else { return nil }
            joined += words[end].folded
            end += 1
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
