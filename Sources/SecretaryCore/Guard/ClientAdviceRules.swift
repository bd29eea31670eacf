import Foundation

/// A client's own advice rules, joined to the shipped ones only when something is checked:
/// parsing the shipped files is a third of the console's first frame, and the first frame
/// shows no text to check. The join is made once and kept (every keystroke in a message,
/// every frame showing a note, checks against it).
public final class ClientAdviceRules: @unchecked Sendable, Hashable {
    /// The client's own rules (none for most clients).
    public let own: AdviceRules
    private let lock = NSLock()
    private var joined: AdviceRules?

    public init(own: AdviceRules = AdviceRules()) { self.own = own }

    /// The shipped rules, then the client's own.
    public var all: AdviceRules {
        lock.withLock {
            if let joined { return joined }
            let rules = own.isEmpty && own.refusalScript.isEmpty ? ShippedRules.advice : ShippedRules.advice.adding(own)
            joined = rules
            return rules
        }
    }

    public static func == (lhs: ClientAdviceRules, rhs: ClientAdviceRules) -> Bool { lhs === rhs || lhs.own == rhs.own }
    public func hash(into hasher: inout Hasher) { hasher.combine(own) }
}
