import Foundation
import SecretaryCore

/// Windows drawn over the panes: help, confirmations, pickers and forms.
enum Overlays {
    static func render(_ state: AppState, _ overlay: Overlay, into buffer: inout ScreenBuffer) {
        switch overlay {
        case .help: HelpOverlay.render(state, into: &buffer)
        case .confirmQuit:
            let text = state.text(.quitConfirm)
            let rect = centered(width: DisplayWidth.of(text) + 4, height: 3, in: state)
            frame(rect, title: state.text(.actionQuit), into: &buffer)
            buffer.write(text, x: rect.x + 2, y: rect.y + 1, role: .warning, limit: rect.width - 4)
        case .pickClient(let filter, let selection):
            pickClient(state, filter: filter, selection: selection, into: &buffer)
        case .newContact(let form):
            newContact(state, form, into: &buffer)
        case .endCall(let outcome, let note):
            EndCallOverlay.render(state, outcome: outcome, note: note, into: &buffer)
        case .agenda(let overlay):
            BookingOverlay.render(state, overlay, into: &buffer)
        case .message(let form):
            MessageOverlay.render(state, form, into: &buffer)
        case .emergency(let script):
            EmergencyOverlay.render(state, script, into: &buffer)
        case .messages(let list):
            MessageListOverlay.render(state, list, into: &buffer)
        case .instructionsHistory(let history):
            InstructionsHistoryOverlay.render(state, history, into: &buffer)
        case .callbacks(let list):
            CallbackOverlay.render(state, list, into: &buffer)
        case .absences(let list):
            AgendaListOverlay.render(state, list, into: &buffer)
        case .waitingList(let list):
            AgendaListOverlay.render(state, list, into: &buffer)
        case .board(let list):
            BoardOverlay.render(state, list, into: &buffer)
        }
    }

    static func centered(width: Int, height: Int, in state: AppState) -> Rect {
        let w = min(width, state.width - 2)
        let h = min(height, state.height - 2)
        return Rect(x: (state.width - w) / 2, y: (state.height - h) / 2, width: w, height: h)
    }

    static func frame(_ rect: Rect, title: String, into buffer: inout ScreenBuffer) {
        buffer.fill(rect)
        buffer.box(rect, title: title, focused: true)
    }

    static func pickClient(_ state: AppState, filter: String, selection: Int, into buffer: inout ScreenBuffer) {
        let clients = pickableClients(state, filter: filter)
        let rect = centered(width: 70, height: min(state.height - 2, clients.count + 4), in: state)
        frame(rect, title: state.text(.pickClientTitle), into: &buffer)
        buffer.write(state.text(.pickClientFilter) + state.withCaret(filter), x: rect.x + 2, y: rect.y + 1, role: .input, limit: rect.width - 4)
        let visible = rect.height - 3
        let first = max(0, selection - visible + 1)
        for (index, client) in clients.enumerated().dropFirst(first).prefix(visible) {
            let y = rect.y + 2 + index - first
            let role: StyleRole = index == selection ? .selection : .normal
            if index == selection { buffer.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), role: role) }
            buffer.write(DisplayWidth.fit(client.name, columns: 36) + " " + client.profession, x: rect.x + 2, y: y,
                         role: role, limit: rect.width - 4)
        }
    }

    static func newContact(_ state: AppState, _ form: NewContactForm, into buffer: inout ScreenBuffer) {
        let rect = centered(width: 64, height: 8, in: state)
        frame(rect, title: state.text(.newContactTitle), into: &buffer)
        let fields: [(Text, String)] = [(.newContactLastName, form.lastName), (.newContactFirstName, form.firstName),
                                        (.newContactPhone, form.phone)]
        for (index, field) in fields.enumerated() {
            let y = rect.y + 1 + index
            buffer.write(DisplayWidth.fit(state.text(field.0), columns: 12, ellipsis: false), x: rect.x + 2, y: y, role: .emphasis)
            let value = index == form.field ? state.withCaret(field.1) : field.1
            buffer.write(value, x: rect.x + 15, y: y, role: index == form.field ? .input : .normal, limit: rect.width - 17)
        }
        if let error = form.error {
            buffer.write(error, x: rect.x + 2, y: rect.y + 5, role: .warning, limit: rect.width - 4)
        }
        buffer.write(state.text(.newContactSave), x: rect.x + 2, y: rect.y + 6, role: .dim, limit: rect.width - 4)
    }
}

/// The end of a call: the outcome, one key each, then an optional note.
public enum EndCallOverlay {
    public static let outcomes: [CallOutcome] = [.booked, .moved, .cancelled, .message, .information, .transferred, .emergency]

    static func label(_ outcome: CallOutcome) -> Text {
        switch outcome {
        case .booked: .outcomeBooked
        case .moved: .outcomeMoved
        case .cancelled: .outcomeCancelled
        case .message: .outcomeMessage
        case .information: .outcomeInformation
        case .transferred: .outcomeTransferred
        case .emergency: .outcomeEmergency
        }
    }

    static func render(_ state: AppState, outcome: CallOutcome?, note: String, into buffer: inout ScreenBuffer) {
        let rect = Overlays.centered(width: 72, height: outcomes.count + 9, in: state)
        Overlays.frame(rect, title: state.text(.endCallTitle), into: &buffer)
        for (index, candidate) in outcomes.enumerated() {
            let role: StyleRole = candidate == outcome ? .selection : (candidate == .emergency ? .urgent : .normal)
            buffer.write(" \(index + 1)  \(state.text(label(candidate))) ", x: rect.x + 2, y: rect.y + 1 + index, role: role)
        }
        let y = rect.y + 2 + outcomes.count
        if outcome != nil {
            // The advice guard reads the note as it is typed (see `GuardedNote`).
            GuardedNote.render(state, label: state.text(.endCallNote), note: note, into: &buffer,
                               in: Rect(x: rect.x + 2, y: y, width: rect.width - 4, height: 5))
            buffer.write(state.text(.endCallChangeOutcome), x: rect.x + 2, y: y + 5, role: .dim, limit: rect.width - 4)
        }
    }
}
