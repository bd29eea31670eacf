import Foundation
import SecretaryCore

// The update of messages, the no-medical-advice guard and emergency triage: the actions
// (`M`, `Q`, `!`, `m`, `v`), the keys of their windows, and the answers of their effects.
// The guard and the triage are pure domain checks (a few milliseconds), run at each keystroke.

extension AppState {
    /// The advice rules of the client in view (the shipped ones when none).
    var adviceRules: AdviceRules { context?.adviceRules ?? ShippedRules.advice }

    /// The country whose emergency numbers apply: the client's, France when none is in view.
    var emergencyCountry: Country { context?.client.country ?? .fr }
}

/// What the operator reads when the guard refuses a phrase: the phrase, its kind, the rule,
/// and what to do instead.
func adviceExplanation(_ finding: AdviceFinding, _ language: Language) -> String {
    let kind: Text = switch finding.rule.category {
    case .dosage: .adviceDosage
    case .treatment: .adviceTreatment
    case .diagnosis: .adviceDiagnosis
    case .reassurance: .adviceReassurance
    case .care: .adviceCare
    case .waiting: .adviceWaiting
    }
    let colon = language == .fr ? " : " : ": "
    return Text.adviceRefused(language) + colon + "« \(finding.phrase) » (\(kind(language)), "
        + "\(Text.adviceRule(language)) \(finding.rule.name)) — \(Text.adviceRephrase(language))"
}

// MARK: - Actions

func performMessageAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    guard let client = state.context?.client else {
        if action == .emergencyScript {
            state.overlay = .emergency(EmergencyScript(assessment: EmergencyTriage.script(country: .fr)))
        } else {
            state.flash = Flash(text: state.text(.agendaNone), isError: true)
        }
        return []
    }
    switch action {
    case .newMessage:
        state.overlay = .message(draftOrPrefilledForm(state, kind: .message))
    case .medicalQuestion:
        guard client.isMedical else {
            state.flash = Flash(text: state.text(.notMedicalClient), isError: true)
            return []
        }
        state.overlay = .message(draftOrPrefilledForm(state, kind: .medicalQuestion))
    case .emergencyScript:
        state.overlay = .emergency(EmergencyScript(assessment: EmergencyTriage.script(country: client.country)))
    case .clientMessages:
        state.overlay = .messages(MessageList(clientID: client.id))
        return [.loadMessages(client.id)]
    case .instructionsHistory:
        state.overlay = .instructionsHistory(InstructionsHistory(clientID: client.id))
        return [.loadInstructionHistory(client.id)]
    default:
        break
    }
    return []
}

/// The draft kept for this call when there is one, else a new form.
func draftOrPrefilledForm(_ state: AppState, kind: MessageForm.Kind) -> MessageForm {
    let form = prefilledForm(state, kind: kind)
    return state.drafts.form(kind, callID: form.callID, clientID: form.clientID) ?? form
}

/// A form with the caller filled in: during a call, the caller (never a contact merely looked
/// up) and the number the call came from; without a call, the contact on screen.
func prefilledForm(_ state: AppState, kind: MessageForm.Kind) -> MessageForm {
    let client = state.context!.client
    let call = state.call?.clientID == client.id ? state.call : nil
    let shown = call == nil ? state.lookup.opened : state.lookup.caller
    let contact = shown.flatMap { $0.clientID == client.id ? $0 : nil }
    let number = call?.from ?? contact?.phones.first
    return MessageForm(kind: kind, clientID: client.id, callID: call?.callID, contactID: contact?.id,
                       callerName: contact?.displayName ?? "", callback: number?.national ?? "")
}

// MARK: - Keys of the windows

func handleMessageOverlayKey(_ state: inout AppState, _ overlay: Overlay, _ key: Key) -> [Effect] {
    switch overlay {
    case .message(let form): return messageFormKey(&state, form, key)
    case .emergency(let script): return emergencyKey(&state, script, key)
    case .messages(let list): return messageListKey(&state, list, key)
    case .instructionsHistory(let history): return historyKey(&state, history, key)
    default: return []
    }
}

private func messageFormKey(_ state: inout AppState, _ form: MessageForm, _ key: Key) -> [Effect] {
    var form = form
    let fields = form.fields
    let index = fields.firstIndex(of: form.field) ?? 0
    switch key {
    case .escape:
        // Closed, not thrown away: the draft comes back with `M` (or `Q`) during this call.
        state.drafts.keep(form)
        state.overlay = nil
        return []
    case _ where Keymap.action(for: key, scope: .textField) == .emergencyScript:
        openEmergencyScript(&state, typed: [form.reason, form.text].filter { !$0.isEmpty }.joined(separator: " — "),
                            note: "", resume: .message(form))
        return []
    case .tab, .down:
        form.field = fields[(index + 1) % fields.count]
    case .backTab, .up:
        form.field = fields[(index + fields.count - 1) % fields.count]
    case .enter:
        return submit(&state, form)
    default:
        if form.field == .urgency {
            guard [.character(" "), .left, .right].contains(key) else { return [] }
            form.isUrgent.toggle()
        } else {
            switch form.field {
            case .callerName: guard edit(&form.callerName, key, caret: &state.caret) else { return [] }
            case .callback: guard edit(&form.callback, key, caret: &state.caret) else { return [] }
            case .reason: guard edit(&form.reason, key, caret: &state.caret) else { return [] }
            default: guard edit(&form.text, key, caret: &state.caret) else { return [] }
            }
            form.error = nil
            checkAdvice(&form, rules: state.adviceRules)
        }
    }
    // An emergency term is offered under the text (see `EmergencyOffer`), never forced.
    state.overlay = .message(form)
    return []
}

/// The guard over the operator's own words. A medical question is the caller's words, quoted
/// when sent, so it is not checked.
func checkAdvice(_ form: inout MessageForm, rules: AdviceRules) {
    guard form.kind == .message else { return }
    form.reasonFindings = AdviceGuard.check(form.reason, rules: rules)
    form.textFindings = AdviceGuard.check(form.text, rules: rules)
}

/// Enter: refused with the phrase and the rule while the guard finds advice; otherwise the
/// draft goes to the store (which checks again, with the rules as they are now).
private func submit(_ state: inout AppState, _ form: MessageForm) -> [Effect] {
    var form = form
    checkAdvice(&form, rules: state.adviceRules)
    defer { state.overlay = .message(form) }
    if let (field, finding) = form.firstFinding {
        form.field = field
        form.error = adviceExplanation(finding, state.language)
        return []
    }
    let callbackText = form.callback.trimmingCharacters(in: .whitespaces)
    let callback: PhoneNumber?
    do {
        callback = callbackText.isEmpty ? nil : try PhoneNumber(callbackText, country: state.emergencyCountry)
    } catch {
        form.field = .callback
        form.error = "\(error)"
        return []
    }
    let draft: MessageDraft
    switch form.kind {
    case .message:
        draft = MessageDraft(clientID: form.clientID, callID: form.callID, contactID: form.contactID,
                             callerName: form.callerName, callbackNumber: callback, reason: form.reason,
                             text: form.text, isUrgent: form.isUrgent)
    case .medicalQuestion:
        guard !form.text.trimmingCharacters(in: .whitespaces).isEmpty else {
            form.field = .text
            form.error = "\(ValidationError(field: "question", value: form.text, reason: "must not be empty"))"
            return []
        }
        draft = .medicalQuestion(clientID: form.clientID, callID: form.callID, contactID: form.contactID,
                                 callerName: form.callerName, callbackNumber: callback, question: form.text)
    }
    do {
        _ = try draft.message(createdAt: state.now)
    } catch {
        form.error = "\(error)"
        return []
    }
    form.error = nil
    return [.addMessage(draft)]
}

/// The emergency terms in `text` the operator has not said were no emergency during this
/// call: offered under the field, with the key that opens the script.
func emergencyOffer(_ state: AppState, text: String) -> EmergencyAssessment? {
    guard state.call != nil, let assessment = EmergencyTriage.assess(text, country: state.emergencyCountry) else { return nil }
    let dismissed = state.triage.dismissed(during: state.call?.callID)
    return assessment.matches.contains { !dismissed.contains($0.term.source) } ? assessment : nil
}

/// Opens the script (F2 in a field, `!` elsewhere): for the terms in what was typed, or the
/// country's general script. `typed` goes with the alert if the emergency is confirmed.
func openEmergencyScript(_ state: inout AppState, typed: String, note: String, resume: Overlay?) {
    let country = state.emergencyCountry
    let assessment = EmergencyTriage.assess(typed, country: country) ?? EmergencyTriage.script(country: country)
    state.overlay = .emergency(EmergencyScript(assessment: assessment, note: note, typed: typed, resume: resume))
}

private func emergencyKey(_ state: inout AppState, _ script: EmergencyScript, _ key: Key) -> [Effect] {
    // Only Esc and F12 act: nothing typed (Enter, a letter, a digit, Space) can confirm.
    switch Keymap.action(for: key, scope: .emergency) {
    case .cancel?:
        // Not an emergency: back to what the operator was typing, and these words are no
        // longer offered during this call.
        state.triage.dismiss(script.terms, during: state.call?.callID)
        state.overlay = script.resume
        return []
    case .confirmEmergency?:
        guard let call = state.call else {
            state.overlay = nil
            return []
        }
        let contact = state.lookup.caller.flatMap { $0.clientID == call.clientID ? $0 : nil }
        // What the operator typed goes with the alert when the guard lets it through.
        let typed = script.typed.trimmingCharacters(in: .whitespacesAndNewlines)
        let keepsTyped = !typed.isEmpty && AdviceGuard.check(typed, rules: state.adviceRules).isEmpty
        let message = MessageDraft.emergency(
            script.assessment, clientID: call.clientID, callID: call.callID, contactID: contact?.id,
            callerName: contact?.displayName ?? call.from?.national ?? state.text(.withheldNumber),
            callbackNumber: call.from ?? contact?.phones.first, operatorText: keepsTyped ? typed : "")
        // The operator's note when it may be saved, else the emergency summary (terms quoted).
        let note = script.note.trimmingCharacters(in: .whitespaces)
        let savedNote = note.isEmpty || !AdviceGuard.check(note, rules: state.adviceRules).isEmpty ? message.text : note
        return [.reportEmergency(callID: call.callID, note: savedNote, message: message)]
    default:
        return []
    }
}

private func messageListKey(_ state: inout AppState, _ list: MessageList, _ key: Key) -> [Effect] {
    var list = list
    let count = list.messages?.count ?? 0
    let selected = list.messages.flatMap { $0.indices.contains(list.selection) ? $0[list.selection] : nil }
    switch Keymap.action(for: key, in: .messages) {
    case .cancel:
        state.overlay = nil
        return []
    case .up: list.selection = max(0, list.selection - 1)
    case .down: list.selection = min(max(0, count - 1), list.selection + 1)
    case .markTransmitted:
        guard let selected else { return [] }
        return [.markTransmitted(selected.id, list.clientID)]
    case .acknowledgeMessage:
        // The client said on the phone they have it: a new message is passed on and read at once.
        guard let selected else { return [] }
        return selected.status == .new ? [.markTransmitted(selected.id, list.clientID), .acknowledgeMessage(selected.id, list.clientID)]
            : [.acknowledgeMessage(selected.id, list.clientID)]
    case .undoTransmitted:
        guard let selected else { return [] }
        return [.undoTransmitted(selected.id, list.clientID)]
    default:
        return []
    }
    state.overlay = .messages(list)
    return []
}

private func historyKey(_ state: inout AppState, _ history: InstructionsHistory, _ key: Key) -> [Effect] {
    var history = history
    let count = history.versions?.count ?? 0
    let page = max(1, state.height / 3)
    switch key {
    case .escape, .character("q"), .character("v"):
        state.overlay = nil
        return []
    // Newest first on screen: down goes to older versions.
    case .down, .character("j"):
        history.selection = max(0, history.selection - 1)
        history.scroll = 0
    case .up, .character("k"):
        history.selection = min(max(0, count - 1), history.selection + 1)
        history.scroll = 0
    case .pageDown, .character(" "): history.scroll += page
    case .pageUp: history.scroll = max(0, history.scroll - page)
    default:
        return []
    }
    state.overlay = .instructionsHistory(history)
    return []
}

// MARK: - Answers of the effects

func handleMessageEvent(_ state: inout AppState, _ event: Event) -> [Effect] {
    var effects: [Effect] = []
    switch event {
    case .messageSaved(let message):
        if case .message(let form) = state.overlay {
            state.drafts.discard(form.kind)
            state.overlay = nil
        }
        if let shown = state.lookup.opened { effects.append(.refreshContact(shown.id)) }
        let text: Text = message.tags.contains(MessageTag.medicalQuestion) ? .medicalQuestionSaved
            : message.isUrgent ? .urgentMessageSaved : .messageSaved
        state.flash = Flash(text: state.text(text), isError: false)
    case .messageRefused(let reason):
        if case .message(var form) = state.overlay {
            form.error = reason
            state.overlay = .message(form)
        } else {
            state.flash = Flash(text: reason, isError: true)
        }
    case .emergencyReported:
        let effects = update(&state, .callFinished)
        state.flash = Flash(text: state.text(.emergencyReported), isError: false)
        return effects
    case .messagesLoaded(let client, let messages):
        guard case .messages(var list) = state.overlay, list.clientID == client else { return [] }
        list.messages = messages
        list.selection = min(list.selection, max(0, messages.count - 1))
        state.overlay = .messages(list)
    case .deliveriesLoaded(let deliveries):
        guard case .messages(var list) = state.overlay else { return [] }
        list.deliveries = deliveries
        state.overlay = .messages(list)
    case .instructionHistoryLoaded(let client, let versions):
        guard case .instructionsHistory(var history) = state.overlay, history.clientID == client else { return [] }
        history.versions = versions
        history.selection = max(0, versions.count - 1)
        state.overlay = .instructionsHistory(history)
    default:
        break
    }
    return effects
}

// MARK: - The end-of-call note

/// Enter on the note: false when the call must not be finished yet, because the note gives
/// advice (the reason goes to the status line). The emergency outcome always goes through the
/// script, so the client is always alerted; an emergency term in the note is only offered.
func mayFinish(_ state: inout AppState, outcome: CallOutcome, note: String) -> Bool {
    if outcome == .emergency {
        openEmergencyScript(&state, typed: note, note: note, resume: .endCall(outcome: outcome, note: note))
        return false
    }
    guard let finding = AdviceGuard.check(note, rules: state.adviceRules).first else { return true }
    state.flash = Flash(text: adviceExplanation(finding, state.language), isError: true)
    return false
}
