import Foundation
import SecretaryCore

/// Everything the supervisor's wallboard shows: the day's figures as last loaded, and the
/// clock that keeps waits and operator times ticking between two loads. Changed only by
/// `updateWallboard`; drawn by `renderWallboard`.
public struct WallboardState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var language: Language
    /// The supervisor (or administrator) watching.
    public var user: Operator
    public var now: Date
    public var thresholdSeconds: Int
    public var figures: SupervisorFigures?
    public var showsHelp = false
    public var flash: Flash?
    public var isRunning = true
    /// The supervisors' board: messages that did not reach their client.
    public var board: [BoardEntry] = []
    /// The board overlay's selected line, when it is open.
    public var boardSelection: Int?
    /// Live figures, or the reports screen (a key switches).
    public var mode: WallboardMode = .live
    public var reports: ReportsState

    public init(width: Int, height: Int, language: Language, user: Operator, now: Date,
                thresholdSeconds: Int = SupervisorFigures.defaultThresholdSeconds) {
        self.width = width
        self.height = height
        self.language = language
        self.user = user
        self.now = now
        self.thresholdSeconds = thresholdSeconds
        reports = ReportsState(request: ReportsRequest(span: .week, anchor: SupervisorFigures.serviceCalendar.localDate(of: now)))
    }

    public func text(_ key: Text) -> String { key(language) }

    /// The oldest waiting caller's wait now, counted on from when the figures were loaded
    /// (nothing else changes it until another terminal writes, which reloads them).
    public var longestWaitNow: Int? {
        guard let figures, let longest = figures.longestWaitSeconds else { return nil }
        // Arrivals are stored in whole seconds, so the oldest arrival is exactly
        // floor(at) - longest, and the wait now is floor(now) minus that.
        let elapsed = now.timeIntervalSince1970.rounded(.down) - figures.at.timeIntervalSince1970.rounded(.down)
        return longest + max(0, Int(elapsed))
    }
}

/// What happens to the wallboard: a key, the clock, the terminal, a change made by another
/// terminal, or newly loaded figures.
public enum WallboardEvent: Sendable {
    case key(Key)
    case tick(Date)
    case resize(width: Int, height: Int)
    case externalChange
    case figuresLoaded(SupervisorFigures)
    case boardLoaded([BoardEntry])
    case resent(Int64)
    case reportLoaded(ReportsData)
    case failed(String)
}

/// Work the wallboard's update asks for, performed by `WallboardSession`.
public enum WallboardEffect: Equatable, Sendable {
    case loadFigures
    case loadReport(ReportsRequest)
    case redraw
    /// Send a board message's failed deliveries again.
    case resend(Int64)
}
