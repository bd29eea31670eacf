import Foundation

/// Tags a message may carry, shown in the console and given to the client.
public enum MessageTag {
    /// A caller asked for medical advice; the operator passed the question on instead.
    public static let medicalQuestion = "medical question"
    /// The emergency script was read to the caller.
    public static let emergency = "emergency"
}

extension MessageStatus {
    /// A message goes forward only: new → transmitted (to the client) → acknowledged (by the client).
    public var next: MessageStatus? {
        switch self {
        case .new: .transmitted
        case .transmitted: .acknowledged
        case .acknowledged: nil
        }
    }
}

/// A message as the operator fills it in (the `M` form, `secretary messages add`), before the
/// store gives it an id and a time.
public struct MessageDraft: Hashable, Sendable {
    public var clientID: ClientID
    public var callID: Int64?
    public var contactID: Int64?
    public var callerName: String
    public var callbackNumber: PhoneNumber?
    public var reason: String
    public var text: String
    public var isUrgent: Bool
    public var tags: [String]

    public init(clientID: ClientID, callID: Int64? = nil, contactID: Int64? = nil, callerName: String,
                callbackNumber: PhoneNumber?, reason: String = "", text: String, isUrgent: Bool = false,
                tags: [String] = []) {
        self.clientID = clientID
        self.callID = callID
        self.contactID = contactID
        self.callerName = callerName
        self.callbackNumber = callbackNumber
        self.reason = reason
        self.text = text
        self.isUrgent = isUrgent
        self.tags = tags
    }

    /// The caller's question for the practitioner, in the caller's own words: quoted, so the
    /// advice guard does not read it as the operator's advice (« dois-je arrêter le traitement ? »).
    public static func medicalQuestion(clientID: ClientID, callID: Int64? = nil, contactID: Int64? = nil,
                                       callerName: String, callbackNumber: PhoneNumber?, question: String) -> MessageDraft {
        MessageDraft(clientID: clientID, callID: callID, contactID: contactID, callerName: callerName,
                     callbackNumber: callbackNumber, reason: "Question médicale",
                     text: "Question de l'appelant pour le praticien : « \(quotable(question)) »",
                     tags: [MessageTag.medicalQuestion])
    }

    /// The urgent message the client receives when the emergency script was read: the terms
    /// heard, quoted, and the numbers the caller was given.
    public static func emergency(_ assessment: EmergencyAssessment, clientID: ClientID, callID: Int64? = nil,
                                 contactID: Int64? = nil, callerName: String,
                                 callbackNumber: PhoneNumber?, operatorText: String = "") -> MessageDraft {
        var text = "Urgence pendant l'appel"
        let heard = assessment.matches.map { "« \(quotable($0.match.phrase)) »" }
        if !heard.isEmpty { text += " : " + heard.joined(separator: ", ") }
        text += ". Appelant orienté vers le " + assessment.numbers.map { "\($0.number) (\($0.label))" }
            .joined(separator: ", ") + "."
        // What the operator had typed when the script opened: kept with the alert.
        if !operatorText.isEmpty { text += "\nSaisi pendant l'appel : " + operatorText }
        return MessageDraft(clientID: clientID, callID: callID, contactID: contactID, callerName: callerName,
                            callbackNumber: callbackNumber, reason: "Urgence", text: text, isUrgent: true,
                            tags: [MessageTag.emergency])
    }

    /// The caller's words without quotation marks of their own, so the quote around them
    /// stays closed where it should.
    private static func quotable(_ words: String) -> String {
        String(words.filter { !"«»“”\"„".contains($0) }).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The message this draft becomes; checks the caller's name, the text and the tags.
    public func message(id: Int64 = 0, createdAt: Date) throws -> Message {
        for tag in tags where tag.isEmpty || tag.contains(",") {
            throw ValidationError(field: "tag", value: tag, reason: "must be non-empty, without commas")
        }
        return try Message(id: id, clientID: clientID, callID: callID, callerName: callerName.trimmingCharacters(in: .whitespaces),
                           callbackNumber: callbackNumber, reason: reason.trimmingCharacters(in: .whitespaces),
                           text: text.trimmingCharacters(in: .whitespacesAndNewlines), isUrgent: isUrgent,
                           tags: tags, status: .new, createdAt: createdAt, contactID: contactID)
    }
}
