import Foundation

/// Set from the SIGINT/SIGTERM handler; loops poll it to stop cleanly between two steps
/// (a signal handler may only touch such a flag).
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

enum StopSignal {
    /// Turns Ctrl-C and `kill` into a request that `requested` reports.
    static func install() {
        signal(SIGINT) { _ in stopRequested = 1 }
        signal(SIGTERM) { _ in stopRequested = 1 }
        // A parent may hand its blocked signals down (test runners and some supervisors
        // do): unblock these two, or `kill` would never reach the handler.
        var stops = sigset_t()
        sigemptyset(&stops)
        sigaddset(&stops, SIGINT)
        sigaddset(&stops, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stops, nil)
    }

    static var requested: Bool { stopRequested != 0 }

    /// Asks the loops to stop, as a signal would (after an error in one of a worker's threads).
    static func request() { stopRequested = 1 }

    /// Sleeps up to `seconds`, waking early when a stop is requested.
    static func sleep(_ seconds: TimeInterval) {
        var left = seconds
        while left > 0, !requested {
            let step = min(left, 0.1)
            Thread.sleep(forTimeInterval: step)
            left -= step
        }
    }
}
