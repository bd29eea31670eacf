import Foundation
import SecretaryCore

/// How the wallboard reads the shared database. The executable implements it over the
/// SQLite store; tests implement it in memory.
public protocol WallboardData: AnyObject {
    func now() -> Date
    /// Moves whenever another terminal commits: polled to refresh without a keypress.
    func changeCounter() throws -> Int
    /// Today's figures as they stand now.
    func figures(thresholdSeconds: Int) throws -> SupervisorFigures
    /// The messages that did not reach their client.
    func board() throws -> [BoardEntry]
    /// Sends a board message's failed deliveries again.
    func resend(message: Int64) throws
    /// The reports screen's figures for `request`.
    func reports(_ request: ReportsRequest, thresholdSeconds: Int) throws -> ReportsData
}

extension WallboardData {
    public func board() throws -> [BoardEntry] { [] }
    public func resend(message: Int64) throws {}
}

/// Runs the wallboard: feeds events to `updateWallboard`, performs the effects against the
/// data source, and reloads the figures when another terminal wrote.
public final class WallboardSession {
    public private(set) var state: WallboardState
    let data: WallboardData
    public var needsFullRedraw = false
    private var watch = ChangeWatch()

    public init(state: WallboardState, data: WallboardData) {
        self.state = state
        self.data = data
    }

    public func start() {
        watch.start(try? data.changeCounter())
        handle(.externalChange)
    }

    public func handle(_ event: WallboardEvent) {
        var pending: [WallboardEvent] = [event]
        while !pending.isEmpty {
            let next = pending.removeFirst()
            for effect in updateWallboard(&state, next) {
                pending.append(contentsOf: perform(effect))
            }
        }
    }

    /// Every loop turn: advances the clock (whole seconds, as shown) and reloads the figures
    /// when another terminal changed something (and says so).
    @discardableResult
    public func poll() -> Bool {
        handle(.tick(ChangeWatch.wholeSecond(data.now())))
        guard watch.changed(try? data.changeCounter()) else { return false }
        handle(.externalChange)
        return true
    }

    private func perform(_ effect: WallboardEffect) -> [WallboardEvent] {
        switch effect {
        case .loadFigures:
            do {
                return [.figuresLoaded(try data.figures(thresholdSeconds: state.thresholdSeconds)), .boardLoaded(try data.board())]
            } catch {
                return [.failed("\(error)")]
            }
        case .loadReport(let request):
            do {
                return [.reportLoaded(try data.reports(request, thresholdSeconds: state.thresholdSeconds))]
            } catch {
                return [.failed("\(error)")]
            }
        case .redraw:
            needsFullRedraw = true
            return []
        case .resend(let id):
            do {
                try data.resend(message: id)
                return [.resent(id)]
            } catch {
                return [.failed("\(error)")]
            }
        }
    }
}
