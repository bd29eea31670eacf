import Foundation

/// A client's *cahier des charges*: the written instructions the service follows on its
/// line. Each amendment (*avenant*) is a new version with the date it takes effect; older
/// versions stay readable.
public struct Instructions: Hashable, Sendable {
    /// The sections, in the order the instructions pane shows them.
    public enum Section: String, CaseIterable, Sendable {
        case greeting, presentation, services, appointments, hours, urgent, transfer, faq, never, notes
    }

    public var version: Int
    public var effectiveFrom: LocalDate
    public var sections: [Section: String]

    public init(version: Int, effectiveFrom: LocalDate, sections: [Section: String]) throws {
        guard version >= 1 else {
            throw ValidationError(field: "version", value: "\(version)", reason: "must be 1 or more")
        }
        guard let greeting = sections[.greeting], !greeting.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError(field: "greeting", value: "", reason: "the instructions must give the greeting")
        }
        self.version = version
        self.effectiveFrom = effectiveFrom
        // Blank lines around a section's text are layout, not content: a version read back
        // from its document, or from a client file, compares equal to the one written.
        self.sections = sections.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
    }

    /// The greeting with the operator's first name in place of `{operator}`:
    /// « Cabinet du Dr Martin, Claire à l'appareil, bonjour ».
    public func greeting(operatorName: String) -> String {
        (sections[.greeting] ?? "").replacingOccurrences(of: "{operator}", with: operatorName)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The stored text form: one `## section` heading per section.
    public var document: String {
        Section.allCases.compactMap { section in
            sections[section].map { "## \(section.rawValue)\n\($0.trimmingCharacters(in: .whitespacesAndNewlines))\n" }
        }.joined(separator: "\n")
    }

    /// Reads the text form; `lineOffset` is added to line numbers in errors, for a section
    /// block inside a larger file.
    public init(version: Int, effectiveFrom: LocalDate, document: String, lineOffset: Int = 0) throws {
        var sections: [Section: String] = [:]
        var current: Section?
        var lines: [String] = []
        func flush() {
            if let current { sections[current] = lines.joined(separator: "\n") }
            lines = []
        }
        for (index, line) in document.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("## ") {
                flush()
                let name = line.dropFirst(3).trimmingCharacters(in: .whitespaces).lowercased()
                guard let section = Section(rawValue: name) else {
                    throw ValidationError(
                        field: "line \(index + 1 + lineOffset): section", value: name,
                        reason: "expected one of " + Section.allCases.map(\.rawValue).joined(separator: ", "))
                }
                current = section
            } else if current != nil {
                lines.append(String(line))
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError(field: "line \(index + 1 + lineOffset)", value: String(line),
                                      reason: "text before the first '## section' heading")
            }
        }
        flush()
        try self.init(version: version, effectiveFrom: effectiveFrom, sections: sections)
    }
}
