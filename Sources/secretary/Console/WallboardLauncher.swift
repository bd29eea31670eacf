import ConsoleUI
import ConsoleStore
import CursesBackend
import Foundation
import SecretaryCore
import SecretaryStore

/// Wires the store, the clock and the terminal into the supervisor's live wallboard.
struct WallboardLauncher {
    let store: Store
    let login: String
    let screen: ScreenOptions
    let thresholdSeconds: Int

    func run() throws {
        // Refusals (an operator's role, an unknown login, a bad theme) come before the
        // terminal is touched: one line on stderr, the terminal as it was.
        let user = try store.supervisor(login: login)
        let appearance = try screen.appearance()
        let data = StoreWallboardData(store: store, login: login)
        let terminal = try CursesTerminal(theme: appearance.theme, colour: appearance.colour)
        defer { terminal.close() }
        let (width, height) = terminal.size
        let session = WallboardSession(
            state: WallboardState(width: width, height: height, language: appearance.language, user: user,
                                  now: data.now(), thresholdSeconds: thresholdSeconds),
            data: data)
        ScreenLoop.run(session, on: terminal)
    }
}
