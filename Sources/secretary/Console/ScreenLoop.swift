import ConsoleUI
import CursesBackend
import Foundation

/// The one terminal loop of the console and the wallboard: read a key (waiting at most the
/// terminal's timeout, 250 ms), hand it over, poll the clock and the other terminals'
/// changes, and draw only when what is shown changed. Ends on `q` (the session stops
/// running), on Ctrl-C, SIGTERM or SIGHUP, or when the terminal hung up; the caller then
/// closes the terminal.
enum ScreenLoop {
    static func run<Session: LiveSession>(_ session: Session, on terminal: CursesTerminal, keeper: SessionKeeper? = nil) {
        session.start()
        var drawn = session.screen
        terminal.draw(session.draw(drawn))
        var wasLocked = false
        while session.isRunning && SignalGuard.stopRequested == 0 && keeper?.endedElsewhere != true {
            var repaint = false
            let reading = Date()
            let input = terminal.read()
            // A read that gives nothing long before the timeout: the terminal may be gone.
            if input == nil, Date().timeIntervalSince(reading) < 0.05, CursesTerminal.inputHungUp { break }
            if let input {
                switch input {
                case .key(let key):
                    keeper?.keyPressed()
                    if keeper?.lock != nil {
                        keeper?.handleLocked(key) { terminal.draw(renderSignIn($0)) }
                    } else {
                        session.handle(key: key)
                    }
                case .resize(let width, let height):
                    session.resize(width: width, height: height)
                    terminal.invalidate()
                    repaint = true
                }
            }
            session.poll()
            let (width, height) = terminal.size
            keeper?.tick(busy: session.isBusy, width: width, height: height)
            if let lock = keeper?.lock {
                // Nothing of the panes shows while locked.
                terminal.draw(renderSignIn(lock))
                wasLocked = true
                continue
            }
            if wasLocked {
                wasLocked = false
                terminal.invalidate()
                terminal.draw(session.draw(session.screen))
                drawn = session.screen
                continue
            }
            if session.needsFullRedraw {
                session.needsFullRedraw = false
                terminal.invalidate()
                repaint = true
            }
            guard repaint || session.screen != drawn else { continue }
            drawn = session.screen
            terminal.draw(session.draw(drawn))
        }
    }
}
