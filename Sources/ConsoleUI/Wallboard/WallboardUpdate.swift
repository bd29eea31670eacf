import Foundation
import SecretaryCore

/// How often the figures are reloaded while callers wait even if no terminal writes: the
/// service level moves as their waits pass the threshold. With nobody waiting, only a write
/// (or midnight) changes the figures, so an idle wallboard reads nothing.
public let wallboardRefreshWhileWaiting: TimeInterval = 5

/// The wallboard's one update: (state, event) → new state plus the effects to perform. Pure.
public func updateWallboard(_ state: inout WallboardState, _ event: WallboardEvent) -> [WallboardEffect] {
    switch event {
    case .key(let key):
        return handleWallboardKey(&state, key)
    case .tick(let now):
        state.now = now
        guard let figures = state.figures else { return [] }
        let today = SupervisorFigures.serviceCalendar.localDate(of: now)
        let stale = figures.waitingNow > 0 && now.timeIntervalSince(figures.at) >= wallboardRefreshWhileWaiting
        return stale || today != figures.day ? [.loadFigures] : []
    case .resize(let width, let height):
        state.width = width
        state.height = height
        return []
    case .externalChange:
        return [.loadFigures]
    case .figuresLoaded(let figures):
        state.figures = figures
        if state.flash?.isError == true { state.flash = nil }
        return []
    case .boardLoaded(let board):
        state.board = board
        state.boardSelection = state.boardSelection.map { min($0, max(0, board.count - 1)) }
        return []
    case .resent(let id):
        state.flash = Flash(text: state.text(.wallboardResent) + "\(id)", isError: false)
        return [.loadFigures]
    case .reportLoaded(let data):
        // A late answer to an earlier request is dropped: the newest request wins.
        guard data.request == state.reports.request else { return [] }
        state.reports.data = data
        if state.flash?.isError == true { state.flash = nil }
        return []
    case .failed(let message):
        state.flash = Flash(text: message, isError: true)
        return []
    }
}

private func handleWallboardKey(_ state: inout WallboardState, _ key: Key) -> [WallboardEffect] {
    if state.showsHelp {
        if key == .escape || key == .character("?") || key == .character("q") || key == .enter || key == .function(1) {
            state.showsHelp = false
        }
        return []
    }
    if let selection = state.boardSelection {
        guard let action = Keymap.boardAction(for: key) else { return [] }
        return WallboardBoard.handle(&state, action, selection: selection)
    }
    let inReports = state.mode == .reports
    guard let action = inReports ? Keymap.reportsAction(for: key) : Keymap.wallboardAction(for: key) else { return [] }
    switch action {
    case .toggleReports:
        state.mode = inReports ? .live : .reports
        if inReports { return [.loadFigures] }
        state.reports.request.anchor = SupervisorFigures.serviceCalendar.localDate(of: state.now)
        return [.loadReport(state.reports.request)]
    case .quit:
        state.isRunning = false
    case .help:
        state.showsHelp = true
    case .redraw:
        return [.redraw]
    case .cancel:
        state.flash = nil
    case .board:
        state.boardSelection = 0
    default:
        if inReports { return handleReportsKey(&state, action) }
    }
    return []
}

extension Keymap {
    /// The action of `key` on the wallboard: only its own bindings apply (it answers nothing).
    /// In the board overlay: its own keys first, then the wallboard's.
    public static func boardAction(for key: Key) -> Action? {
        bindings(for: .board).first { $0.keys.contains(key) }?.action ?? wallboardAction(for: key)
    }

    public static func wallboardAction(for key: Key) -> Action? {
        bindings(for: .wallboard).first { $0.keys.contains(key) }?.action
    }
}
