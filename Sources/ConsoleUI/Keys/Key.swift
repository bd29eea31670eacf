/// A key as the console understands it, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)

    /// The key as written in the help and the key-hint line, in the interface's language
    /// (a French keyboard says Entrée, Échap, Espace).
    public func label(_ language: Language) -> String {
        guard language == .fr else { return englishName }
        switch self {
        case .character(" "): return "Espace"
        case .enter: return "Entrée"
        case .escape: return "Échap"
        case .backTab: return "Maj-Tab"
        case .backspace: return "Retour"
        case .delete: return "Suppr"
        case .home: return "Début"
        case .end: return "Fin"
        case .pageUp: return "PgPréc"
        case .pageDown: return "PgSuiv"
        default: return englishName
        }
    }

    /// The key's English name (only through `label(_:)`: every screen has its language).
    private var englishName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-\(c.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .function(let n): "F\(n)"
        }
    }
}
