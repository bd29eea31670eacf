import ConsoleUI
import ConsoleStore
import CursesBackend
import Foundation
import SecretaryCore
import SecretaryStore

/// Wires the store, the clock and the terminal into the supervisor's live wallboard.
struct WallboardLauncher {
    let global: GlobalOptions
    let store: Store
    let screen: ScreenOptions
    let thresholdSeconds: Int

    func run() throws {
        // A bad theme or login is said before the terminal is touched.
        let appearance = try screen.appearance()
        let login = try Credentials.givenLogin(global.operator)
        let place = Credentials.place(.wallboard, command: "supervisor")
        let data = StoreWallboardData(store: store)
        let terminal = try CursesTerminal(theme: appearance.theme, colour: appearance.colour)
        let outcome = SignInScreen.run(on: terminal, language: appearance.language, login: login,
                                       subtitle: "secretary supervisor · \(store.path)") { login, password in
            let signedIn = try store.signIn(login: login, password: password, at: place)
            do {
                try store.require(.supervise, by: signedIn.identity, for: "the wallboard")
            } catch {
                try? store.signOut(signedIn, reason: "refused the wallboard")
                throw error
            }
            return signedIn
        }
        guard case .signedIn(let signedIn) = outcome else {
            terminal.close()
            if case .gaveUp(let reason) = outcome { throw ConsoleStartError(description: reason) }
            throw ConsoleStartError(description: "sign-in abandoned")
        }
        defer {
            terminal.close()
            try? store.signOut(signedIn)
        }
        data.identity = signedIn.identity
        let keeper = try SessionKeeper(store: store, signedIn: signedIn, language: appearance.language)
        let (width, height) = terminal.size
        let session = WallboardSession(
            state: WallboardState(width: width, height: height, language: appearance.language, user: signedIn.person,
                                  now: data.now(), thresholdSeconds: thresholdSeconds),
            data: data)
        ScreenLoop.run(session, on: terminal, keeper: keeper, databasePath: store.path, changes: data.changes)
    }
}
