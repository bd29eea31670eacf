import Foundation
import SecretaryCore

/// What the operator typed and closed with Esc without sending: a message, a medical
/// question, an end-of-call note. Each comes back when its window is opened again, for the
/// same call (or, without a call, the same client), until it is sent or the call ends.
public struct Drafts: Equatable, Sendable {
    public struct EndCall: Equatable, Sendable {
        public var outcome: CallOutcome
        public var note: String
    }

    var callID: Int64?
    var clientID: ClientID?
    var message: MessageForm?
    var question: MessageForm?
    var endCall: EndCall?

    public init() {}

    /// The draft form of `kind` for this call and client, if one was kept.
    func form(_ kind: MessageForm.Kind, callID: Int64?, clientID: ClientID) -> MessageForm? {
        guard self.callID == callID, self.clientID == clientID else { return nil }
        return kind == .message ? message : question
    }

    mutating func keep(_ form: MessageForm) {
        follow(callID: form.callID, clientID: form.clientID)
        if form.kind == .message { message = form } else { question = form }
    }

    mutating func discard(_ kind: MessageForm.Kind) {
        if kind == .message { message = nil } else { question = nil }
    }

    /// The end-of-call note kept for `callID`.
    func endCall(callID: Int64) -> EndCall? { self.callID == callID ? endCall : nil }

    mutating func keepEndCall(_ draft: EndCall, callID: Int64, clientID: ClientID) {
        follow(callID: callID, clientID: clientID)
        endCall = draft
    }

    /// Drafts belong to one call: another call (or client) starts afresh.
    private mutating func follow(callID: Int64?, clientID: ClientID) {
        if self.callID != callID || self.clientID != clientID { self = Drafts() }
        self.callID = callID
        self.clientID = clientID
    }

    /// True when a message or a question was typed and not sent.
    var hasUnsentMessage: Bool { message != nil || question != nil }
}
