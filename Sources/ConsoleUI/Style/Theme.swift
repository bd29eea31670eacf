import Foundation

/// A terminal colour: the eight ANSI colours, their bright variants, or the terminal's default.
public enum TerminalColor: Hashable, Sendable {
    case `default`
    case ansi(Int)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    init?(name: String) {
        let lower = name.lowercased()
        if lower == "default" { self = .default; return }
        if let index = TerminalColor.names.firstIndex(of: lower) { self = .ansi(index); return }
        if lower.hasPrefix("bright-"), let index = TerminalColor.names.firstIndex(of: String(lower.dropFirst(7))) {
            self = .ansi(index + 8)
            return
        }
        return nil
    }
}

/// How a role looks: colours and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: TerminalColor = .default
    public var background: TerminalColor = .default
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public var usesColour: Bool { foreground != .default || background != .default }
}

/// A theme read from a file: `role = foreground [on background] [bold] [reverse] [underline] [dim]`,
/// one role per line, `#` comments. Roles not named fall back to `normal`.
public struct Theme: Sendable {
    public let name: String
    public let styles: [StyleRole: Style]

    public func style(_ role: StyleRole) -> Style { styles[role] ?? styles[.normal] ?? Style() }

    public struct LoadError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Reads a theme file's text; `file` is named in errors with the line and the key.
    public init(name: String, text: String, file: String) throws {
        var styles: [StyleRole: Style] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if line.isEmpty { continue }
            let place = "\(file):\(index + 1)"
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                throw LoadError(description: "\(place): expected 'role = colour [on colour] [bold]...', got '\(line)'")
            }
            guard let role = StyleRole(rawValue: parts[0]) else {
                throw LoadError(description: "\(place): unknown role '\(parts[0])'")
            }
            styles[role] = try Theme.parseStyle(parts[1], place: place, key: parts[0])
        }
        self.name = name
        self.styles = styles
    }

    static func parseStyle(_ text: String, place: String, key: String) throws -> Style {
        var style = Style()
        var words = text.split(separator: " ").map(String.init)[...]
        var colourSet = false
        while let word = words.popFirst() {
            switch word.lowercased() {
            case "bold": style.bold = true
            case "reverse": style.reverse = true
            case "underline": style.underline = true
            case "dim": style.dim = true
            case "plain", "none": break
            case "on":
                guard let name = words.popFirst(), let colour = TerminalColor(name: name) else {
                    throw LoadError(description: "\(place): '\(key)': 'on' must be followed by a colour")
                }
                style.background = colour
            default:
                guard !colourSet, let colour = TerminalColor(name: word) else {
                    throw LoadError(description: "\(place): '\(key)': unknown colour or attribute '\(word)'")
                }
                style.foreground = colour
                colourSet = true
            }
        }
        return style
    }

    /// This theme with colours dropped: for `NO_COLOR` and terminals without colours.
    public var withoutColour: Theme {
        Theme(name: name, styles: styles.mapValues {
            Style(bold: $0.bold, reverse: $0.reverse, underline: $0.underline, dim: $0.dim)
        })
    }

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }
}
