import Foundation
import SecretaryCore

/// Waiting calls, urgent first then oldest first, with the live wait; the operator's own call
/// on top.
public enum QueuePane {
    /// Wait thresholds (seconds) where the wait turns from ok to warning to late.
    public static let warnAfter = 30
    public static let lateAfter = 60

    static func render(_ state: AppState, into buffer: inout ScreenBuffer, in rect: Rect) {
        var y = rect.y
        if let call = state.call {
            let client = state.context?.client.name ?? call.clientID.rawValue
            // The caller, never a contact merely looked up.
            let caller = state.lookup.caller?.displayName ?? call.from?.national ?? state.text(.withheldNumber)
            // In wrap-up (the caller hung up) the time counts the wrap-up, not the talk.
            let elapsed = Language.duration(Int(state.now.timeIntervalSince(call.endedAt ?? call.answeredAt)))
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .ownCall)
            let label = state.text(call.endedAt == nil ? .queueOwnCall : .queueOwnWrapUp)
            let line = "► \(label) \(elapsed)  \(caller) — \(client)"
            buffer.write(DisplayWidth.prefix(line, columns: rect.width, ellipsis: true), x: rect.x, y: y, role: .ownCall)
            y += 1
        }
        if state.queue.isEmpty {
            if y < rect.maxY { buffer.write(state.text(.queueEmpty), x: rect.x, y: y, role: .dim, limit: rect.width) }
            return
        }
        // The client column grows with the pane up to the longest name waiting: half the pane
        // when narrow, all but 32 columns (the wait and a caller's name or number) when wide.
        let longest = state.queue.map { DisplayWidth.of($0.clientName) }.max() ?? 0
        let clientWidth = max(8, min(longest + 1, max((rect.width - 6) / 2, rect.width - 32)))
        let visible = rect.maxY - y
        let first = max(0, min(state.queueSelection - visible + 1, state.queue.count - visible))
        for (index, entry) in state.queue.enumerated().dropFirst(first) where y < rect.maxY {
            let wait = Int(state.now.timeIntervalSince(entry.arrivedAt))
            let selected = state.focus == .queue && index == state.queueSelection
            if selected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selection) }
            var x = rect.x
            // The wait keeps its colour on the selected row: it is what the operator watches.
            x += buffer.write(Language.duration(wait), x: x, y: y, role: waitRole(wait))
            x += buffer.write(" ", x: x, y: y, role: selected ? .selection : .normal)
            if entry.isUrgent {
                x += buffer.write("! ", x: x, y: y, role: selected ? .selection : .urgent)
            }
            let limit = rect.maxX - x
            let number = entry.from?.national ?? state.text(.withheldNumber)
            // A known caller by name, an unknown one by number (dimmed).
            let caller = entry.contactName ?? number
            let line = DisplayWidth.fit(entry.clientName, columns: min(clientWidth, limit)) + " " + caller
            buffer.write(DisplayWidth.prefix(line, columns: limit, ellipsis: true), x: x, y: y,
                         role: selected ? .selection : (entry.contactName == nil ? .dim : .normal))
            y += 1
        }
    }

    public static func waitRole(_ seconds: Int) -> StyleRole {
        seconds >= lateAfter ? .waitLate : seconds >= warnAfter ? .waitWarn : .waitOK
    }
}
