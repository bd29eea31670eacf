import Foundation

/// The rules shipped with the package, in `Guard/Rules/`: the only place they are loaded.
/// A client's own advice rules are added to `advice` (see `AdviceRules.adding`).
public enum ShippedRules {
    /// The French and English advice rules, with the refusal script.
    public static let advice: AdviceRules = {
        load("advice-fr").adding(load("advice-en"))
    }()

    /// Emergency terms in French and English, numbers and scripts per country.
    public static let emergency: EmergencyRules = {
        let name = "emergency.rules"
        do {
            return try EmergencyRules(parsing: text(of: "emergency"), file: name)
        } catch {
            fatalError("the shipped \(name) is invalid: \(error)")
        }
    }()

    private static func load(_ name: String) -> AdviceRules {
        do {
            return try AdviceRules(parsing: text(of: name), file: "\(name).rules")
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
