import Foundation

/// A message on the supervisors' board: undelivered, or urgent and acknowledged by nobody
/// on call, with what was tried, so someone phones the client.
public struct BoardEntry: Hashable, Sendable, Identifiable {
    public let message: Message
    public let clientName: String
    public let since: Date
    public let deliveries: [Delivery]
    public var id: Int64 { message.id }

    public init(message: Message, clientName: String, since: Date, deliveries: [Delivery]) {
        self.message = message
        self.clientName = clientName
        self.since = since
        self.deliveries = deliveries
    }
}
