import Foundation

/// A call as the queue and the call lists show it: with the client's name, the caller's name
/// when the number belongs to a known contact, and the login of the operator who took it.
public struct CallSummary: Hashable, Sendable, Identifiable {
    public var call: Call
    public var clientName: String
    public var contactName: String?
    public var operatorLogin: String?

    public init(call: Call, clientName: String, contactName: String? = nil, operatorLogin: String? = nil) {
        self.call = call
        self.clientName = clientName
        self.contactName = contactName
        self.operatorLogin = operatorLogin
    }

    public var id: Int64 { call.id }

    /// Who is calling, as far as we know: the contact's name, else the number.
    public var callerLabel: String {
        contactName ?? call.from?.national ?? "withheld number"
    }
}
