import Foundation

/// What an amendment (*avenant*) changed, section by section, for the console's history
/// view and `secretary client history`.
public struct InstructionsDiff: Hashable, Sendable {
    public let from: Instructions
    public let to: Instructions
    /// The sections that differ, in the order of `Instructions.Section`; unchanged ones are left out.
    public let changes: [SectionChange]

    public var isEmpty: Bool { changes.isEmpty && from.effectiveFrom == to.effectiveFrom }

    public init(from: Instructions, to: Instructions) {
        self.from = from
        self.to = to
        changes = Instructions.Section.allCases.compactMap { section in
            let old = from.sections[section]
            let new = to.sections[section]
            guard old != new else { return nil }
            let kind: SectionChange.Kind = old == nil ? .added : new == nil ? .removed : .changed
            return SectionChange(section: section, kind: kind, old: old, new: new,
                                 lines: LineChange.diff(old ?? "", new ?? ""))
        }
    }
}

/// One section's change between two versions.
public struct SectionChange: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case added, removed, changed
    }

    public let section: Instructions.Section
    public let kind: Kind
    public let old: String?
    public let new: String?
    /// Line by line, unchanged lines included for context.
    public let lines: [LineChange]
}

/// A line of a section kept, removed or added.
public enum LineChange: Hashable, Sendable, CustomStringConvertible {
    case kept(String)
    case removed(String)
    case added(String)

    /// `  kept`, `- removed`, `+ added`.
    public var description: String {
        switch self {
        case .kept(let line): "  \(line)"
        case .removed(let line): "- \(line)"
        case .added(let line): "+ \(line)"
        }
    }

    /// A longest-common-subsequence diff of two texts' lines; sections are a few lines long.
    static func diff(_ old: String, _ new: String) -> [LineChange] {
        let a = old.isEmpty ? [] : old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.isEmpty ? [] : new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var common = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var changes: [LineChange] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                changes.append(.kept(a[i]))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || common[i + 1][j] >= common[i][j + 1] {
                changes.append(.removed(a[i]))
                i += 1
            } else {
                changes.append(.added(b[j]))
                j += 1
            }
        }
        return changes
    }
}

extension Instructions {
    /// What `newer` changes in these instructions.
    public func changes(to newer: Instructions) -> InstructionsDiff {
        InstructionsDiff(from: self, to: newer)
    }
}
