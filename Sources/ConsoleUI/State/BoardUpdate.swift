import Foundation
import SecretaryCore

// The board check in the console (`B`, supervisors): the messages that did not reach their
// client, with what was tried, as on the wallboard; `r` sends the selected one again once its
// address is fixed. The store refuses an operator (the role is checked below the screen).

/// The board window.
public struct BoardList: Equatable, Sendable {
    /// nil until loaded.
    public var entries: [BoardEntry]?
    public var selection = 0
    /// The store's refusal, until the next key.
    public var error: String?

    public init(entries: [BoardEntry]? = nil) { self.entries = entries }
}

/// Work on the board, performed by `ConsoleSession`.
public enum BoardEffect: Equatable, Sendable {
    case load
    case resend(Int64)
}

/// The answers of `BoardEffect`s.
public enum BoardEvent: Sendable {
    case loaded([BoardEntry])
    case resent(Int64, [BoardEntry])
    case refused(String)
}

func openBoard(_ state: inout AppState) -> [Effect] {
    state.overlay = .board(BoardList())
    return [.board(.load)]
}

func boardListKey(_ state: inout AppState, _ list: BoardList, _ key: Key) -> [Effect] {
    var list = list
    list.error = nil
    let entries = list.entries ?? []
    defer { if case .board = state.overlay { state.overlay = .board(list) } }
    switch Keymap.action(for: key, in: .board) {
    case .cancel: state.overlay = nil
    case .up: list.selection = max(0, list.selection - 1)
    case .down: list.selection = min(max(0, entries.count - 1), list.selection + 1)
    case .resend:
        guard entries.indices.contains(list.selection) else { return [] }
        return [.board(.resend(entries[list.selection].message.id))]
    default: break
    }
    return []
}

func handleBoardEvent(_ state: inout AppState, _ event: BoardEvent) -> [Effect] {
    guard case .board(var list) = state.overlay else {
        if case .refused(let reason) = event { state.flash = Flash(text: reason, isError: true) }
        return []
    }
    switch event {
    case .loaded(let entries):
        list.entries = entries
    case .resent(let id, let entries):
        list.entries = entries
        state.flash = Flash(text: state.text(.wallboardResent) + "\(id)", isError: false)
    case .refused(let reason):
        // Refused before anything showed (an operator): the window closes, the reason stays.
        guard list.entries != nil else {
            state.overlay = nil
            state.flash = Flash(text: reason, isError: true)
            return []
        }
        list.error = reason
    }
    list.selection = min(list.selection, max(0, (list.entries?.count ?? 0) - 1))
    state.overlay = .board(list)
    return []
}
