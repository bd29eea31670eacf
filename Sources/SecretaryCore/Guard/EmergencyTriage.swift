import Foundation

/// An emergency term found in a text.
public struct EmergencyMatch: Hashable, Sendable {
    public let kind: EmergencyKind
    public let term: PhrasePattern
    public let match: PhraseMatch
}

/// What the operator must do: the lines of the script to read, in order, and the numbers
/// to give, the first being the one that applies above all.
public struct EmergencyAssessment: Hashable, Sendable {
    public let country: Country
    /// The kinds of danger found, the most pressing first (a life in danger before suicidal thoughts).
    public let kinds: [EmergencyKind]
    /// The terms found, in reading order; empty when the script was asked for (`!`).
    public let matches: [EmergencyMatch]
    public let numbers: [EmergencyNumber]
    public let script: [String]

    /// The number that applies: 15 for a life in danger in France, 3114 for suicidal
    /// thoughts, 112 in Belgium...
    public var number: EmergencyNumber { numbers[0] }
}

/// Emergency filtering (*filtrage d'urgence*, contract 001 art. 3): finds emergency terms in
/// any text of a call and gives the script that sends the caller to the emergency numbers.
/// Quoted words are checked too: they are what the caller said.
public enum EmergencyTriage {
    /// The script for the emergency terms in `text`, or nil when there are none.
    public static func assess(_ text: String, country: Country,
                              rules: EmergencyRules = ShippedRules.emergency) -> EmergencyAssessment? {
        let runs = TextWords.runs(text, skippingQuotes: false)
        var found: [EmergencyMatch] = []
        for term in rules.terms where term.country == nil || term.country == country {
            for run in runs {
                for span in term.pattern.matches(in: run) {
                    found.append(EmergencyMatch(kind: term.kind, term: term.pattern,
                                                match: PhraseMatch(text: text, words: run, span: span)))
                }
            }
        }
        guard !found.isEmpty else { return nil }
        found.sort { $0.match.range.lowerBound < $1.match.range.lowerBound }
        return script(for: Set(found.map(\.kind)), country: country, matches: found, rules: rules)
    }

    /// Refuses a message that names an emergency term and is not marked urgent, where no
    /// console shows the script (the command line): the error names the term and what the
    /// console would have done, and says how to save it anyway.
    public static func enforceUrgent(_ draft: MessageDraft, country: Country,
                                     rules: EmergencyRules = ShippedRules.emergency) throws {
        guard !draft.isUrgent,
              let assessment = assess(draft.reason + "\n" + draft.text, country: country, rules: rules),
              let term = assessment.matches.first else { return }
        let numbers = assessment.numbers.map { "\($0.number) (\($0.label))" }.joined(separator: " or ")
        throw RuleViolation(.emergencyNotUrgent,
                            "message refused: '\(term.match.phrase)' is an emergency term; the console would have opened "
                                + "the emergency script (the caller told to call \(numbers) at once) and sent the client "
                                + "an urgent message: give --urgent to save it as urgent")
    }

    /// The script when the operator asks for it (`!`) without a term: a life in danger.
    public static func script(country: Country, kinds: Set<EmergencyKind> = [.life],
                              rules: EmergencyRules = ShippedRules.emergency) -> EmergencyAssessment {
        script(for: kinds, country: country, matches: [], rules: rules)
    }

    private static func script(for kinds: Set<EmergencyKind>, country: Country, matches: [EmergencyMatch],
                               rules: EmergencyRules) -> EmergencyAssessment {
        let ordered = kinds.sorted()
        var numbers: [EmergencyNumber] = []
        for kind in ordered {
            for number in rules.numbers[country, default: []] where number.kind == kind
                && !numbers.contains(where: { $0.number == number.number }) {
                numbers.append(number)
            }
        }
        // Kinds share closing lines (send an urgent message); each is read once.
        var script: [String] = []
        for line in ordered.flatMap({ rules.scripts[country]?[$0] ?? [] }) where !script.contains(line) {
            script.append(line)
        }
        return EmergencyAssessment(country: country, kinds: ordered, matches: matches, numbers: numbers, script: script)
    }
}
