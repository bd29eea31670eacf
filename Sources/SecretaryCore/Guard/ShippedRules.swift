import Foundation

/// The rules shipped with the package, in `Guard/Rules/`: the only place they are loaded.
/// A client's own advice rules are added to `advice` (see `AdviceRules.adding`).
public enum ShippedRules {
    /// The French and English advice rules, with the refusal script.
    /// Parsed on first use (a global is lazy), once: the console's first frame does not wait for it.
    public static let advice = parseAdvice()

    /// The sentence to say when a caller asks for advice (the files' `say` lines, in the order
    /// `advice` has them), read without parsing the rules: the console shows it on its first
    /// frame, and leaves the rules for when a text is checked.
    public static let refusalScript: [String] = adviceFiles.flatMap { name in
        text(of: name).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("say ") }.map { $0.dropFirst(4).trimmingCharacters(in: .whitespaces) }
    }

    /// The word sets the advice files define (`set NAME WORDS`), which a client's own rules
    /// may use, read without parsing the rules themselves: as `parseAdvice` joins them (each
    /// language file sees the shared words' sets; the first file to name a set keeps it).
    public static let sets: PhrasePattern.Cache = {
        let words = sets(definedIn: "advice-words", seeing: PhrasePattern.Cache())
        return ["advice-fr", "advice-en"].reduce(words) { $0.merging(sets(definedIn: $1, seeing: words)) }
    }()

    private static func sets(definedIn name: String, seeing known: PhrasePattern.Cache) -> PhrasePattern.Cache {
        var sets = known
        for line in text(of: name).split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) })
        where line.hasPrefix("set ") {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
            guard parts.count == 3, (try? sets.define(set: parts[1], as: parts[2])) != nil else {
                packagingDefect("\(name).rules has an invalid set line")
            }
        }
        return sets.merging(PhrasePattern.Cache())
    }

    private static let adviceFiles = ["advice-words", "advice-fr", "advice-en"]

    /// Reads the advice files again (the benchmarks time it; everyone else uses `advice`).
    public static func parseAdvice() -> AdviceRules {
        let words = load("advice-words")
        return words.adding(load("advice-fr", sets: words.sets)).adding(load("advice-en", sets: words.sets))
    }

    /// Emergency terms in French and English, numbers and scripts per country.
    public static let emergency: EmergencyRules = {
        let name = "emergency.rules"
        do {
            return try EmergencyRules(parsing: text(of: "emergency"), file: name)
        } catch {
            packagingDefect("\(name) is invalid")
        }
    }()

    private static func load(_ name: String, sets: PhrasePattern.Cache = PhrasePattern.Cache()) -> AdviceRules {
        do {
            return try AdviceRules(parsing: text(of: name), file: "\(name).rules", sets: sets)
        } catch {
            packagingDefect("\(name).rules is invalid")
        }
    }

    /// A shipped file's text; the package always carries these files, and the tests read
    /// each one, so a missing or broken file is a packaging error, not a user's.
    static func text(of name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "rules", subdirectory: "Rules")
                ?? Bundle.module.url(forResource: name, withExtension: "rules"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            packagingDefect("\(name).rules is missing")
        }
        return text
    }

    /// The shipped rules are part of the program, not data: a binary whose files are missing
    /// or broken (the tests parse each one) must not run a console without its guard. It
    /// stops with one line on stderr and EX_SOFTWARE, no crash report; the line names the
    /// file, never its text.
    private static func packagingDefect(_ what: String) -> Never {
        FileHandle.standardError.write(Data("secretary: the package's shipped \(what); reinstall secretary\n".utf8))
        exit(70)
    }
}
