import Foundation

/// The rules shipped with the package, in `Guard/Rules/`: the only place they are loaded.
/// A client's own advice rules are added to `advice` (see `AdviceRules.adding`).
public enum ShippedRules {
    /// The French and English advice rules, with the refusal script.
    /// Parsed on first use (a global is lazy), once: the console's first frame does not wait for it.
    public static let advice = parseAdvice()

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
            fatalError("the shipped \(name) is invalid: \(error)")
        }
    }()

    private static func load(_ name: String, sets: PhrasePattern.Cache = PhrasePattern.Cache()) -> AdviceRules {
        do {
            return try AdviceRules(parsing: text(of: name), file: "\(name).rules", sets: sets)
        } catch {
            fatalError("the shipped \(name).rules is invalid: \(error)")
        }
    }

    /// A shipped file's text; the package always carries these files, and the tests read
    /// each one, so a missing or broken file is a packaging error, not a user's.
    static func text(of name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "rules", subdirectory: "Rules")
                ?? Bundle.module.url(forResource: name, withExtension: "rules"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("the package's rules file \(name).rules is missing")
        }
        return text
    }
}
