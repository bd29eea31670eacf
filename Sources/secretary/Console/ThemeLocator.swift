import ConsoleUI
import Foundation

/// Finds and reads themes: the user's (`$XDG_CONFIG_HOME/secretary/themes/NAME.theme`) first,
/// then the package's `themes/` folder (`SECRETARY_THEMES`, or found beside the executable).
enum ThemeLocator {
    static func folders(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var folders: [String] = []
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".config")
        folders.append((config as NSString).appendingPathComponent("secretary/themes"))
        if let shipped = environment["SECRETARY_THEMES"], !shipped.isEmpty { folders.append(shipped) }
        // Walk up from the executable: `.build/debug/secretary` finds the checkout's themes/,
        // `PREFIX/bin/secretary` finds `PREFIX/share/secretary/themes`.
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<5 {
            folders.append(folder.appendingPathComponent("themes").path)
            folders.append(folder.appendingPathComponent("share/secretary/themes").path)
            folder = folder.deletingLastPathComponent()
        }
        return folders
    }

    /// The running program's file, wherever it was started from (argv[0] is only a name
    /// when the program was found through PATH).
    static var executable: URL {
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: running).resolvingSymlinksInPath()
    }

    /// The theme called `name` (or a path to a theme file).
    static func load(_ name: String) throws -> Theme {
        let candidates = name.contains("/") ? [name]
            : folders().map { ($0 as NSString).appendingPathComponent("\(name).theme") }
        guard let path = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
            throw ThemeError(description: "theme '\(name)' not found (looked in \(folders().prefix(2).joined(separator: ", ")) and the package's themes/)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ThemeError(description: "cannot read theme file \(path)")
        }
        return try Theme(name: name, text: text, file: path)
    }

    struct ThemeError: Error, CustomStringConvertible { let description: String }
}
