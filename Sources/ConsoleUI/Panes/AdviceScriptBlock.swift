import Foundation
import SecretaryCore

/// For a medical client, the sentence to say when a caller asks for medical advice: near the
/// top of the instructions, whatever they say, in as few rows as it takes (the pane is short).
/// `Q` (in the keymap, hinted in this pane) passes the caller's question on.
enum AdviceScriptBlock {
    static func lines(_ state: AppState, width: Int) -> [InstructionsPane.Line] {
        guard let context = state.context, context.client.isMedical, !context.refusalScript.isEmpty else { return [] }
        let sentence = context.refusalScript.joined(separator: " ")
        return InstructionsPane.wrap(state.text(.adviceScriptTitle) + " « \(sentence) »", width: width)
            .map { InstructionsPane.Line(text: $0, role: .emphasis) }
    }
}
