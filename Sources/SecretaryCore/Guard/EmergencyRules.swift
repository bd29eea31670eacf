import Foundation

/// What kind of danger an emergency term signals; each kind has its own numbers and script.
public enum EmergencyKind: String, CaseIterable, Sendable, Codable, Comparable {
    /// A life in danger now: SAMU (15), 112.
    case life
    /// Suicidal thoughts: 3114 in France, 1813 in Belgium.
    case suicide

    public static func < (lhs: EmergencyKind, rhs: EmergencyKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A number to give the caller.
public struct EmergencyNumber: Hashable, Sendable, Codable {
    public let kind: EmergencyKind
    public let number: String
    /// What it is: `SAMU`, `prévention du suicide`.
    public let label: String
}

/// An emergency term and the kind of danger it signals.
public struct EmergencyTerm: Hashable, Sendable {
    public let kind: EmergencyKind
    public let pattern: PhrasePattern
    /// nil for every country.
    public let country: Country?
}

/// The emergency triage data: terms (for every country or one), and per country the
/// numbers and the lines of the script. Read from a rules file:
///
/// ```
/// term life douleur|douleurs thoraciques?|poitrine
/// [FR]
/// number life 15 SAMU
/// say life Dites à l'appelant de raccrocher et d'appeler le 15 (SAMU) ou le 112.
/// ```
///
/// `term KIND PATTERN` before any `[COUNTRY]` heading applies everywhere, after one only
/// there; `number KIND NUMBER LABEL` and `say KIND TEXT` belong to a country. The script of
/// a kind must give each number of its kind, so the script and the numbers never disagree.
public struct EmergencyRules: Hashable, Sendable {
    public private(set) var terms: [EmergencyTerm] = []
    public private(set) var numbers: [Country: [EmergencyNumber]] = [:]
    public private(set) var scripts: [Country: [EmergencyKind: [String]]] = [:]

    public init(parsing text: String, file: String? = nil) throws {
        var country: Country?
        var scriptLines: [(Country, EmergencyKind, String, Int)] = []  // for the checks at the end
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            func fail(_ field: String, _ message: String) -> LineError {
                LineError(file: file, line: number, field: field, message)
            }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), let heading = try? Country(code: String(line.dropFirst().dropLast())) else {
                    throw fail("country", "'\(line)' is not [FR] or [BE]")
                }
                country = heading
                continue
            }
            let parts = line.split(maxSplits: 2, whereSeparator: \.isWhitespace).map(String.init)
            guard parts.count == 3 else { throw fail("line", "expected term, number or say, then a kind and a value") }
            guard let kind = EmergencyKind(rawValue: parts[1]) else {
                throw fail("kind", "'\(parts[1])' is not one of " + EmergencyKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            switch parts[0] {
            case "term":
                do {
                    terms.append(EmergencyTerm(kind: kind, pattern: try PhrasePattern(parts[2]), country: country))
                } catch let error as ValidationError {
                    throw fail("pattern", "'\(error.value)' \(error.reason)")
                }
            case "number", "say":
                guard let country else { throw fail(parts[0], "belongs under a country heading, [FR] or [BE]") }
                if parts[0] == "say" {
                    scriptLines.append((country, kind, parts[2], number))
                    scripts[country, default: [:]][kind, default: []].append(parts[2])
                    continue
                }
                let fields = parts[2].split(maxSplits: 1, whereSeparator: \.isWhitespace).map(String.init)
                guard fields.count == 2, fields[0].allSatisfy(\.isNumber) else {
                    throw fail("number", "expected digits then a label, like '15 SAMU'")
                }
                numbers[country, default: []].append(EmergencyNumber(kind: kind, number: fields[0], label: fields[1]))
            default:
                throw fail("line", "'\(parts[0])' is not term, number or say")
            }
        }
        // A kind's script, all its lines together, gives each of its numbers.
        var checked: Set<String> = []
        for (country, kind, _, number) in scriptLines where checked.insert("\(country)\(kind)").inserted {
            let script = scripts[country]?[kind]?.joined(separator: " ") ?? ""
            for expected in numbers[country, default: []] where expected.kind == kind && !script.contains(expected.number) {
                throw LineError(file: file, line: number, field: "say",
                                "the \(kind.rawValue) script for \(country.rawValue) must give the number \(expected.number)")
            }
        }
        let kindsWithTerms = Set(terms.map(\.kind))
        for country in Country.allCases {
            for kind in kindsWithTerms.sorted() {
                guard numbers[country]?.contains(where: { $0.kind == kind }) == true,
                      scripts[country]?[kind]?.isEmpty == false else {
                    throw LineError(file: file, line: offsetOfLastLine(text), field: country.rawValue,
                                    "a \(kind.rawValue) term needs a 'number \(kind.rawValue)' and a 'say \(kind.rawValue)' line for [\(country.rawValue)]")
                }
            }
        }
    }

    private func offsetOfLastLine(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).count
    }
}
