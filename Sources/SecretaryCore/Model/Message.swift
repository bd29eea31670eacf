import Foundation

public enum MessageStatus: String, CaseIterable, Sendable, Codable {
    case new, transmitted, acknowledged

    public init(parsing text: String) throws {
        guard let status = MessageStatus(rawValue: text.lowercased()) else {
            throw ValidationError(field: "status", value: text, reason: "expected new, transmitted or acknowledged")
        }
        self = status
    }
}

/// A message taken for a client: who called, how to call back, why.
public struct Message: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var clientID: ClientID
    public var callID: Int64?
    public var callerName: String
    public var callbackNumber: PhoneNumber?
    public var reason: String
    public var text: String
    public var isUrgent: Bool
    public var tags: [String]
    public var status: MessageStatus
    public var createdAt: Date
    /// The caller's record, when the caller is a known contact.
    public var contactID: Int64?
    public var transmittedAt: Date?
    public var acknowledgedAt: Date?
    /// Who took the message (an operator's login), once saved.
    public var createdBy: String?

    public init(id: Int64 = 0, clientID: ClientID, callID: Int64? = nil, callerName: String,
                callbackNumber: PhoneNumber?, reason: String = "", text: String, isUrgent: Bool = false,
                tags: [String] = [], status: MessageStatus = .new, createdAt: Date, contactID: Int64? = nil,
                transmittedAt: Date? = nil, acknowledgedAt: Date? = nil) throws {
        guard !callerName.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(field: "caller name", value: callerName, reason: "must not be empty")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError(field: "message text", value: text, reason: "must not be empty")
        }
        self.id = id
        self.clientID = clientID
        self.callID = callID
        self.callerName = callerName
        self.callbackNumber = callbackNumber
        self.reason = reason
        self.text = text
        self.isUrgent = isUrgent
        self.tags = tags
        self.status = status
        self.createdAt = createdAt
        self.contactID = contactID
        self.transmittedAt = transmittedAt
        self.acknowledgedAt = acknowledgedAt
    }
}

/// One line of the audit log: who did or saw what, when.
public struct AuditEntry: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var action: String
    public var objectType: String
    public var objectID: String
    public var details: String

    public init(id: Int64 = 0, at: Date, actor: String, action: String, objectType: String, objectID: String,
                details: String = "") {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.details = details
    }
}
