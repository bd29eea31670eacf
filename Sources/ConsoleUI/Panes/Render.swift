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
    if let flash = state.flash, StatusLine.needsBand(state) {
        MessageBand.render(flash, into: &buffer, width: state.width, bottom: state.height - 1)
    }
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
    /// The console's line: what matters most survives a narrow terminal. The call's client
    /// and timer and the number of calls waiting always show; then the presence and the
    /// time; the operator's name and the date only when there is room.
    static func text(_ state: AppState, width: Int) -> String {
        let presence = state.text(Text(state.presence))
        let waiting = " │ \(state.queue.count) \(state.text(.waitingCount))"
        var candidates: [String]
        if let call = state.call {
            let client = state.context?.client.name ?? call.clientID.rawValue
            let elapsed = Language.duration(Int(state.now.timeIntervalSince(call.answeredAt)))
            let time = Language.clock(state.calendar.secondsSinceMidnight(of: state.now))
            let onCall = "☎ \(client) \(elapsed)"
            candidates = [" \(state.user.displayName) · \(presence) · \(state.language.dateAndClock(state.now, in: state.calendar))"
                          + " │ " + onCall + waiting,
                          " \(presence) · \(time) │ " + onCall + waiting,
                          " " + onCall + waiting]
            // Narrower still: the client's name gives way, its timer stays.
            let room = width - DisplayWidth.of(" ☎  \(elapsed)" + waiting)
            candidates.append(" ☎ " + DisplayWidth.prefix(client, columns: max(1, room), ellipsis: true) + " \(elapsed)" + waiting)
        } else {
            candidates = [" \(state.user.displayName) · \(presence) · \(state.language.dateAndClock(state.now, in: state.calendar))"
                          + waiting,
                          " \(presence) · \(Language.clock(state.calendar.secondsSinceMidnight(of: state.now)))" + waiting]
        }
        // On demo or generated data the widest forms say so, before anything else is dropped.
        if state.isTrainingData {
            let marker = " · " + state.text(.trainingData)
            candidates = candidates.flatMap { [$0 + marker, $0] }
        }
        return candidates.first { DisplayWidth.of($0) <= width } ?? candidates[candidates.count - 1]
    }

    static func render(_ state: AppState, into buffer: inout ScreenBuffer, in rect: Rect) {
        // A message that does not fit beside the line gets rows of its own (`MessageBand`).
        draw(text(state, width: rect.width), flash: needsBand(state) ? nil : state.flash, into: &buffer, in: rect)
    }

    /// True when the passing message does not fit beside the status line.
    static func needsBand(_ state: AppState) -> Bool {
        guard let flash = state.flash else { return false }
        return DisplayWidth.of(" \(flash.text) ") > state.width - DisplayWidth.of(text(state, width: state.width)) - 1
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
        } else if case .emergency = state.overlay {
            items = hints(Keymap.bindings(for: .emergency), language: state.language)
        } else if state.overlay == .help {
            items = hints(Keymap.bindings(for: .help), language: state.language)
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

/// A passing message too long for the status line: wrapped over up to two full-width rows just
/// above the key hints, over the panes' bottom edge, until the next key.
enum MessageBand {
    static func render(_ flash: Flash, into buffer: inout ScreenBuffer, width: Int, bottom: Int) {
        var lines = InstructionsPane.wrap(flash.text, width: max(1, width - 2))
        if lines.count > 2 {
            // Still too long: the second row ends with what does not fit cut, marked.
            lines = [lines[0], DisplayWidth.prefix(lines.dropFirst().joined(separator: " "), columns: width - 2, ellipsis: true)]
        }
        let role: StyleRole = flash.isError ? .warning : .statusLine
        for (index, line) in lines.enumerated() {
            let y = bottom - lines.count + index
            buffer.fill(Rect(x: 0, y: y, width: width, height: 1), role: role)
            buffer.write(line, x: 1, y: y, role: role, limit: width - 2)
        }
    }
}
