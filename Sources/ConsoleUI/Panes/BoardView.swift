import Foundation
import SecretaryCore

/// The board check's list, drawn the same in the wallboard and the console: two lines a
/// message, who called for which client and when, then each delivery tried.
enum BoardView {
    static func draw(_ entries: [BoardEntry], selection: Int, language: Language, keys: String,
                     into buffer: inout ScreenBuffer, in rect: Rect) {
        buffer.fill(rect)
        buffer.box(rect, title: Text.wallboardBoardTitle(language) + " (\(entries.count))", focused: true)
        let inner = rect.inset(by: 1)
        buffer.write(keys, x: inner.x + 1, y: inner.maxY - 1, role: .dim, limit: inner.width - 2)
        guard !entries.isEmpty else {
            buffer.write(Text.wallboardBoardEmpty(language), x: inner.x + 1, y: inner.y, role: .dim, limit: inner.width - 2)
            return
        }
        let perEntry = 2
        let visible = max(1, (inner.height - 1) / perEntry)
        let first = max(0, min(selection - visible + 1, entries.count - visible))
        for (row, index) in (first..<min(entries.count, first + visible)).enumerated() {
            let entry = entries[index]
            let y = inner.y + row * perEntry
            let calendar = SupervisorFigures.serviceCalendar
            let taken = calendar.localDateTime(of: entry.message.createdAt).description.replacingOccurrences(of: "T", with: " ")
            let head = "\(entry.message.id)" + (entry.message.isUrgent ? " URGENT" : "") + " · \(entry.clientName) · "
                + "\(entry.message.callerName) \(entry.message.callbackNumber?.national ?? "") · \(taken)"
            let role: StyleRole = index == selection ? .selection : (entry.message.isUrgent ? .urgent : .normal)
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            buffer.write(head, x: inner.x + 1, y: y, role: role, limit: inner.width - 2)
            let tried = entry.deliveries.isEmpty ? Text.wallboardBoardNobody(language)
                : entry.deliveries.map { "\(DeliveryWords.channel($0.channel, language)) \($0.recipient): "
                    + DeliveryWords.status($0.status, language)
                    + ($0.answer.isEmpty ? "" : " (\($0.answer))") }.joined(separator: "; ")
            buffer.write("  " + tried, x: inner.x + 1, y: y + 1, role: .dim, limit: inner.width - 2)
        }
    }
}

/// The board over the console's panes.
enum BoardOverlay {
    static func render(_ state: AppState, _ list: BoardList, into buffer: inout ScreenBuffer) {
        let rect = Overlays.centered(width: 100, height: state.height - 2, in: state)
        guard let entries = list.entries else {
            Overlays.frame(rect, title: state.text(.wallboardBoardTitle), into: &buffer)
            buffer.write(state.text(.messagesLoading), x: rect.x + 2, y: rect.y + 1, role: .dim, limit: rect.width - 4)
            return
        }
        BoardView.draw(entries, selection: list.selection, language: state.language, keys: ListKeys.text(state, .board),
                       into: &buffer, in: rect)
        if let error = list.error {
            buffer.write("⚠ " + error, x: rect.x + 2, y: rect.maxY - 3, role: .warning, limit: rect.width - 4)
        }
    }
}
