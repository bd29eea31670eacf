import Foundation
import SecretaryCore

/// The board check over the wallboard (`b`): each message that did not reach its client,
/// with what was tried, so a supervisor phones; `r` sends the selected one's failed
/// deliveries again after its address was fixed.
enum WallboardBoard {
    static func handle(_ state: inout WallboardState, _ action: Action, selection: Int) -> [WallboardEffect] {
        switch action {
        case .up:
            state.boardSelection = max(0, selection - 1)
        case .down:
            state.boardSelection = min(max(0, state.board.count - 1), selection + 1)
        case .resend:
            guard state.board.indices.contains(selection) else { return [] }
            return [.resend(state.board[selection].message.id)]
        case .board, .cancel, .quit:
            state.boardSelection = nil
        case .help:
            state.showsHelp = true
        case .redraw:
            return [.redraw]
        default:
            break
        }
        return []
    }

    static func render(_ state: WallboardState, into buffer: inout ScreenBuffer) {
        let width = min(state.width - 2, 100), height = state.height - 2
        let rect = Rect(x: (state.width - width) / 2, y: 1, width: width, height: height)
        let keys = "j/k · r: " + state.text(.actionResend) + " · Esc"
        BoardView.draw(state.board, selection: state.boardSelection ?? 0, language: state.language, keys: keys,
                       into: &buffer, in: rect)
    }
}
