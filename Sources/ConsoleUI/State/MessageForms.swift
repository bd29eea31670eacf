import Foundation
import SecretaryCore

/// The message form (`M`), or the medical question form (`Q`): who called, how to call
/// back, why, and the text. The advice guard reads the reason and the text at each keystroke.
public struct MessageForm: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A message for the client, normal or urgent.
        case message
        /// The caller's question for the practitioner, sent as a message tagged "medical question".
        case medicalQuestion
    }

    public enum Field: Int, CaseIterable, Sendable {
        case callerName, callback, reason, urgency, text
    }

    public var kind: Kind
    public var clientID: ClientID
    public var callID: Int64?
    public var contactID: Int64?
    public var callerName: String
    public var callback: String
    public var reason = ""
    public var text = ""
    public var isUrgent = false
    public var field: Field
    /// Phrases of advice in the reason and in the text, as of the last keystroke.
    public var reasonFindings: [AdviceFinding] = []
    public var textFindings: [AdviceFinding] = []
    /// Why Enter did not save (a refusal, a bad number), until the next keystroke.
    public var error: String?

    public init(kind: Kind, clientID: ClientID, callID: Int64? = nil, contactID: Int64? = nil,
                callerName: String = "", callback: String = "") {
        self.kind = kind
        self.clientID = clientID
        self.callID = callID
        self.contactID = contactID
        self.callerName = callerName
        self.callback = callback
        let fields = MessageForm.fields(of: kind)
        // With the caller known, the cursor starts where the operator has to type.
        field = callerName.isEmpty ? .callerName : (kind == .message ? .reason : .text)
        if !fields.contains(field) { field = fields[0] }
    }

    /// The fields of a kind of form, in Tab order: a medical question has no reason nor urgency.
    public static func fields(of kind: Kind) -> [Field] {
        kind == .message ? Field.allCases : [.callerName, .callback, .text]
    }

    public var fields: [Field] { MessageForm.fields(of: kind) }

    /// The first phrase of advice, reason first (the order of the form).
    public var firstFinding: (field: Field, finding: AdviceFinding)? {
        if let first = reasonFindings.first { return (.reason, first) }
        if let first = textFindings.first { return (.text, first) }
        return nil
    }
}

/// The emergency script on screen: what was heard, the numbers, the lines to read, and the
/// window to go back to when the operator says it is not an emergency.
public struct EmergencyScript: Equatable, Sendable {
    public var assessment: EmergencyAssessment
    /// The call note to save if the operator confirms.
    public var note: String
    /// What the operator had typed (a message, a note): sent with the alert, never lost.
    public var typed: String
    public var resume: Overlay?

    public init(assessment: EmergencyAssessment, note: String = "", typed: String = "", resume: Overlay? = nil) {
        self.assessment = assessment
        self.note = note
        self.typed = typed
        self.resume = resume
    }

    /// The terms heard, by their rule, to remember when dismissed.
    var terms: Set<String> { Set(assessment.matches.map(\.term.source)) }
}

/// The emergency terms the operator said were not an emergency, during one call, so that
/// they are no longer offered while typing on.
public struct TriageMemory: Equatable, Sendable {
    var callID: Int64?
    var terms: Set<String> = []

    public init() {}

    func dismissed(during call: Int64?) -> Set<String> { call == callID ? terms : [] }

    mutating func dismiss(_ more: Set<String>, during call: Int64?) {
        if call != callID {
            callID = call
            terms = []
        }
        terms.formUnion(more)
    }
}

/// The client's messages, newest first, with one selected (its text shown in full).
public struct MessageList: Equatable, Sendable {
    public var clientID: ClientID
    /// nil until loaded.
    public var messages: [Message]?
    public var selection = 0

    public init(clientID: ClientID, messages: [Message]? = nil) {
        self.clientID = clientID
        self.messages = messages
    }
}

/// The versions of the client's instructions, newest first, and what the selected one changed.
public struct InstructionsHistory: Equatable, Sendable {
    public var clientID: ClientID
    /// Oldest first, as the store gives them; nil until loaded.
    public var versions: [Instructions]?
    /// Index into `versions`, the newest selected at first.
    public var selection = 0
    public var scroll = 0

    public init(clientID: ClientID, versions: [Instructions]? = nil) {
        self.clientID = clientID
        self.versions = versions
    }
}
