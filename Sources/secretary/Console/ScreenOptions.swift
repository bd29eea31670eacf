import ArgumentParser
import ConsoleUI
import Foundation

/// How a full-screen program looks: the theme and the language, shared by the console and
/// the supervisor's wallboard.
struct ScreenOptions: ParsableArguments {
    @Option(help: "Colour theme: default, high-contrast, monochrome, or a file in $XDG_CONFIG_HOME/secretary/themes.")
    var theme: String?
    @Option(help: "Language of the interface: fr or en (default from LC_ALL, LC_MESSAGES, LANG).") var lang: String?

    /// The language, the theme and whether to use colours, resolved before the terminal is
    /// touched: `--lang` or the locale; `NO_COLOR` means the monochrome theme and no colour
    /// sequence at all.
    func appearance(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Appearance {
        let language = try lang.map(Language.init(parsing:)) ?? Language.from(environment: environment)
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        // The theme asked for is read even under NO_COLOR, so a misspelt name is always said.
        let chosen = try ThemeLocator.load(self.theme ?? "default")
        let theme = noColour ? try ThemeLocator.load("monochrome") : chosen
        return Appearance(language: language, theme: theme, colour: !noColour)
    }
}

struct Appearance {
    let language: Language
    let theme: Theme
    let colour: Bool
}
