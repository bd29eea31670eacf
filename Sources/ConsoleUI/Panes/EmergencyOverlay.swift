import Foundation
import SecretaryCore

/// The emergency script, in the emergency role from edge to edge: what was heard, the numbers
/// to give (the client's country's), and the lines to read. Enter closes the call as an
/// emergency and alerts the client; Esc says it was not one.
enum EmergencyOverlay {
    static func lines(_ state: AppState, _ script: EmergencyScript, width: Int) -> [String] {
        let assessment = script.assessment
        var lines: [String] = []
        if !assessment.matches.isEmpty {
            let heard = assessment.matches.map { "« \($0.match.phrase) »" }.joined(separator: ", ")
            lines += InstructionsPane.wrap(state.text(.emergencyHeard) + heard, width: width)
            lines.append("")
        }
        for number in assessment.numbers {
            lines.append("   " + DisplayWidth.fit(number.number, columns: 6, ellipsis: false) + number.label)
        }
        lines.append("")
        for sentence in assessment.script {
            lines += InstructionsPane.wrap(sentence, width: width)
        }
        lines.append("")
        if state.call == nil {
            lines += InstructionsPane.wrap(state.text(.emergencyNoCall), width: width)
        } else {
            // The keys, from the keymap: F12 confirms, Esc says it was not one.
            for binding in Keymap.bindings(for: .emergency) {
                let keys = binding.keys.map { $0.label(state.language) }.joined(separator: " ")
                lines += InstructionsPane.wrap(keys + state.language.colon + state.text(binding.label), width: width)
            }
        }
        return lines
    }

    static func render(_ state: AppState, _ script: EmergencyScript, into buffer: inout ScreenBuffer) {
        let width = min(84, state.width - 2)
        let text = lines(state, script, width: width - 4)
        let rect = Overlays.centered(width: width, height: text.count + 2, in: state)
        let title = state.text(.emergencyTitle) + (state.context.map { " — \($0.client.name)" } ?? "")
        Overlays.frame(rect, title: title, into: &buffer)
        buffer.fill(rect.inset(by: 1), role: .emergency)
        for (offset, line) in text.prefix(rect.height - 2).enumerated() {
            buffer.write(line, x: rect.x + 2, y: rect.y + 1 + offset, role: .emergency, limit: rect.width - 4)
        }
    }
}
