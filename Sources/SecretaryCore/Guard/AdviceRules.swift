import Foundation

/// The kinds of medical advice an operator must never give (contract 000, art. 4).
public enum AdviceCategory: String, CaseIterable, Sendable, Codable {
    /// Dosage and medication instructions: « prenez deux comprimés ».
    case dosage
    /// Stopping, starting or changing a treatment: « arrêtez le traitement ».
    case treatment
    /// Naming what the caller has: « c'est une grippe ».
    case diagnosis
    /// Telling the caller not to worry about a symptom: « ce n'est sûrement rien ».
    case reassurance

    /// The words an operator reads in a refusal.
    public var label: String {
        switch self {
        case .dosage: "dosage or medication instruction"
        case .treatment: "change of treatment"
        case .diagnosis: "diagnosis"
        case .reassurance: "reassurance about a symptom"
        }
    }
}

/// One pattern of advice, named so a refusal can say which rule it broke.
public struct AdviceRule: Hashable, Sendable {
    public let category: AdviceCategory
    public let name: String
    public let pattern: PhrasePattern

    public init(category: AdviceCategory, name: String, pattern: PhrasePattern) {
        self.category = category
        self.name = name
        self.pattern = pattern
    }
}

/// A set of advice rules, read from a rules file:
///
/// ```
/// # a comment
/// say Je ne peux pas vous donner d'avis médical ; je transmets votre question au médecin.
/// dosage     prenez-comprimes    prenez|prends ... comprim*|cachet*|gelule*
/// diagnosis  c-est-une-grippe    c'est|cest une? grippe
/// ```
///
/// One rule a line: its category (`dosage`, `treatment`, `diagnosis`, `reassurance`), its
/// name (lowercase letters, digits, hyphens; unique), then the pattern (see `PhrasePattern`).
/// A `say` line gives the sentence operators say when a caller asks for advice.
public struct AdviceRules: Hashable, Sendable {
    public private(set) var rules: [AdviceRule]
    /// The sentence to say when a caller asks for medical advice, in the order given.
    public private(set) var refusalScript: [String]

    public init(rules: [AdviceRule] = [], refusalScript: [String] = []) {
        self.rules = rules
        self.refusalScript = refusalScript
    }

    /// Reads a rules file; errors give the line, counted from `firstLine`.
    public init(parsing text: String, file: String? = nil, firstLine: Int = 1) throws {
        self.init()
        var lineOfName: [String: Int] = [:]
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = firstLine + offset
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            do {
                if line.hasPrefix("say ") {
                    refusalScript.append(line.dropFirst(4).trimmingCharacters(in: .whitespaces))
                    continue
                }
                let rule = try AdviceRule(parsingLine: line, number: number)
                if let earlier = lineOfName[rule.name] {
                    throw LineError(line: number, field: "name", "'\(rule.name)' is already the name of the rule on line \(earlier)")
                }
                lineOfName[rule.name] = number
                rules.append(rule)
            } catch let error as LineError {
                throw error.inFile(file)
            }
        }
    }

    /// These rules followed by `other`'s (a client's own rules after the shipped ones).
    public func adding(_ other: AdviceRules) -> AdviceRules {
        AdviceRules(rules: rules + other.rules.filter { rule in !rules.contains { $0.name == rule.name } },
                    refusalScript: refusalScript + other.refusalScript)
    }

    public var isEmpty: Bool { rules.isEmpty }

    /// The rules file text of these rules (the refusal script first).
    public var text: String {
        (refusalScript.map { "say \($0)" } + rules.map(\.line)).map { $0 + "\n" }.joined()
    }
}

extension AdviceRule {
    /// Reads `CATEGORY NAME PATTERN`.
    public init(parsingLine line: String, number: Int) throws {
        let parts = line.split(maxSplits: 2, whereSeparator: \.isWhitespace).map(String.init)
        guard let categoryWord = parts.first else {
            throw LineError(line: number, field: "rule", "expected CATEGORY NAME PATTERN")
        }
        guard let category = AdviceCategory(rawValue: categoryWord.lowercased()) else {
            throw LineError(line: number, field: "category",
                            "'\(categoryWord)' is not one of " + AdviceCategory.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard parts.count == 3 else {
            throw LineError(line: number, field: "rule", "expected CATEGORY NAME PATTERN, got '\(line)'")
        }
        let name = parts[1]
        guard name.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
            throw LineError(line: number, field: "name", "'\(name)' must be lowercase letters, digits and hyphens")
        }
        do {
            self.init(category: category, name: name, pattern: try PhrasePattern(parts[2]))
        } catch let error as ValidationError {
            throw LineError(line: number, field: "pattern", "'\(error.value)' \(error.reason)")
        }
    }

    /// The line that reads back as this rule.
    public var line: String { "\(category.rawValue) \(name) \(pattern.source)" }
}
