import Foundation
import SecretaryCore

// The call-back list (`r`): callers who hung up in the queue, with a number. An operator
// takes one (Enter; the store makes sure nobody else has it), dials it, and says what came of
// it (1 reached, 2 no answer, 3 voicemail), or gives it back (`u`). Pure, like `update`.

/// The list window: the client in view's call-backs (every client's when none is in view).
public struct CallbackList: Equatable, Sendable {
    public var clientID: ClientID?
    /// nil until loaded; waiting and taken ones, the longest waiting first.
    public var callbacks: [Callback]?
    public var selection = 0
    /// The store's refusal (taken by someone else meanwhile), until the next key.
    public var error: String?

    public init(clientID: ClientID?, callbacks: [Callback]? = nil) {
        self.clientID = clientID
        self.callbacks = callbacks
    }

    /// The call-back this operator holds, if it is on the list.
    func held(by login: String) -> Callback? {
        callbacks?.first { $0.status == .taken && $0.operatorLogin == login }
    }
}

/// Work on the call-back list, performed by `ConsoleSession`.
public enum CallbackEffect: Equatable, Sendable {
    case load(ClientID?)
    case take(Int64, list: ClientID?)
    case record(Int64, CallbackOutcome, list: ClientID?)
    case release(Int64, list: ClientID?)
}

/// The answers of `CallbackEffect`s.
public enum CallbackEvent: Sendable {
    case loaded(ClientID?, [Callback])
    /// What the operator did, and the list as it is now.
    case recorded(Callback, [Callback])
    case refused(String)
}

func openCallbacks(_ state: inout AppState) -> [Effect] {
    state.overlay = .callbacks(CallbackList(clientID: state.clientID))
    return [.callbacks(.load(state.clientID))]
}

func callbackListKey(_ state: inout AppState, _ list: CallbackList, _ key: Key) -> [Effect] {
    var list = list
    list.error = nil
    let items = list.callbacks ?? []
    let login = state.user.login
    defer { if case .callbacks = state.overlay { state.overlay = .callbacks(list) } }
    switch Keymap.action(for: key, in: .callbacks) {
    case .cancel:
        state.overlay = nil
    case .up: list.selection = max(0, list.selection - 1)
    case .down: list.selection = min(max(0, items.count - 1), list.selection + 1)
    case .bottom: list.selection = max(0, items.count - 1)
    case .takeCallback:
        guard items.indices.contains(list.selection) else { return [] }
        let chosen = items[list.selection]
        if chosen.status == .taken && chosen.operatorLogin == login { return [] }
        return [.callbacks(.take(chosen.id, list: list.clientID))]
    case .callbackReached, .callbackNoAnswer, .callbackVoicemail:
        guard let held = list.held(by: login) else {
            list.error = state.text(.callbackTakeFirst)
            return []
        }
        let outcome: CallbackOutcome = switch Keymap.action(for: key, in: .callbacks) {
        case .callbackReached: .reached
        case .callbackNoAnswer: .noAnswer
        default: .voicemail
        }
        return [.callbacks(.record(held.id, outcome, list: list.clientID))]
    case .releaseCallback:
        guard let held = list.held(by: login) else { return [] }
        return [.callbacks(.release(held.id, list: list.clientID))]
    default:
        break
    }
    return []
}

func handleCallbackEvent(_ state: inout AppState, _ event: CallbackEvent) -> [Effect] {
    guard case .callbacks(var list) = state.overlay else {
        if case .refused(let reason) = event { state.flash = Flash(text: reason, isError: true) }
        return []
    }
    switch event {
    case .loaded(let client, let callbacks):
        guard client == list.clientID else { return [] }
        let first = list.callbacks == nil
        list.callbacks = callbacks
        // Opened while holding one: it is selected, it is the one being dialled.
        if first, let held = list.held(by: state.user.login), let index = callbacks.firstIndex(of: held) {
            list.selection = index
        }
        list.selection = min(list.selection, max(0, callbacks.count - 1))
    case .recorded(let callback, let callbacks):
        list.callbacks = callbacks
        list.selection = min(callbacks.firstIndex { $0.id == callback.id } ?? list.selection, max(0, callbacks.count - 1))
        switch callback.status {
        case .taken:
            state.flash = Flash(text: state.text(.callbackTaken) + callback.number.national, isError: false)
        case .waiting:
            let text: Text = callback.lastOutcome == .noAnswer ? .callbackBackOnList : .callbackReleased
            state.flash = Flash(text: state.text(text), isError: false)
        case .done:
            state.flash = Flash(text: state.text(.callbackDone) + state.text(callbackOutcomeText(callback.lastOutcome ?? .reached)),
                                isError: false)
        }
    case .refused(let reason):
        list.error = reason
    }
    state.overlay = .callbacks(list)
    return []
}

func callbackOutcomeText(_ outcome: CallbackOutcome) -> Text {
    switch outcome {
    case .reached: .callbackOutcomeReached
    case .noAnswer: .callbackOutcomeNoAnswer
    case .voicemail: .callbackOutcomeVoicemail
    case .calledAgain: .callbackOutcomeCalledAgain
    }
}
