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
    /// Care to give at home: « mettez de la glace », « appliquez une crème ».
    case care
    /// Telling the caller to wait or not to see anyone: « vous pouvez attendre demain ».
    case waiting

    /// The words an operator reads in a refusal.
    public var label: String {
        switch self {
        case .dosage: "dosage or medication instruction"
        case .treatment: "change of treatment"
        case .diagnosis: "diagnosis"
        case .reassurance: "reassurance about a symptom"
        case .care: "care instruction"
        case .waiting: "advice to wait or not to consult"
        }
    }
}

/// One pattern of advice, named so a refusal can say which rule it broke.
public struct AdviceRule: Hashable, Sendable {
    public let category: AdviceCategory
    public let name: String
    public let pattern: PhrasePattern
    /// Words that, anywhere in the same sentence, make the match a report rather than advice
    /// (`il prend du Doliprane toutes les 6 h` tells what the patient does).
    public let unless: PhrasePattern?

    public init(category: AdviceCategory, name: String, pattern: PhrasePattern, unless: PhrasePattern? = nil) {
        self.category = category
        self.name = name
        self.pattern = pattern
        self.unless = unless
    }
}

/// A set of advice rules, read from a rules file:
///
/// ```
/// # a comment
/// say Je ne peux pas vous donner d'avis médical ; je transmets votre question au médecin.
/// set pills comprim*|cachet*|gelule*
/// dosage     prenez-comprimes    prenez|prends ... @pills
/// diagnosis  c-est-une-grippe    c'est|cest une? grippe
/// dosage     dose-par-jour       @pills ... par jour unless prend|pris
/// ```
///
/// One rule a line: its category (`dosage`, `treatment`, `diagnosis`, `reassurance`, `care`,
/// `waiting`), its name (lowercase letters, digits, hyphens; unique), then the pattern (see
/// `PhrasePattern`), and after `unless` a pattern that, found in the same sentence, lets it pass.
/// `set NAME WORDS` names alternatives that a later pattern uses as `@NAME` (sets given to
/// the parser, the shipped ones for a client's rules, are known too). `unless` and `@NAME` are
/// kept as written in `line`, so a rule reads back only where its sets are known. A `say` line gives the
/// sentence operators say when a caller asks for advice.
public struct AdviceRules: Hashable, Sendable {
    public private(set) var rules: [AdviceRule]
    /// The sentence to say when a caller asks for medical advice, in the order given.
    public private(set) var refusalScript: [String]

    public init(rules: [AdviceRule] = [], refusalScript: [String] = []) {
        self.rules = rules
        self.refusalScript = refusalScript
    }

    /// Reads a rules file; errors give the line, counted from `firstLine`.
    /// The word sets (`set NAME WORDS`) this file defined, with those it was given.
    public private(set) var sets = PhrasePattern.Cache()

    public init(parsing text: String, file: String? = nil, firstLine: Int = 1,
                sets: PhrasePattern.Cache = PhrasePattern.Cache()) throws {
        self.init()
        var cache = sets
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
                if line.hasPrefix("set ") {
                    let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
                    guard parts.count == 3, parts[1].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }) else {
                        throw LineError(line: number, field: "set", "expected 'set NAME WORDS', NAME in lowercase letters and digits")
                    }
                    do {
                        try cache.define(set: parts[1], as: parts[2])
                    } catch let error as ValidationError {
                        throw LineError(line: number, field: "set", "'\(parts[1])': \(error.reason)")
                    }
                    continue
                }
                let rule = try AdviceRule(parsingLine: line, number: number, cache: &cache)
                if let earlier = lineOfName[rule.name] {
                    throw LineError(line: number, field: "name", "'\(rule.name)' is already the name of the rule on line \(earlier)")
                }
                lineOfName[rule.name] = number
                rules.append(rule)
            } catch let error as LineError {
                throw error.inFile(file)
            }
        }
        self.sets = cache.merging(PhrasePattern.Cache())
    }

    /// These rules followed by `other`'s (a client's own rules after the shipped ones).
    public func adding(_ other: AdviceRules) -> AdviceRules {
        var joined = AdviceRules(rules: rules + other.rules.filter { rule in !rules.contains { $0.name == rule.name } },
                                 refusalScript: refusalScript + other.refusalScript)
        joined.sets = sets.merging(other.sets)
        return joined
    }

    public var isEmpty: Bool { rules.isEmpty }

    /// The rules file text of these rules (the refusal script first).
    public var text: String {
        (refusalScript.map { "say \($0)" } + rules.map(\.line)).map { $0 + "\n" }.joined()
    }
}

extension AdviceRule {
    /// Reads `CATEGORY NAME PATTERN [unless PATTERN]`.
    public init(parsingLine line: String, number: Int) throws {
        var cache = PhrasePattern.Cache()
        try self.init(parsingLine: line, number: number, cache: &cache)
    }

    init(parsingLine line: String, number: Int, cache: inout PhrasePattern.Cache) throws {
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
        let halves = parts[2].components(separatedBy: " unless ")
        guard halves.count <= 2 else { throw LineError(line: number, field: "unless", "'unless' is given more than once") }
        do {
            let pattern = try PhrasePattern(halves[0], cache: &cache)
            let unless = try halves.count == 2 ? PhrasePattern(halves[1], cache: &cache) : nil
            self.init(category: category, name: name, pattern: pattern, unless: unless)
        } catch let error as ValidationError {
            throw LineError(line: number, field: "pattern", "'\(error.value)' \(error.reason)")
        }
    }

    /// The line that reads back as this rule.
    public var line: String {
        "\(category.rawValue) \(name) \(pattern.source)" + (unless.map { " unless \($0.source)" } ?? "")
    }
}
