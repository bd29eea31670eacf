import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore
import ConsoleUI
import CursesBackend

/// Options of the full-screen console.
struct ConsoleOptions: ParsableArguments {
    @Option(help: "The operator's login (see `secretary operators`).") var `operator`: String?
    @Option(help: "Colour theme: default, high-contrast, monochrome, or a file in $XDG_CONFIG_HOME/secretary/themes.")
    var theme: String?
    @Option(help: "Language of the interface: fr or en (default from LC_ALL, LC_MESSAGES, LANG).") var lang: String?
}

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console", abstract: "Open the operator's full-screen console.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var console: ConsoleOptions

    func run() throws {
        guard console.operator != nil else {
            throw ValidationError("--operator LOGIN is required (see `secretary operators`)")
        }
        let store = try global.openStore()
        try ConsoleLauncher(global: global, options: console, store: store, defaultOperator: nil).run()
    }
}

/// Wires the store, the clock and the terminal into a running console.
struct ConsoleLauncher {
    let global: GlobalOptions
    let options: ConsoleOptions
    let store: Store
    let defaultOperator: String?

    func run() throws {
        // Everything that can fail is checked before the terminal is touched, so a failed
        // start leaves the terminal as it was.
        let environment = ProcessInfo.processInfo.environment
        let login = options.operator ?? defaultOperator ?? ""
        let user = try store.operator(login: login)
        let language = try options.lang.map(Language.init(parsing:)) ?? Language.from(environment: environment)
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        let theme = try ThemeLocator.load(noColour ? "monochrome" : (options.theme ?? "default"))
        let data = StoreConsoleData(store: store)
        try data.setPresence(.available, for: user)

        let terminal = try CursesTerminal(theme: theme, colour: !noColour)
        defer {
            terminal.close()
            try? data.setPresence(.offline, for: user)
        }
        let (width, height) = terminal.size
        let session = ConsoleSession(
            state: AppState(width: width, height: height, language: language, user: user, now: data.now()),
            data: data)
        session.start()
        var drawn = session.state
        terminal.draw(render(drawn))
        while session.state.isRunning && SignalGuard.stopRequested == 0 {
            if let input = terminal.read() {
                switch input {
                case .key(let key): session.handle(.key(key))
                case .resize(let width, let height):
                    session.handle(.resize(width: width, height: height))
                    terminal.invalidate()
                }
            }
            session.poll()
            if session.needsFullRedraw {
                session.needsFullRedraw = false
                terminal.invalidate()
            } else if session.state == drawn {
                continue
            }
            drawn = session.state
            terminal.draw(render(drawn))
        }
    }
}
