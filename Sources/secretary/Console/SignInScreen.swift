import ConsoleUI
import CursesBackend
import Foundation
import SecretaryCore
import SecretaryStore

/// The sign-in screen of the console and the wallboard: three tries, then the program
/// gives up (and exits non-zero once the terminal is restored).
enum SignInScreen {
    enum Outcome {
        case signedIn(SignedIn)
        case gaveUp(reason: String)
    }

    static let tries = 3

    static func run(on terminal: CursesTerminal, language: Language, login: String?, subtitle: String,
                    attempt: (String, String) throws -> SignedIn) -> Outcome {
        let (width, height) = terminal.size
        var form = SignInForm(width: width, height: height, language: language, purpose: .signIn, login: login ?? "",
                              triesLeft: tries, subtitle: subtitle)
        terminal.draw(renderSignIn(form))
        while SignalGuard.stopRequested == 0 {
            let reading = Date()
            let input = terminal.read()
            if input == nil, Date().timeIntervalSince(reading) < 0.05, CursesTerminal.inputHungUp { break }
            switch input {
            case .resize(let newWidth, let newHeight)?:
                form.width = newWidth
                form.height = newHeight
                terminal.invalidate()
            case .key(let key)?:
                switch form.handle(key) {
                case .quit:
                    return .gaveUp(reason: "sign-in abandoned")
                case .submit(let login, let password):
                    form.checking = true
                    terminal.draw(renderSignIn(form))
                    do {
                        return .signedIn(try attempt(login, password))
                    } catch is SignInRefused {
                        form.refused()
                        if form.triesLeft <= 0 { return .gaveUp(reason: "sign-in refused \(tries) times") }
                    } catch {
                        return .gaveUp(reason: "\(error)")
                    }
                case .none:
                    break
                }
            case nil:
                break
            }
            terminal.draw(renderSignIn(form))
        }
        return .gaveUp(reason: "sign-in interrupted")
    }
}

/// What keeps a signed-in screen honest while it runs: a heartbeat so other terminals know
/// it is alive, the closing of sessions whose terminal died, and the idle lock, which hides
/// every pane until the password is typed again (never during a call).
final class SessionKeeper {
    let store: Store
    let signedIn: SignedIn
    let idleSeconds: TimeInterval
    let language: Language
    private(set) var lock: SignInForm?
    /// Set when the session was ended elsewhere (taken over, the account disabled or locked).
    private(set) var endedElsewhere = false
    private var lastKey = Date()
    private var lastBeat = Date.distantPast
    private var lastDeadCheck = Date.distantPast

    /// Every heartbeat is a commit, and every commit wakes every open console (the log's
    /// inotify watch): at 5 s, 40 consoles woke 8 times a second. A console of this machine
    /// that dies is noticed by its process, not its heartbeat (`deadCheckSeconds`), so the
    /// heartbeat only speaks for consoles elsewhere, for which half a minute is soon enough.
    static let heartbeatSeconds: TimeInterval = 30
    /// How often the sessions of this machine's dead processes are looked for: a read and
    /// /proc, no write unless one died.
    static let deadCheckSeconds: TimeInterval = 5

    init(store: Store, signedIn: SignedIn, language: Language) throws {
        self.store = store
        self.signedIn = signedIn
        self.language = language
        idleSeconds = TimeInterval(try store.number(.idleLockSeconds))
    }

    func keyPressed() { lastKey = Date() }

    /// Sessions of processes on this machine that died (SIGKILL) are closed at once.
    static func closeDeadSessions(_ store: Store) {
        try? store.closeDeadSessions(host: host, isAlive: processIsAlive)
    }

    /// This machine's name, asked once: the heartbeat's check runs every few seconds.
    static let host = Credentials.place(.command, command: "").host

    /// A process exists and is not a zombie (a killed console nobody reaped yet is dead).
    static func processIsAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        // Read with plain system calls: every console checks every process of this host every
        // few seconds, and Foundation's file reading and trimming cost ten times as much.
        let descriptor = open("/proc/\(pid)/stat", O_RDONLY)
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 512)
        let count = read(descriptor, &bytes, bytes.count)
        // `PID (name) STATE ...`: the state follows the name's closing parenthesis.
        guard count > 0, let nameEnd = bytes[..<count].lastIndex(of: UInt8(ascii: ")")) else { return true }
        let state = bytes[(nameEnd + 1)..<count].first { $0 != UInt8(ascii: " ") }
        return state != UInt8(ascii: "Z") && state != UInt8(ascii: "X")
    }

    /// Called on every loop turn.
    func tick(busy: Bool, width: Int, height: Int) {
        let now = Date()
        if now.timeIntervalSince(lastBeat) >= Self.heartbeatSeconds {
            lastBeat = now
            if let id = signedIn.sessionID, (try? store.heartbeat(session: id)) == false { endedElsewhere = true }
            try? store.closeStaleSessions()
        }
        if now.timeIntervalSince(lastDeadCheck) >= Self.deadCheckSeconds {
            lastDeadCheck = now
            SessionKeeper.closeDeadSessions(store)
        }
        if busy { lastKey = now }
        if lock == nil, idleSeconds > 0, !busy, now.timeIntervalSince(lastKey) >= idleSeconds {
            lock = SignInForm(width: width, height: height, language: language, purpose: .unlock,
                              login: signedIn.person.login, subtitle: "\(signedIn.person.displayName) · \(SignInText.lockedFor(language))")
            try? store.recordIdleLock(signedIn)
        }
        lock?.width = width
        lock?.height = height
    }

    /// A key while locked: only the password form sees it.
    func handleLocked(_ key: Key, redraw: (SignInForm) -> Void) {
        guard var form = lock else { return }
        if case .submit(_, let password) = form.handle(key) {
            form.checking = true
            redraw(form)
            if (try? store.confirmPassword(password, for: signedIn)) == true {
                lock = nil
                lastKey = Date()
                return
            }
            form.refused()
        }
        lock = form
    }
}
