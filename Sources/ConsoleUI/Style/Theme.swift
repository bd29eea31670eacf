import Foundation
import SecretaryCore

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

    /// A theme is a few hundred bytes; anything larger is not one.
    static let maximumBytes = 64 << 10

    /// Reads a theme file's text; `file` is named in errors with the line and the key. Lines
    /// may end in CRLF. An error never quotes a line that is not a theme's (`--theme
    /// /etc/passwd` must not print the file): only a known role or a colour word is named.
    public init(name: String, text: String, file: String) throws {
        do {
            try InputText.check(text, maximumBytes: Theme.maximumBytes, what: "a theme file")
        } catch let error as LineError {
            throw LoadError(description: "\(file):\(error.line): \(error.field): \(error.message)")
        }
        var styles: [StyleRole: Style] = [:]
        var lines: [StyleRole: Int] = [:]
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if line.isEmpty { continue }
            let place = "\(file):\(index + 1)"
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                throw LoadError(description: "\(place): not a theme line: expected 'role = colour [on colour] [bold]...'")
            }
            guard let role = StyleRole(rawValue: parts[0]) else {
                throw LoadError(description: Theme.quotable(parts[0]).map { "\(place): unknown role '\($0)'" }
                                ?? "\(place): unknown role; the roles are " + StyleRole.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if let earlier = lines[role] {
                throw LoadError(description: "\(place): role '\(role.rawValue)' given twice (line \(earlier) and line \(index + 1))")
            }
            lines[role] = index + 1
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
                    throw LoadError(description: Theme.quotable(word).map { "\(place): '\(key)': unknown colour or attribute '\($0)'" }
                                    ?? "\(place): '\(key)': unknown colour or attribute; the colours are "
                                        + TerminalColor.names.joined(separator: ", ") + " (bright-...), default")
                }
                style.foreground = colour
                colourSet = true
            }
        }
        return style
    }

    /// A word worth quoting back (a misspelt role or colour: short, lower-case letters and
    /// dashes); anything else may be another file's content, and is not repeated.
    static func quotable(_ word: String) -> String? {
        word.count <= 20 && word.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }) ? word : nil
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
