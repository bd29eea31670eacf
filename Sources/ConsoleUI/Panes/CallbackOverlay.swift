import Foundation
import SecretaryCore

/// The call-back list: when the caller last tried, who, the number, how many missed calls,
/// the last attempt and who made it, who is dialling now. The one this operator holds is
/// marked, with the number to dial and the outcome keys under the list.
enum CallbackOverlay {
    static func render(_ state: AppState, _ list: CallbackList, into buffer: inout ScreenBuffer) {
        let rect = Overlays.centered(width: 110, height: min(state.height - 4, max(10, (list.callbacks?.count ?? 0) + 8)), in: state)
        let client = list.clientID.flatMap { id in state.context?.client.id == id ? state.context?.client.name : id.rawValue }
        let open = list.callbacks?.filter { $0.status != .done }
        let title = state.text(.callbacksTitle) + (client.map { " — \($0)" } ?? "") + (open.map { " (\($0.count))" } ?? "")
        Overlays.frame(rect, title: title, into: &buffer)
        let x = rect.x + 2, width = rect.width - 4
        let keysY = rect.maxY - 2
        ListKeys.render(state, .callbacks, into: &buffer, at: x, y: keysY, width: width)
        guard let callbacks = list.callbacks else {
            buffer.write(state.text(.messagesLoading), x: x, y: rect.y + 1, role: .dim, limit: width)
            return
        }
        if open?.isEmpty == true {
            // Under those done today, when there are some.
            buffer.write(state.text(.callbacksNone), x: x, y: callbacks.isEmpty ? rect.y + 1 : keysY - 3, role: .dim, limit: width)
        }
        let rows = max(1, keysY - 3 - (rect.y + 1))
        let first = max(0, list.selection - rows + 1)
        for (index, callback) in callbacks.enumerated().dropFirst(first).prefix(rows) {
            let y = rect.y + 1 + index - first
            let mine = callback.status == .taken && callback.operatorLogin == state.user.login
            let role: StyleRole = index == list.selection ? .selection : mine ? .ownCall
                : callback.status == .waiting ? .normal : .dim
            if index == list.selection || mine { buffer.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), role: role) }
            buffer.write(row(state, callback, showClient: list.clientID == nil), x: x, y: y, role: role, limit: width)
        }
        let y = keysY - 2
        if let error = list.error {
            buffer.write("⚠ " + error, x: x, y: y, role: .warning, limit: width)
        } else if let held = list.held(by: state.user.login) {
            buffer.write(state.text(.callbackDial) + held.number.national + state.text(.callbackDialThen), x: x, y: y,
                         role: .emphasis, limit: width)
        }
    }

    /// `09:35  Jean Dupont  06 12 34 56 78  2 missed  no answer (julien 09:50)  taken by claire`
    static func row(_ state: AppState, _ callback: Callback, showClient: Bool) -> String {
        let calendar = state.calendar
        let day = calendar.localDate(of: callback.lastMissedAt)
        let today = calendar.localDate(of: state.now)
        let when = (day == today ? "" : Digits.two(day.day) + "/" + Digits.two(day.month) + " ")
            + "\(calendar.timeOfDay(of: callback.lastMissedAt))"
        var parts = [DisplayWidth.fit(when, columns: 11, ellipsis: false)]
        if showClient { parts.append(DisplayWidth.fit(callback.clientID.rawValue, columns: 18)) }
        parts.append(DisplayWidth.fit(callback.contactName ?? state.text(.unknownCaller), columns: 22))
        parts.append(DisplayWidth.fit(callback.number.national, columns: 16, ellipsis: false))
        parts.append(DisplayWidth.fit("\(callback.missedCalls) \(state.text(.callbackMissed))", columns: 12, ellipsis: false))
        if let outcome = callback.lastOutcome {
            let at = (callback.lastAttemptAt ?? callback.doneAt).map { "\(calendar.timeOfDay(of: $0))" }
            let who = [callback.lastAttemptBy, at].compactMap { $0 }.joined(separator: " ")
            parts.append((callback.status == .done ? "✓ " : "") + state.text(callbackOutcomeText(outcome))
                         + (who.isEmpty ? "" : " (\(who))"))
        }
        if callback.status == .taken {
            let who = callback.operatorLogin == state.user.login ? state.text(.callbackTakenByYou)
                : state.text(.callbackTakenBy) + (callback.operatorLogin ?? "?")
            parts.append("► " + who)
        }
        return parts.joined(separator: " ")
    }
}

/// A list window's keys, from the keymap: `Enter take · 1 reached · … · Esc close`.
enum ListKeys {
    static func text(_ state: AppState, _ list: ListOverlay) -> String {
        Keymap.bindings(for: .list(list)).filter(\.hinted)
            .map { $0.keys[0].label(state.language) + " " + state.text($0.label) }
            .joined(separator: " · ")
    }

    static func render(_ state: AppState, _ list: ListOverlay, into buffer: inout ScreenBuffer, at x: Int, y: Int, width: Int) {
        buffer.write(text(state, list), x: x, y: y, role: .dim, limit: width)
    }
}
