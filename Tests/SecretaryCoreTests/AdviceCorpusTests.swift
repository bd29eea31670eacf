import Foundation
import Testing
@testable import SecretaryCore

/// One sentence of `Corpus/advice-corpus.tsv`.
private struct CorpusSentence {
    let language: String
    let isAdvice: Bool
    let category: String
    let text: String
}

private func corpus() throws -> [CorpusSentence] {
    let url = try #require(Bundle.module.url(forResource: "advice-corpus", withExtension: "tsv", subdirectory: "Corpus"))
    var sentences: [CorpusSentence] = []
    for (offset, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").enumerated()
    where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
        let fields = line.split(separator: "\t", maxSplits: 3).map(String.init)
        try #require(fields.count == 4 && ["advice", "harmless"].contains(fields[1]), "corpus line \(offset + 1)")
        sentences.append(CorpusSentence(language: fields[0], isAdvice: fields[1] == "advice", category: fields[2],
                                        text: unescaped(fields[3])))
    }
    return sentences
}

/// `\u{200B}` in the file stands for the character itself, so the file stays readable.
private func unescaped(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let start = rest.range(of: "\\u{") {
        result += rest[..<start.lowerBound]
        guard let close = rest[start.upperBound...].firstIndex(of: "}"),
              let value = UInt32(rest[start.upperBound..<close], radix: 16), let scalar = Unicode.Scalar(value) else {
            result += rest[start]
            rest = rest[start.upperBound...]
            continue
        }
        result.unicodeScalars.append(scalar)
        rest = rest[rest.index(after: close)...]
    }
    return result + rest
}

/// Refused sentences over all sentences of a group.
private struct Tally {
    var refused = 0
    var total = 0
    var rate: Double { total == 0 ? 0 : Double(refused) / Double(total) }
    var percent: String { String(format: "%5.1f %% (%d/%d)", rate * 100, refused, total) }
}

@Suite("The advice guard on its corpus")
struct AdviceCorpusTests {
    /// Recall (advice refused) and false alarms (harmless sentences refused), per category and
    /// language, printed for the README; at least 97 % recall and at most 3 % false alarms,
    /// overall and in each language.
    @Test func recallAndFalseAlarmsMeetTheTargets() throws {
        let sentences = try corpus()
        #expect(sentences.count >= 300)
        var byCategory: [String: Tally] = [:]
        var byLanguage: [String: (advice: Tally, harmless: Tally)] = [:]
        var misses: [String] = []
        for sentence in sentences {
            let refused = !AdviceGuard.check(sentence.text).isEmpty
            let key = "\(sentence.language) \(sentence.isAdvice ? "advice" : "harmless") \(sentence.category)"
            byCategory[key, default: Tally()].total += 1
            byCategory[key, default: Tally()].refused += refused ? 1 : 0
            var tallies = byLanguage[sentence.language, default: (Tally(), Tally())]
            if sentence.isAdvice {
                tallies.advice.total += 1
                tallies.advice.refused += refused ? 1 : 0
            } else {
                tallies.harmless.total += 1
                tallies.harmless.refused += refused ? 1 : 0
            }
            byLanguage[sentence.language] = tallies
            if refused != sentence.isAdvice {
                let rules = AdviceGuard.check(sentence.text).map(\.rule.name).joined(separator: ",")
                misses.append("\(sentence.isAdvice ? "MISSED" : "FALSE ALARM") [\(key)] \(sentence.text) \(rules)")
            }
        }
        var report = ["advice guard corpus: refused / sentences (recall for advice, false alarms for harmless)"]
        for key in byCategory.keys.sorted() { report.append("  \(key.padding(toLength: 24, withPad: " ", startingAt: 0)) \(byCategory[key]!.percent)") }
        var overall = (advice: Tally(), harmless: Tally())
        for language in byLanguage.keys.sorted() {
            let tallies = byLanguage[language]!
            report.append("  \(language) recall \(tallies.advice.percent), false alarms \(tallies.harmless.percent)")
            overall.advice.refused += tallies.advice.refused
            overall.advice.total += tallies.advice.total
            overall.harmless.refused += tallies.harmless.refused
            overall.harmless.total += tallies.harmless.total
        }
        report.append("  overall recall \(overall.advice.percent), false alarms \(overall.harmless.percent)")
        print((report + misses.map { "  " + $0 }).joined(separator: "\n"))

        for (language, tallies) in byLanguage.sorted(by: { $0.key < $1.key }) + [("overall", overall)] {
            #expect(tallies.advice.rate >= 0.97, "\(language) recall \(tallies.advice.percent)")
            #expect(tallies.harmless.rate <= 0.03, "\(language) false alarms \(tallies.harmless.percent)")
        }
    }

    @Test func everyCategoryOfAdviceAndOfLookAlikeIsInTheCorpusInBothLanguages() throws {
        let sentences = try corpus()
        let expected = ["dosage", "frequency", "treatment", "diagnosis", "reassurance", "care", "waiting", "reported",
                        "disguised", "quoted", "renewal", "logistics", "callback", "report"]
        for language in ["fr", "en"] {
            let categories = Set(sentences.filter { $0.language == language }.map(\.category))
            #expect(categories == Set(expected), "\(language): \(categories.sorted())")
        }
    }
}
