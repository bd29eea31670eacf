import CNcursesw
import Foundation

/// Signals and the terminal: Ctrl-C, Ctrl-\ (SIGQUIT), SIGTERM and SIGHUP ask the loop to
/// stop (it then restores the terminal); a crash restores the terminal before the process
/// dies, so the shell is never left without echo. These handlers replace the Swift runtime's
/// crash reporter, which would otherwise freeze the screen for half a minute and print a
/// backtrace over it.
public enum SignalGuard {
    /// Set by SIGINT, SIGQUIT, SIGTERM or SIGHUP; the console loop checks it every turn.
    nonisolated(unsafe) public static var stopRequested: sig_atomic_t = 0

    /// A parent (a test runner, a supervisor daemon) may hand the console blocked signals;
    /// a blocked SIGWINCH would hide resizes and a blocked SIGINT would ignore Ctrl-C.
    static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        for signalNumber in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&set, signalNumber) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Before the console owns the terminal: Ctrl-\ and a crash end the process the plain
    /// way (the shell says "Quit"), not through the Swift crash reporter, which would hold
    /// the terminal for half a minute. `install` then puts the console's handlers in place.
    public static func withoutCrashReporter() {
        for signalNumber in [SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGTRAP, SIGFPE] { signal(signalNumber, SIG_DFL) }
    }

    static func install() {
        for signalNumber in [SIGINT, SIGQUIT, SIGTERM, SIGHUP] {
            signal(signalNumber) { _ in SignalGuard.stopRequested = 1 }
        }
        for signalNumber in [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGTRAP, SIGFPE] {
            signal(signalNumber) { received in
                endwin()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
