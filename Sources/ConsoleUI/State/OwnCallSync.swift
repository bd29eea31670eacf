import Foundation
import SecretaryCore

/// Brings the console's own call in line with the store after another process wrote: the
/// PBX's `call-end` (the caller hung up: wrap-up), the same login finishing or answering on
/// another terminal. The store is the truth; the console follows it.
func followStoredCall(_ state: inout AppState, _ stored: ActiveCall?) -> [Effect] {
    switch (state.call, stored) {
    case (nil, nil):
        return []
    case (.some, nil):
        state.call = nil
        if [.onCall, .wrapUp].contains(state.presence) { state.presence = .available }
        if case .endCall = state.overlay { state.overlay = nil }
        state.lookup = LookupState()
        state.drafts = Drafts()
        state.flash = Flash(text: state.text(.callFinishedElsewhere), isError: false)
        return [.loadQueue]
    case (nil, .some(let stored)):
        return update(&state, .callClaimed(stored))
    case (.some(let own), .some(let stored)):
        guard own.callID == stored.callID else {
            state.call = nil
            return update(&state, .callClaimed(stored))
        }
        state.call = stored
        state.presence = stored.endedAt == nil ? .onCall : .wrapUp
        if own.endedAt == nil, stored.endedAt != nil {
            state.flash = Flash(text: state.text(.callerHungUp), isError: false)
        }
        // The caller was named on another terminal of this login: follow it.
        if let contactID = stored.contactID, contactID != state.lookup.caller?.id { return [.loadCaller(contactID)] }
        return []
    }
}
