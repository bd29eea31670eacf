import Foundation
import SecretaryCore

/// Draws the whole console for `state` into a new buffer.
public func render(_ state: AppState) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: state.width, height: state.height)
    render(state, into: &buffer)
    return buffer
}

public func render(_ state: AppState, into buffer: inout ScreenBuffer) {
    let layout = Layout(width: state.width, height: state.height, focus: state.focus)
    if layout.isTooSmall {
        TooSmall.render(state.text(.tooSmall), width: state.width, height: state.height,
                        minimumWidth: Layout.minimumWidth, minimumHeight: Layout.minimumHeight, into: &buffer)
        return
    }
    StatusLine.render(state, into: &buffer, in: Rect(x: 0, y: 0, width: state.width, height: 1))
    for (pane, rect) in layout.panes {
        let focused = pane == state.focus
        let number = layout.showsAllPanes ? "\(pane.rawValue) " : "\(pane.rawValue)/4 "
        buffer.box(rect, title: number + state.text(pane.title) + paneSuffix(state, pane), focused: focused)
        let inside = rect.inset(by: 1)
        switch pane {
        case .queue: QueuePane.render(state, into: &buffer, in: inside)
        case .lookup: LookupPane.render(state, into: &buffer, in: inside)
        case .instructions: InstructionsPane.render(state, into: &buffer, in: inside)
        case .agenda: AgendaPane.render(state, into: &buffer, in: inside)
        }
    }
    HintLine.render(state, into: &buffer, in: Rect(x: 0, y: state.height - 1, width: state.width, height: 1))
    if let overlay = state.overlay { Overlays.render(state, overlay, into: &buffer) }
}

/// What follows a pane's title: the client for the instructions, the agenda's name and week.
private func paneSuffix(_ state: AppState, _ pane: PaneID) -> String {
    switch pane {
    case .queue: return state.queue.isEmpty ? "" : " (\(state.queue.count))"
    case .lookup: return ""
    case .instructions: return state.context.map { " — \($0.client.name)" } ?? ""
    case .agenda:
        guard let agenda = currentAgenda(state), let monday = state.agenda.monday else { return "" }
        return " — \(agenda.name) — \(state.text(.agendaWeek)) \(monday.isoWeek.week)"
    }
}

/// "Terminal too small", centred: the console's and the wallboard's.
enum TooSmall {
    static func render(_ message: String, width: Int, height: Int, minimumWidth: Int, minimumHeight: Int,
                       into buffer: inout ScreenBuffer) {
        let lines = [message, "\(width)×\(height) < \(minimumWidth)×\(minimumHeight)"]
        let top = max(0, height / 2 - 1)
        for (index, line) in lines.enumerated() {
            let cut = DisplayWidth.prefix(line, columns: width)
            buffer.write(cut, x: max(0, (width - DisplayWidth.of(cut)) / 2), y: top + index,
                         role: index == 0 ? .warning : .normal)
        }
    }
}

/// The top line of the console and the wallboard: who, what, when, and a passing message
/// at the right.
enum StatusLine {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, in rect: Rect) {
        var text = " \(state.user.displayName) · \(state.text(Text(state.presence))) · "
            + state.language.dateAndClock(state.now, in: state.calendar)
        if let call = state.call {
            let client = state.context?.client.name ?? call.clientID.rawValue
            let elapsed = Language.duration(Int(state.now.timeIntervalSince(call.answeredAt)))
            text += " │ ☎ \(client) \(elapsed)"
        }
        draw(text, flash: state.flash, into: &buffer, in: rect)
    }

    static func draw(_ text: String, flash: Flash?, into buffer: inout ScreenBuffer, in rect: Rect) {
        buffer.fill(rect, role: .statusLine)
        let used = buffer.write(text, x: rect.x, y: rect.y, role: .statusLine, limit: rect.width)
        guard let flash else { return }
        let room = rect.width - used - 1
        guard room > 3 else { return }
        let cut = DisplayWidth.prefix(" \(flash.text) ", columns: room, ellipsis: true)
        buffer.write(cut, x: rect.maxX - DisplayWidth.of(cut), y: rect.y, role: flash.isError ? .warning : .statusLine)
    }
}

/// The bottom line: the keys of what has the focus, as many as fit.
enum HintLine {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let items: [(key: String, label: String)]
        if let list = state.overlay?.list {
            items = hints(Keymap.bindings(for: .list(list)), language: state.language)
        } else if state.isTyping {
            items = [(Key.enter.label(state.language), state.text(.hintConfirm)),
                     (Key.escape.label(state.language), state.text(.hintCancel))]
        } else {
            // A global key the pane binds to something else (Tab in the agenda) is not hinted.
            let paneBindings = Keymap.bindings(for: .pane(state.focus))
            let paneKeys = Set(paneBindings.flatMap(\.keys))
            items = hints(paneBindings + Keymap.bindings(for: .global).filter { !paneKeys.contains($0.keys[0]) },
                          language: state.language)
        }
        draw(items, into: &buffer, in: rect)
    }

    static func hints(_ bindings: [Binding], language: Language) -> [(key: String, label: String)] {
        bindings.filter(\.hinted).map { ($0.keys[0].label(language), $0.label(language)) }
    }

    static func draw(_ items: [(key: String, label: String)], into buffer: inout ScreenBuffer, in rect: Rect) {
        buffer.fill(rect, role: .keyHint)
        var x = rect.x + 1
        for (key, label) in items {
            if x + DisplayWidth.of(key) + 1 + DisplayWidth.of(label) + 2 > rect.maxX { break }
            x += buffer.write(key, x: x, y: rect.y, role: .keyHintKey)
            x += buffer.write(" " + label + "  ", x: x, y: rect.y, role: .keyHint)
        }
    }
}
