import Foundation

public enum DeliveryStatus: String, CaseIterable, Sendable {
    /// Waiting for its due time or a worker.
    case queued
    /// Claimed by a worker, being sent.
    case sending
    case sent
    /// Given up: refused for good, or too many tries.
    case failed
    /// Not needed any more (the message was acknowledged before its escalation went out).
    case cancelled
}

/// One send of a message to one recipient by one channel, as the outbox keeps it.
public struct Delivery: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var messageID: Int64
    public var clientID: ClientID
    public var channel: DeliveryChannel
    public var recipient: String
    public var address: String
    public var isDigest: Bool
    public var step: Int?
    public var status: DeliveryStatus
    public var dueAt: Date
    public var attempts: Int
    public var sentAt: Date?
    /// The sender's last answer (`sendmail: exit 0`, the SMS command's message).
    public var answer: String
    /// SMS segments billed, once sent.
    public var segments: Int?

    public init(id: Int64, messageID: Int64, clientID: ClientID, channel: DeliveryChannel, recipient: String,
                address: String, isDigest: Bool, step: Int?, status: DeliveryStatus, dueAt: Date, attempts: Int,
                sentAt: Date?, answer: String, segments: Int?) {
        self.id = id
        self.messageID = messageID
        self.clientID = clientID
        self.channel = channel
        self.recipient = recipient
        self.address = address
        self.isDigest = isDigest
        self.step = step
        self.status = status
        self.dueAt = dueAt
        self.attempts = attempts
        self.sentAt = sentAt
        self.answer = answer
        self.segments = segments
    }

    /// `email sent`, `sms queued`: for a message's line.
    public var summary: String { "\(channel.rawValue) \(status.rawValue)" }

    /// A message's deliveries on one line: `email sent, sms failed`; `-` when there are none.
    public static func overview(_ deliveries: [Delivery]) -> String {
        var seen: [String] = []
        for delivery in deliveries where !seen.contains(delivery.summary) { seen.append(delivery.summary) }
        return seen.isEmpty ? "-" : seen.joined(separator: ", ")
    }
}

/// What a sender said about one try.
public enum DeliveryOutcome: Hashable, Sendable {
    case sent(String)
    /// Try again later (a temporary failure: EX_TEMPFAIL, a server away).
    case retry(String)
    /// Refused for good: a bad address, the command saying so.
    case failed(String)

    public var answer: String {
        switch self {
        case .sent(let text), .retry(let text), .failed(let text): text
        }
    }

    public var name: String {
        switch self {
        case .sent: "sent"
        case .retry: "retry"
        case .failed: "failed"
        }
    }

    /// A sender's exit status, as the sendmail interface and the SMS command report it
    /// (sysexits.h): 0 sent, EX_TEMPFAIL (75) and the transient ones later, anything else failed.
    public static func fromExitStatus(_ status: Int32, answer: String) -> DeliveryOutcome {
        switch status {
        case 0: .sent(answer)
        case 75: .retry(answer)
        default: .failed(answer)
        }
    }
}

/// One send a worker claimed: a message (or, for a digest, the period's messages in the order
/// they were taken) for one recipient by one channel.
public struct DeliveryJob: Sendable {
    public let deliveries: [Delivery]
    public let messages: [(message: Message, takenBy: String)]
    public let clientName: String
    public let country: Country
    public let calendar: LocalCalendar

    public init(deliveries: [Delivery], messages: [(message: Message, takenBy: String)], clientName: String,
                country: Country, calendar: LocalCalendar) {
        self.deliveries = deliveries
        self.messages = messages
        self.clientName = clientName
        self.country = country
        self.calendar = calendar
    }

    public var first: Delivery { deliveries[0] }
    public var channel: DeliveryChannel { first.channel }

    /// Derived from the delivery, so a retried send carries the same id and the receiver can
    /// tell it is the same mail.
    public func messageID(domain: String) -> String {
        if first.isDigest {
            return "digest-\(first.id)-\(deliveries.count).client-\(first.clientID)@\(domain)"
        }
        return "delivery-\(first.id).message-\(first.messageID)@\(domain)"
    }

    /// The e-mail to send, from `from` (`Secrétariat <secretariat@example.fr>` or a bare address).
    public func mail(from: String, at now: Date) -> MailText {
        let domain = from.split(separator: "@").last.map { String($0.prefix { $0 != ">" }) } ?? "localhost"
        let subject: String
        let body: String
        if first.isDigest {
            subject = MessageMail.digestSubject(count: messages.count, clientName: clientName)
            body = MessageMail.digestBody(messages: messages, clientName: clientName, calendar: calendar)
        } else {
            subject = MessageMail.subject(message: messages[0].message, clientName: clientName)
            body = MessageMail.body(message: messages[0].message, clientName: clientName, takenBy: messages[0].takenBy,
                                    calendar: calendar)
        }
        return MailText(from: from, toName: first.recipient, toAddress: first.address, subject: subject, date: now,
                        messageID: messageID(domain: domain), body: body)
    }

    /// The SMS text (no health detail).
    public var smsText: String { SmsText.text(message: messages[0].message, clientName: clientName, country: country) }
}
