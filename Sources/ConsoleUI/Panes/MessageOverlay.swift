import Foundation
import SecretaryCore

/// The message form (`M`) and the medical question form (`Q`): the phrases of advice
/// highlighted where they stand, and the rule named under the text.
enum MessageOverlay {
    static let labelWidth = 14
    static let textRows = 4

    static func render(_ state: AppState, _ form: MessageForm, into buffer: inout ScreenBuffer) {
        let isMessage = form.kind == .message
        let height = (isMessage ? 4 : 2) + textRows + 7
        let rect = Overlays.centered(width: 78, height: height, in: state)
        let title = isMessage ? state.text(.messageTitle) + (state.context.map { " — \($0.client.name)" } ?? "")
            : state.text(.medicalQuestionTitle)
        Overlays.frame(rect, title: title, into: &buffer)
        let x = rect.x + 2
        let valueX = x + labelWidth
        let valueWidth = rect.width - 4 - labelWidth
        var y = rect.y + 1

        func label(_ text: Text, _ field: MessageForm.Field) {
            buffer.write(DisplayWidth.fit(state.text(text), columns: labelWidth - 1, ellipsis: false), x: x, y: y,
                         role: form.field == field ? .emphasis : .normal)
        }
        func line(_ text: Text, _ field: MessageForm.Field, _ value: String, marks: [AdviceFinding] = []) {
            label(text, field)
            MarkedText.draw(value, marks: marks.map(\.characterRange), typing: form.field == field, caret: state.caret, into: &buffer,
                            in: Rect(x: valueX, y: y, width: valueWidth, height: 1), role: form.field == field ? .input : .normal)
            y += 1
        }

        line(.messageCallerName, .callerName, form.callerName)
        line(.messageCallback, .callback, form.callback)
        if isMessage {
            line(.messageReason, .reason, form.reason, marks: form.reasonFindings)
            label(.messageUrgency, .urgency)
            let choice = form.isUrgent ? "○ \(state.text(.messageNormal))   ● \(state.text(.messageUrgent))"
                : "● \(state.text(.messageNormal))   ○ \(state.text(.messageUrgent))"
            buffer.write(choice, x: valueX, y: y, role: form.isUrgent ? .urgent : (form.field == .urgency ? .input : .normal),
                         limit: valueWidth)
            y += 1
        }
        label(isMessage ? .messageText : .messageQuestion, .text)
        MarkedText.draw(form.text, marks: form.textFindings.map(\.characterRange), typing: form.field == .text, caret: state.caret,
                        into: &buffer,
                        in: Rect(x: valueX, y: y, width: valueWidth, height: textRows), role: form.field == .text ? .input : .normal)
        y += textRows
        if !isMessage {
            buffer.write(state.text(.medicalQuestionHint), x: valueX, y: y, role: .dim, limit: valueWidth)
        }
        y += 1
        // An emergency term in the reason or the text: offered, never forced.
        EmergencyOfferLine.render(state, text: form.reason + "\n" + form.text, into: &buffer,
                                  in: Rect(x: x, y: y, width: rect.width - 4, height: 1))
        y += 1

        // The refusal: the store's or the form's sentence, else what the guard sees as one types.
        let problem = Rect(x: x, y: y, width: rect.width - 4, height: 2)
        if let error = form.error {
            for (offset, wrapped) in InstructionsPane.wrap("⚠ " + error, width: problem.width).prefix(2).enumerated() {
                buffer.write(wrapped, x: x, y: y + offset, role: .warning, limit: problem.width)
            }
        } else if let (_, finding) = form.firstFinding {
            GuardedNote.explanation(state, finding, into: &buffer, in: problem)
        }
        y += 2
        buffer.write(state.text(isMessage ? .messageFormKeys : .medicalQuestionKeys), x: x, y: y, role: .dim,
                     limit: rect.width - 4)
    }
}

/// The client's messages, newest first: status, urgency, caller, reason; the selected one's
/// text in full below. `t` marks it transmitted.
enum MessageListOverlay {
    static func render(_ state: AppState, _ list: MessageList, into buffer: inout ScreenBuffer) {
        let rect = Overlays.centered(width: 110, height: state.height - 4, in: state)
        let title = state.text(.messagesTitle) + (state.context.map { " — \($0.client.name)" } ?? "")
            + (list.messages.map { " (\($0.count))" } ?? "")
        Overlays.frame(rect, title: title, into: &buffer)
        let x = rect.x + 2
        let width = rect.width - 4
        let keysY = rect.maxY - 2
        guard let messages = list.messages else {
            buffer.write(state.text(.messagesLoading), x: x, y: rect.y + 1, role: .dim, limit: width)
            return
        }
        if messages.isEmpty {
            buffer.write(state.text(.messagesNone), x: x, y: rect.y + 1, role: .dim, limit: width)
        }
        let detailRows = 5
        let listRows = max(1, rect.height - 2 - detailRows - 2)
        let first = max(0, list.selection - listRows + 1)
        for (index, message) in messages.enumerated().dropFirst(first).prefix(listRows) {
            let y = rect.y + 1 + index - first
            let selected = index == list.selection
            let role: StyleRole = selected ? .selection : (message.status == .new ? (message.isUrgent ? .urgent : .emphasis) : .normal)
            if selected { buffer.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), role: role) }
            let sent = list.deliveries[message.id].map { "  [" + DeliveryWords.overview($0, state.language) + "]" } ?? ""
            buffer.write(row(state, message) + sent, x: x, y: y, role: role, limit: width)
            // An urgent message not yet passed on stands out even when selected.
            if message.isUrgent && message.status == .new {
                buffer.write("‼ " + state.text(.urgentMarker), x: x + urgentColumn, y: y, role: .urgent, limit: max(0, width - urgentColumn))
            }
        }
        if let selected = messages.indices.contains(list.selection) ? messages[list.selection] : nil {
            let top = rect.y + 1 + listRows
            buffer.write(String(repeating: "─", count: width), x: x, y: top, role: .border)
            var lines: [String] = []
            let tags = selected.tags.map { tag in
                tag == MessageTag.medicalQuestion ? state.text(.tagMedicalQuestion)
                    : tag == MessageTag.emergency ? state.text(.tagEmergency) : tag
            }
            let reason = selected.reason.isEmpty ? "" : "\(selected.reason) — "
            lines += InstructionsPane.wrap(reason + selected.text + (tags.isEmpty ? "" : "  [\(tags.joined(separator: ", "))]"),
                                           width: width)
            for (offset, line) in lines.prefix(detailRows).enumerated() {
                buffer.write(line, x: x, y: top + 1 + offset, role: .normal, limit: width)
            }
        }
        ListKeys.render(state, .messages, into: &buffer, at: x, y: keysY, width: width)
    }

    /// Where the urgency marker starts in a row.
    static let urgentColumn = 11 + 2 + 12 + 1

    /// `23/11 10:05  new          ‼ URGENT  Marie Lefèvre  06 12 34 56 78  claire    Reason`
    static func row(_ state: AppState, _ message: Message) -> String {
        let calendar = state.calendar
        let day = calendar.localDate(of: message.createdAt)
        let when = Digits.two(day.day) + "/" + Digits.two(day.month) + " " + "\(calendar.timeOfDay(of: message.createdAt))"
        let status = DisplayWidth.fit(state.text(statusText(message.status)), columns: 12, ellipsis: false)
        let urgent = DisplayWidth.fit(message.isUrgent ? "‼ " + state.text(.urgentMarker) : "", columns: 9, ellipsis: false)
        let caller = DisplayWidth.fit(message.callerName, columns: 22)
        let number = DisplayWidth.fit(message.callbackNumber?.national ?? "", columns: 16, ellipsis: false)
        let taker = DisplayWidth.fit(message.createdBy ?? "", columns: 10)
        return "\(when)  \(status) \(urgent) \(caller) \(number) \(taker) \(message.reason.isEmpty ? message.text : message.reason)"
    }

    static func statusText(_ status: MessageStatus) -> Text {
        switch status {
        case .new: .statusNew
        case .transmitted: .statusTransmitted
        case .acknowledged: .statusAcknowledged
        }
    }
}
