import Foundation
import SecretaryCore

/// Draws `state` into `buffer`, which holds the drawing of `drawn`, and returns the rows that
/// may differ from it. An idle console changes once a second for its clock alone: then only
/// the status line is drawn again, not every pane (half the idle console's time went there).
/// Otherwise the buffer is cleared and drawn whole, as `render(_:)` would, reusing its cells.
public func render(_ state: AppState, over drawn: AppState, into buffer: inout ScreenBuffer) -> Range<Int> {
    if buffer.width == state.width, buffer.height == state.height, ClockRedraw.onlyTheClockMoved(from: drawn, to: state) {
        StatusLine.render(state, into: &buffer, in: Rect(x: 0, y: 0, width: state.width, height: 1))
        return 0..<1
    }
    buffer.clear(width: state.width, height: state.height)
    render(state, into: &buffer)
    return 0..<buffer.height
}

enum ClockRedraw {
    /// True when drawing `state` instead of `drawn` changes the status line alone. Besides the
    /// clock, time shows in a call's timer, the queue's waits and the overlays (never taken
    /// here), and in comparisons with `now`: the agenda's past slots and its line for now
    /// (whole minutes of the local day) and the caller's history (each item's instant).
    static func onlyTheClockMoved(from drawn: AppState, to state: AppState) -> Bool {
        guard state.now > drawn.now, state.call == nil, state.queue.isEmpty, state.overlay == nil,
              !Layout(width: state.width, height: state.height, focus: state.focus).isTooSmall
        else { return false }
        let calendar = state.calendar
        let before = calendar.secondsSinceMidnight(of: drawn.now)
        let after = calendar.secondsSinceMidnight(of: state.now)
        // No whole minute in [before, after]: a slot starting at minute m is past from m + 1 s.
        guard calendar.localDate(of: drawn.now) == calendar.localDate(of: state.now),
              before % 60 != 0, before / 60 == after / 60
        else { return false }
        if let history = state.lookup.history,
           (history.appointments + history.calls + history.messages).contains(where: { $0.at >= drawn.now && $0.at <= state.now }) {
            return false
        }
        var sameTime = state
        sameTime.now = drawn.now
        return sameTime == drawn && StatusLine.needsBand(state) == StatusLine.needsBand(drawn)
    }
}
