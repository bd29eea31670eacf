import Foundation

/// A phrase of medical advice found in a text an operator wrote.
public struct AdviceFinding: Hashable, Sendable {
    public let rule: AdviceRule
    /// The phrase as written, and where it is (to highlight it).
    public let match: PhraseMatch

    public var phrase: String { match.phrase }
    public var range: Range<String.Index> { match.range }
    public var characterRange: Range<Int> { match.characterRange }

    /// What the operator reads: the phrase, why it is refused, and what to do instead.
    public var explanation: String {
        "'\(phrase)' is medical advice (\(rule.category.label), rule '\(rule.name)'): "
            + "rephrase, or put the caller's own words in « »"
    }
}

/// The no-medical-advice guard: every free text an operator writes (a message, a call
/// note, an appointment note) goes through `check` or `enforce` before it is saved.
/// Text in quotation marks is the caller's own words and is not checked.
public enum AdviceGuard {
    /// Every phrase of advice in `text`, in reading order; empty when the text may be saved.
    public static func check(_ text: String, rules: AdviceRules = ShippedRules.advice) -> [AdviceFinding] {
        let runs = TextWords.runs(text, skippingQuotes: true)
        var findings: [AdviceFinding] = []
        for rule in rules.rules {
            for run in runs {
                let spans = rule.pattern.matches(in: run)
                if spans.isEmpty { continue }
                if let unless = rule.unless, !unless.matches(in: run).isEmpty { continue }
                for span in spans {
                    findings.append(AdviceFinding(rule: rule, match: PhraseMatch(text: text, words: run, span: span)))
                }
            }
        }
        return findings.sorted {
            ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound)
        }
    }

    /// Throws a `RuleViolation` naming the first phrase of advice and its rule; `field`
    /// names the text in the message (`message text`, `call note`).
    public static func enforce(_ text: String, field: String, rules: AdviceRules = ShippedRules.advice) throws {
        let findings = check(text, rules: rules)
        guard let first = findings.first else { return }
        let more = findings.count > 1 ? " (\(findings.count - 1) more phrase\(findings.count > 2 ? "s" : "") refused too)" : ""
        throw RuleViolation(.medicalAdvice, "\(field) refused: \(first.explanation)\(more)")
    }
}
