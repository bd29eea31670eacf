import ConsoleUI
import CursesBackend
import Foundation
import Inotify
import SecretaryCore
import SecretaryStore

/// The one terminal loop of the console and the wallboard: wait for a key, a write to the
/// database or the clock's next second, hand the key over, poll the clock and the other
/// terminals' changes, and draw only when what is shown changed. Ends on `q` (the session
/// stops running), on Ctrl-C, SIGTERM or SIGHUP, or when the terminal hung up; the caller
/// then closes the terminal.
///
/// Waking: every commit of every process writes the database's write-ahead log, and the
/// kernel tells (inotify), so a call shows within milliseconds and an idle screen sleeps
/// until its clock's next second. The commit's last step (the log's index in shared memory)
/// is not a write the kernel reports, so a wake that found no commit looks again every 15 ms
/// until it sees one, 20 times at most (a heartbeat's commit, seen, changes nothing and needs
/// no second look).
/// Without inotify, or once the log file went away, the loop polls every 250 ms as it
/// always did.
enum ScreenLoop {
    /// The poll's period when nothing wakes the loop.
    static let pollMilliseconds: Int32 = 250
    /// The second look after a write to the log that showed nothing new yet.
    static let settleMilliseconds: Int32 = 15
    /// How many second looks, at most: under load the writer may be descheduled between its
    /// log's frames and its index for longer than one. Heartbeats used to wake every console
    /// 8 times a second and hid a missed commit; with fewer, a missed one waited for the
    /// clock's next second (up to a second late).
    static let settleLooks = 20
    /// How long a write to the log waits for the rest of its commit.
    static let coalesceMicroseconds: useconds_t = 1_000

    static func run<Session: LiveSession>(_ session: Session, on terminal: CursesTerminal, keeper: SessionKeeper? = nil,
                                          databasePath: String? = nil, changes: ChangeMark? = nil) {
        let logWrites = databasePath.flatMap { FileChangeSignal(path: $0 + "-wal") }
        session.start()
        var drawn = session.screen
        // One frame, drawn again in place: an idle second changes only its clock's cells.
        var frame = session.draw(drawn)
        terminal.draw(frame)
        // The advice rules are parsed now, after the first frame rather than before it, so
        // the first check of a message does not wait for them.
        _ = ShippedRules.advice
        var wasLocked = false
        var settleLooksLeft = 0
        while session.isRunning && SignalGuard.stopRequested == 0 && keeper?.endedElsewhere != true {
            var repaint = false
            let reading = Date()
            let watching = logWrites?.isWatching == true
            let timeout = watching ? (settleLooksLeft > 0 ? settleMilliseconds : untilNextSecond(session.clock)) : pollMilliseconds
            let input = terminal.read(timeout: timeout, alsoWakingOn: watching ? logWrites?.descriptor : nil)
            // A read that gives nothing long before the timeout: the terminal may be gone.
            if input == nil, Date().timeIntervalSince(reading) < 0.05, CursesTerminal.inputHungUp { break }
            let written = logWrites?.drain() == true
            if written {
                // A commit is several writes: let it end, and wake once for all of them.
                usleep(coalesceMicroseconds)
                logWrites?.drain()
            }
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
            let changed = session.poll()
            if changed || changes?.sawCommit == true {
                settleLooksLeft = 0
            } else if written {
                settleLooksLeft = settleLooks
            } else if settleLooksLeft > 0 {
                settleLooksLeft -= 1
            }
            if session.needsBell {
                session.needsBell = false
                terminal.bell()
            }
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
                drawn = session.screen
                frame = session.draw(drawn)
                terminal.draw(frame)
                continue
            }
            if session.needsFullRedraw {
                session.needsFullRedraw = false
                terminal.invalidate()
                repaint = true
            }
            let screen = session.screen
            guard repaint || screen != drawn else { continue }
            let rows = session.draw(screen, over: drawn, into: &frame)
            drawn = screen
            terminal.draw(frame, rows: rows)
        }
    }

    /// Milliseconds until just after the shown clock's next whole second (at most one second).
    static func untilNextSecond(_ now: Date) -> Int32 {
        let fraction = now.timeIntervalSince1970 - now.timeIntervalSince1970.rounded(.down)
        return Int32(((1 - fraction) * 1000).rounded(.up)) + 2
    }
}
