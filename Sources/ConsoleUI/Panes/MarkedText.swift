import Foundation
import SecretaryCore

/// A free text the operator is typing, wrapped over a few rows, with the phrases the advice
/// guard refused drawn in the `advice` role where they stand.
enum MarkedText {
    struct Row: Equatable {
        /// Offset (in characters) of the row's first character in the text.
        var start: Int
        var characters: [Character]
    }

    /// `text` cut into rows of at most `width` columns, at a space when there is one.
    static func rows(_ text: String, width: Int) -> [Row] {
        let characters = Array(text)
        guard width > 0 else { return [Row(start: 0, characters: characters)] }
        var rows: [Row] = []
        var start = 0
        while start < characters.count {
            var end = start
            var columns = 0
            var afterSpace: Int?
            while end < characters.count, characters[end] != "\n" {
                let w = DisplayWidth.of(characters[end])
                if columns + w > width { break }
                columns += w
                end += 1
                if characters[end - 1] == " " { afterSpace = end }
            }
            if end < characters.count, characters[end] == "\n" {
                rows.append(Row(start: start, characters: Array(characters[start..<end])))
                start = end + 1
                continue
            }
            if end < characters.count, let afterSpace, afterSpace > start { end = afterSpace }
            if end == start { end = start + 1 }  // one character wider than the row
            rows.append(Row(start: start, characters: Array(characters[start..<end])))
            start = end
        }
        return rows.isEmpty ? [Row(start: 0, characters: [])] : rows
    }

    /// Draws `text` in `rect`, its last rows when it is longer (the end is where one types),
    /// with the cursor when `typing`: after the text, or on the character `caret` characters
    /// from its end (in reverse video, so the text keeps its place).
    static func draw(_ text: String, marks: [Range<Int>], typing: Bool, caret: Int = 0, into buffer: inout ScreenBuffer,
                     in rect: Rect, role: StyleRole = .input) {
        guard rect.width > 0, rect.height > 0 else { return }
        let count = text.count
        let cursorAt = typing && caret > 0 ? count - min(caret, count) : nil
        // One column kept for the cursor.
        var rows = rows(text, width: max(1, rect.width - 1))
        if rows.count > rect.height { rows = Array(rows.suffix(rect.height)) }
        for (offset, row) in rows.enumerated() {
            let y = rect.y + offset
            var x = rect.x
            for (index, character) in row.characters.enumerated() {
                let position = row.start + index
                let marked = marks.contains { $0.contains(position) }
                let cellRole: StyleRole = position == cursorAt ? .selection : marked ? .advice : role
                x += buffer.write(String(character), x: x, y: y, role: cellRole, limit: rect.maxX - x)
            }
            if typing && cursorAt == nil && offset == rows.count - 1 { buffer.write("▏", x: x, y: y, role: role, limit: rect.maxX - x) }
        }
    }
}

/// A note field with the advice guard's finding under it: the end-of-call note.
enum GuardedNote {
    /// `label` then the note, then the refusal (if any) on the last two rows.
    /// `label` then the note, then the emergency offer or the refusal (if any) on the last rows.
    static func render(_ state: AppState, label: String, note: String, into buffer: inout ScreenBuffer, in rect: Rect) {
        let findings = AdviceGuard.check(note, rules: state.adviceRules)
        let labelWidth = buffer.write(label, x: rect.x, y: rect.y, role: .emphasis, limit: rect.width)
        MarkedText.draw(note, marks: findings.map(\.characterRange), typing: true, caret: state.caret, into: &buffer,
                        in: Rect(x: rect.x + labelWidth, y: rect.y, width: rect.width - labelWidth, height: rect.height - 3))
        EmergencyOfferLine.render(state, text: note, into: &buffer, in: Rect(x: rect.x, y: rect.maxY - 3, width: rect.width, height: 1))
        if let first = findings.first {
            explanation(state, first, into: &buffer, in: Rect(x: rect.x, y: rect.maxY - 2, width: rect.width, height: 2))
        }
    }

    /// The refusal, wrapped over the rows of `rect`, in the warning role.
    static func explanation(_ state: AppState, _ finding: AdviceFinding, into buffer: inout ScreenBuffer, in rect: Rect) {
        let lines = InstructionsPane.wrap("⚠ " + adviceExplanation(finding, state.language), width: rect.width)
        for (offset, line) in lines.prefix(rect.height).enumerated() {
            buffer.write(line, x: rect.x, y: rect.y + offset, role: .warning, limit: rect.width)
        }
    }
}

/// Under a field being typed during a call: the emergency terms heard, in the emergency role,
/// and the key that opens the script. Typing goes on; nothing opens by itself.
enum EmergencyOfferLine {
    static func render(_ state: AppState, text: String, into buffer: inout ScreenBuffer, in rect: Rect) {
        guard let offer = emergencyOffer(state, text: text) else { return }
        let heard = offer.matches.map { "« \($0.match.phrase) »" }.joined(separator: ", ")
        buffer.fill(rect, role: .emergency)
        let key = Keymap.bindings(for: .textField).first { $0.action == .emergencyScript }?.keys.first?.label(state.language) ?? ""
        let line = "⚠ \(heard) — \(key)\(state.language.colon)\(state.text(.emergencyOffer))"
        buffer.write(line, x: rect.x, y: rect.y, role: .emergency, limit: rect.width)
    }
}
