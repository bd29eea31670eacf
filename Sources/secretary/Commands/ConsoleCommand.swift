import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore
import ConsoleUI
import ConsoleStore
import CursesBackend

/// Options of the full-screen console.
struct ConsoleOptions: ParsableArguments {
    @Option(help: "The operator's login (see `secretary operators`).") var `operator`: String?
    @Flag(help: "Ring the terminal's bell when a call arrives while you are busy elsewhere.") var bell = false
    @OptionGroup var screen: ScreenOptions
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
        let login = options.operator ?? defaultOperator ?? ""
        let user = try store.operator(login: login)
        let appearance = try options.screen.appearance()
        let data = StoreConsoleData(store: store)
        try data.setPresence(.available, for: user)

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: appearance.theme, colour: appearance.colour)
        } catch {
            try? data.setPresence(.offline, for: user)
            throw error
        }
        defer {
            terminal.close()
            try? data.setPresence(.offline, for: user)
        }
        let (width, height) = terminal.size
        var state = AppState(width: width, height: height, language: appearance.language, user: user, now: data.now())
        state.ringsBell = options.bell
        let session = ConsoleSession(state: state, data: data)
        ScreenLoop.run(session, on: terminal)
    }
}
