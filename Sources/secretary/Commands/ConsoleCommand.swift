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
        try ConsoleLauncher.requireTerminal(global: global, options: console)
        let store = try global.openStore(busyTimeout: Store.consoleWait)
        try ConsoleLauncher(global: global, options: console, store: store, defaultOperator: nil).run()
    }
}

/// Wires the store, the clock and the terminal into a running console.
struct ConsoleLauncher {
    let global: GlobalOptions
    let options: ConsoleOptions
    let store: Store
    let defaultOperator: String?

    /// Checked before the database is opened, so a console started without a terminal
    /// writes nothing (it would set the operator's presence, then unset it). The theme is
    /// read first: its errors are worth saying with or without a terminal.
    /// Also turns the Swift crash reporter off, here and in the programs it starts (the
    /// demo's traffic): an interactive backtrace must never run on an operator's terminal.
    static func requireTerminal(global: GlobalOptions, options: ConsoleOptions) throws {
        _ = try options.screen.appearance()
        try CursesTerminal.requireTerminal()
        setenv("SWIFT_BACKTRACE", "enable=no", 1)
        SignalGuard.withoutCrashReporter()
    }

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
        let session = ConsoleSession(
            state: AppState(width: width, height: height, language: appearance.language, user: user, now: data.now()),
            data: data)
        ScreenLoop.run(session, on: terminal)
    }
}
