import Foundation

/// Every key of the focused pane, then the global ones, then those of text fields: generated
/// from the keymap. Taller than the screen, it scrolls (↑↓, PgUp/PgDn, Home/End).
enum HelpOverlay {
    static let width = 64

    /// The lines, a label too long for the window wrapped under itself (never cut).
    static func lines(_ state: AppState) -> [(String, StyleRole)] {
        var lines: [(String, StyleRole)] = [(state.text(state.focus.title), .heading)]
        let labelWidth = max(8, min(width, state.width - 2) - 4 - 15)
        func add(_ bindings: [Binding]) {
            for binding in bindings {
                let keys = binding.keys.map { $0.label(state.language) }.joined(separator: " ")
                for (index, part) in InstructionsPane.wrap(state.text(binding.label), width: labelWidth).enumerated() {
                    let lead = index == 0 ? DisplayWidth.fit(keys, columns: 12, ellipsis: false) : String(repeating: " ", count: 12)
                    lines.append(("  " + lead + " " + part, .normal))
                }
            }
        }
        add(Keymap.bindings(for: .pane(state.focus)))
        lines.append(("", .normal))
        lines.append((state.text(.helpGlobal), .heading))
        add(Keymap.bindings(for: .global))
        lines.append(("", .normal))
        lines.append((state.text(.helpTextFields), .heading))
        add(Keymap.bindings(for: .textField))
        return lines
    }

    /// The window: as tall as its lines and a footer, at most the screen less a row each side.
    static func rect(_ state: AppState) -> Rect {
        Overlays.centered(width: width, height: lines(state).count + 3, in: state)
    }

    /// Rows for the lines (the window less its border and the footer).
    static func visibleRows(_ state: AppState) -> Int { max(1, rect(state).height - 3) }

    static func maximumScroll(_ state: AppState) -> Int { max(0, lines(state).count - visibleRows(state)) }

    static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let all = lines(state)
        let rect = rect(state)
        let rows = visibleRows(state)
        let scroll = max(0, min(state.helpScroll, maximumScroll(state)))
        let title = state.text(.helpTitle) + (all.count > rows ? " (\(scroll + 1)–\(min(all.count, scroll + rows))/\(all.count))" : "")
        Overlays.frame(rect, title: title, into: &buffer)
        for (offset, line) in all.dropFirst(scroll).prefix(rows).enumerated() {
            buffer.write(line.0, x: rect.x + 2, y: rect.y + 1 + offset, role: line.1, limit: rect.width - 4)
        }
        let footer = state.text(all.count > rows ? .helpScrollHint : .helpClose)
        buffer.write(footer, x: rect.x + 2, y: rect.maxY - 2, role: .dim, limit: rect.width - 4)
    }
}
