import Foundation
import SecretaryCore

/// The client's *cahier des charges* in force: the greeting first, with the operator's name,
/// then its sections. Scrolls; `/` finds text.
public enum InstructionsPane {
    public struct Line: Equatable {
        public var text: String
        public var role: StyleRole
    }

    static func sectionTitle(_ section: Instructions.Section) -> Text {
        switch section {
        case .greeting: .sectionGreeting
        case .presentation: .sectionPresentation
        case .services: .sectionServices
        case .appointments: .sectionAppointments
        case .hours: .sectionHours
        case .urgent: .sectionUrgent
        case .transfer: .sectionTransfer
        case .faq: .sectionFaq
        case .never: .sectionNever
        case .notes: .sectionNotes
        }
    }

    /// The pane's text width for the current layout (used by find to match the wrapped lines).
    static func textWidth(for state: AppState) -> Int {
        let layout = Layout(width: state.width, height: state.height, focus: .instructions)
        return max(10, (layout.panes[.instructions]?.width ?? state.width) - 2)
    }

    /// What the pane's lines are wrapped from.
    private struct Source: Equatable {
        let instructions: Instructions?
        let client: Client?
        let refusalScript: [String]?
        let user: Operator
        let language: Language
        let width: Int
    }

    /// The lines last wrapped, with their source: the pane is drawn every second (the clock
    /// ticks) and its text seldom changes. Shared by every state, so guarded for the tests'
    /// threads.
    nonisolated(unsafe) private static var wrapped: (source: Source, lines: [Line])?
    private static let wrappedLock = NSLock()

    /// The pane's lines, wrapped to `width`.
    public static func lines(_ state: AppState, width: Int) -> [Line] {
        let source = Source(instructions: state.context?.instructions, client: state.context?.client,
                            refusalScript: state.context?.refusalScript, user: state.user, language: state.language,
                            width: width)
        if let last = wrappedLock.withLock({ wrapped }), last.source == source { return last.lines }
        let lines = wrap(state, width: width)
        wrappedLock.withLock { wrapped = (source, lines) }
        return lines
    }

    private static func wrap(_ state: AppState, width: Int) -> [Line] {
        guard let instructions = state.context?.instructions else {
            return AdviceScriptBlock.lines(state, width: width) + [Line(text: state.text(.instructionsNone), role: .dim)]
        }
        let firstName = state.user.displayName.split(separator: " ").first.map(String.init) ?? state.user.displayName
        var lines: [Line] = []
        for wrapped in wrap("« \(instructions.greeting(operatorName: firstName)) »", width: width) {
            lines.append(Line(text: wrapped, role: .greeting))
        }
        let since = state.language.fullDate(instructions.effectiveFrom)
        lines.append(Line(text: "\(state.text(.instructionsVersion)) \(instructions.version) · \(since)", role: .dim))
        lines += AdviceScriptBlock.lines(state, width: width)
        for section in Instructions.Section.allCases where section != .greeting {
            guard let body = instructions.sections[section] else { continue }
            lines.append(Line(text: "", role: .normal))
            lines.append(Line(text: state.text(sectionTitle(section)), role: section == .never || section == .urgent ? .urgent : .heading))
            for paragraph in body.split(separator: "\n", omittingEmptySubsequences: false) {
                for wrapped in wrap(String(paragraph), width: width) {
                    lines.append(Line(text: wrapped, role: .normal))
                }
            }
        }
        return lines
    }

    static func render(_ state: AppState, into buffer: inout ScreenBuffer, in rect: Rect) {
        var rows = rect
        if state.instructions.finding || !state.instructions.query.isEmpty && state.instructions.matchLine != nil {
            buffer.write(state.text(.instructionsFindPrompt) + (state.instructions.finding ? state.withCaret(state.instructions.query) : state.instructions.query),
                         x: rect.x, y: rect.maxY - 1, role: .input, limit: rect.width)
            rows.height -= 1
        }
        let all = lines(state, width: rect.width)
        let scroll = min(state.instructions.scroll, max(0, all.count - rows.height))
        for (offset, line) in all.dropFirst(scroll).prefix(rows.height).enumerated() {
            let index = scroll + offset
            let role: StyleRole = index == state.instructions.matchLine ? .searchMatch : line.role
            if index == state.instructions.matchLine {
                buffer.fill(Rect(x: rows.x, y: rows.y + offset, width: rows.width, height: 1), role: role)
            }
            buffer.write(line.text, x: rows.x, y: rows.y + offset, role: role, limit: rows.width)
        }
    }

    /// Breaks `text` into lines of at most `width` columns, at spaces when possible. Each
    /// word is measured once (the line's width is kept as it grows): the instructions are
    /// wrapped on every frame.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, DisplayWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let wordWidth = DisplayWidth.of(word)
            let candidateWidth = current.isEmpty ? wordWidth : currentWidth + 1 + wordWidth
            if candidateWidth <= width {
                current = current.isEmpty ? word : current + " " + word
                currentWidth = candidateWidth
                continue
            }
            if !current.isEmpty { lines.append(current) }
            var rest = word
            var restWidth = wordWidth
            while restWidth > width {
                let head = DisplayWidth.prefix(rest, columns: width)
                lines.append(head)
                rest = String(rest.dropFirst(head.count))
                restWidth = DisplayWidth.of(rest)
            }
            current = rest
            currentWidth = restWidth
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
