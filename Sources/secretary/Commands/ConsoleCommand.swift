import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore
import ConsoleUI
import ConsoleStore
import CursesBackend

/// Options of the full-screen console.
struct ConsoleOptions: ParsableArguments {
    @Flag(help: "End this login's console open elsewhere and take its place.") var takeOver = false
    @Flag(help: "Ring the terminal's bell when a call arrives while you are busy elsewhere.") var bell = false
    @OptionGroup var screen: ScreenOptions
}

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console", abstract: "Open the operator's full-screen console (it asks the login and the password).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var console: ConsoleOptions

    func run() throws {
        try ConsoleLauncher.requireTerminal(global: global, options: console)
        let store = try global.openStore(busyTimeout: Store.consoleWait)
        try ConsoleLauncher(global: global, options: console, store: store, demoLogin: nil).run()
    }
}

/// Wires the store, the clock and the terminal into a running console.
struct ConsoleLauncher {
    let global: GlobalOptions
    let options: ConsoleOptions
    let store: Store
    /// The demo signs this account in with the demo password, without asking.
    let demoLogin: String?

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
        // Everything that can fail before the terminal is touched is checked first, so a
        // failed start leaves the terminal as it was.
        let appearance = try options.screen.appearance()
        let login = try Credentials.givenLogin(global.operator)
        let place = Credentials.place(.console, command: "console")

        // A console of this login killed a moment ago must not block this one.
        SessionKeeper.closeDeadSessions(store)
        let terminal = try CursesTerminal(theme: appearance.theme, colour: appearance.colour)
        let signedIn: SignedIn
        if let demoLogin {
            do {
                signedIn = try store.signIn(login: login ?? demoLogin, password: DemoAccounts.password, at: place,
                                            takeOver: options.takeOver)
            } catch {
                terminal.close()
                throw error
            }
        } else {
            let outcome = SignInScreen.run(on: terminal, language: appearance.language, login: login,
                                           subtitle: "secretary · \(store.path)") { login, password in
                try store.signIn(login: login, password: password, at: place, takeOver: options.takeOver)
            }
            guard case .signedIn(let person) = outcome else {
                terminal.close()
                if case .gaveUp(let reason) = outcome { throw ConsoleStartError(description: reason) }
                throw ExitCode.failure
            }
            signedIn = person
        }
        let data = StoreConsoleData(store: store, identity: signedIn.identity)
        let user = signedIn.person
        var reason = "signed out"
        defer {
            terminal.close()
            try? data.setPresence(.offline, for: user)
            try? store.signOut(signedIn, reason: reason)
        }
        try data.setPresence(.available, for: user)
        let keeper = try SessionKeeper(store: store, signedIn: signedIn, language: appearance.language)
        let (width, height) = terminal.size
        var state = AppState(width: width, height: height, language: appearance.language, user: user, now: data.now())
        state.ringsBell = options.bell
        state.isTrainingData = try store.databaseKind() != .production
        let session = ConsoleSession(state: state, data: data)
        ScreenLoop.run(session, on: terminal, keeper: keeper)
        if keeper.endedElsewhere {
            reason = "ended elsewhere"
            terminal.close()
            throw ConsoleStartError(description: SignInText.sessionEnded(appearance.language))
        }
    }
}

/// Why a full-screen program stopped before or instead of running: one line on stderr.
struct ConsoleStartError: Error, CustomStringConvertible {
    let description: String
}
