import Foundation
import SecretaryCore

/// The versions of the client's instructions (*avenants*), newest first, the one in force
/// marked; under them, what the selected version changed from the one before, section by section.
enum InstructionsHistoryOverlay {
    static func render(_ state: AppState, _ history: InstructionsHistory, into buffer: inout ScreenBuffer) {
        let rect = Overlays.centered(width: 100, height: state.height - 4, in: state)
        let title = state.text(.historyTitle) + (state.context.map { " — \($0.client.name)" } ?? "")
        Overlays.frame(rect, title: title, into: &buffer)
        let x = rect.x + 2
        let width = rect.width - 4
        guard let versions = history.versions else {
            buffer.write(state.text(.messagesLoading), x: x, y: rect.y + 1, role: .dim, limit: width)
            return
        }
        if versions.isEmpty {
            buffer.write(state.text(.instructionsNone), x: x, y: rect.y + 1, role: .dim, limit: width)
            return
        }
        let today = state.calendar.localDate(of: state.now)
        let inForce = state.context?.instructions?.version
        let listRows = min(versions.count, max(1, (rect.height - 4) / 3))
        let newestFirst = Array(versions.indices.reversed())
        let selectedRow = newestFirst.firstIndex(of: history.selection) ?? 0
        let first = max(0, selectedRow - listRows + 1)
        for (row, index) in newestFirst.enumerated().dropFirst(first).prefix(listRows) {
            let version = versions[index]
            let selected = index == history.selection
            var text = (selected ? "► " : "  ") + "v\(version.version)  \(state.text(.historySince)) "
                + state.language.fullDate(version.effectiveFrom)
            if version.version == inForce { text += "  " + state.text(.historyInForce) }
            else if version.effectiveFrom > today { text += "  " + state.text(.historyScheduled) }
            let y = rect.y + 1 + row - first
            if selected { buffer.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), role: .selection) }
            buffer.write(text, x: x, y: y, role: selected ? .selection : .normal, limit: width)
        }
        let top = rect.y + 1 + listRows
        buffer.write(String(repeating: "─", count: width), x: x, y: top, role: .border)
        let changes = lines(state, versions: versions, selection: history.selection)
        let rows = rect.maxY - 2 - (top + 1)
        let scroll = min(history.scroll, max(0, changes.count - rows))
        for (offset, line) in changes.dropFirst(scroll).prefix(rows).enumerated() {
            buffer.write(line.text, x: x, y: top + 1 + offset, role: line.role, limit: width)
        }
        buffer.write(state.text(.historyKeys), x: x, y: rect.maxY - 2, role: .dim, limit: width)
    }

    /// What version `selection` changed from the one before: a title per section changed,
    /// then its lines, removed ones `- `, added ones `+ `.
    static func lines(_ state: AppState, versions: [Instructions], selection: Int) -> [InstructionsPane.Line] {
        guard versions.indices.contains(selection) else { return [] }
        guard selection > 0 else { return [InstructionsPane.Line(text: state.text(.historyFirst), role: .dim)] }
        let diff = versions[selection - 1].changes(to: versions[selection])
        guard !diff.changes.isEmpty else { return [InstructionsPane.Line(text: state.text(.historyNoChange), role: .dim)] }
        var lines: [InstructionsPane.Line] = []
        for change in diff.changes {
            let kind: Text = switch change.kind {
            case .added: .changeAdded
            case .removed: .changeRemoved
            case .changed: .changeChanged
            }
            if !lines.isEmpty { lines.append(InstructionsPane.Line(text: "", role: .normal)) }
            lines.append(InstructionsPane.Line(
                text: state.text(InstructionsPane.sectionTitle(change.section)) + " — " + state.text(kind), role: .heading))
            for line in change.lines {
                let role: StyleRole = switch line {
                case .kept: .dim
                case .removed: .urgent
                case .added: .success
                }
                lines.append(InstructionsPane.Line(text: line.description, role: role))
            }
        }
        return lines
    }
}
