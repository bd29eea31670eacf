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

    /// Two lines a message: who called for which client and when; then each delivery tried.
    static func render(_ state: WallboardState, into buffer: inout ScreenBuffer) {
        let width = min(state.width - 2, 100), height = state.height - 2
        let rect = Rect(x: (state.width - width) / 2, y: 1, width: width, height: height)
        buffer.fill(rect)
        buffer.box(rect, title: state.text(.wallboardBoardTitle) + " (\(state.board.count))", focused: true)
        let inner = rect.inset(by: 1)
        let keys = "j/k · r: " + state.text(.actionResend) + " · Esc"
        buffer.write(keys, x: inner.x + 1, y: inner.maxY - 1, role: .dim, limit: inner.width - 2)
        guard !state.board.isEmpty else {
            buffer.write(state.text(.wallboardBoardEmpty), x: inner.x + 1, y: inner.y, role: .dim, limit: inner.width - 2)
            return
        }
        let perEntry = 2
        let visible = max(1, (inner.height - 1) / perEntry)
        let selection = state.boardSelection ?? 0
        let first = max(0, min(selection - visible + 1, state.board.count - visible))
        for (row, index) in (first..<min(state.board.count, first + visible)).enumerated() {
            let entry = state.board[index]
            let y = inner.y + row * perEntry
            let calendar = SupervisorFigures.serviceCalendar
            let taken = calendar.localDateTime(of: entry.message.createdAt).description.replacingOccurrences(of: "T", with: " ")
            let head = "\(entry.message.id)" + (entry.message.isUrgent ? " URGENT" : "") + " · \(entry.clientName) · "
                + "\(entry.message.callerName) \(entry.message.callbackNumber?.national ?? "") · \(taken)"
            let role: StyleRole = index == selection ? .selection : (entry.message.isUrgent ? .urgent : .normal)
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            buffer.write(head, x: inner.x + 1, y: y, role: role, limit: inner.width - 2)
            let tried = entry.deliveries.isEmpty ? state.text(.wallboardBoardNobody)
                : entry.deliveries.map { "\($0.channel.rawValue) \($0.recipient): \($0.status.rawValue)"
                    + ($0.answer.isEmpty ? "" : " (\($0.answer))") }.joined(separator: "; ")
            buffer.write("  " + tried, x: inner.x + 1, y: y + 1, role: .dim, limit: inner.width - 2)
        }
    }
}
