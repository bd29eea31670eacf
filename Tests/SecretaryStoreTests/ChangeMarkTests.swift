import Foundation
import Testing
import TestSupport
@testable import SecretaryCore
@testable import SecretaryStore

/// What a console compares to know another terminal changed something: a call arriving
/// moves it, the heartbeats of the other consoles do not (with 40 consoles open they came 8
/// times a second, and every console reloaded its panes at each).
@Suite("The change mark of live screens")
struct ChangeMarkTests {
    @Test func aCallArrivingMovesTheMarkAndAHeartbeatDoesNot() throws {
        let desk = try CallDesk()
        // The console and another terminal: two connections to one file, as two processes.
        let console = ChangeMark(store: desk.store)
        let other = try Store(path: desk.store.path, clock: desk.clock)
        let signedIn = try other.signIn(login: "julien", password: "test-password-long",
                                        at: SignInPlace(kind: .console, command: "console"))
        let start = try console.current()

        for _ in 0..<3 { #expect(try other.heartbeat(session: try #require(signedIn.sessionID))) }
        #expect(try console.current() == start, "heartbeats are not changes")

        _ = try other.callIn(line: desk.line, from: "07 00 00 00 09")
        let afterCall = try console.current()
        #expect(afterCall != start, "a call arriving is")
        #expect(try console.current() == afterCall, "and is seen once")
    }
}
