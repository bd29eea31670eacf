import Foundation

/// Which messages a rule applies to: an urgent one, a medical question sent on to the
/// practitioner, the alert after the emergency script, or any other.
public enum MessageKind: String, CaseIterable, Sendable {
    case normal, urgent, medicalQuestion = "medical question", emergency

    public init(_ message: Message) {
        if message.tags.contains(MessageTag.emergency) { self = .emergency }
        else if message.tags.contains(MessageTag.medicalQuestion) { self = .medicalQuestion }
        else if message.isUrgent { self = .urgent }
        else { self = .normal }
    }

    /// The kind whose routes apply when a client gave none for this one.
    public var fallback: MessageKind? {
        switch self {
        case .emergency: .urgent
        case .urgent, .medicalQuestion: .normal
        case .normal: nil
        }
    }

    /// Urgent messages go down the rota until someone acknowledges them.
    public var escalates: Bool { self == .urgent || self == .emergency }
}

public enum DeliveryChannel: String, CaseIterable, Sendable {
    case email, sms
}

/// Someone who receives messages for a client: a practitioner, the practice's secretary.
public struct Recipient: Hashable, Sendable {
    public let name: String
    public let email: String?
    public let mobile: PhoneNumber?

    public func address(for channel: DeliveryChannel) -> String? {
        switch channel {
        case .email: email
        case .sms: mobile?.e164
        }
    }
}

/// When a route's messages leave: at once, or gathered into one e-mail at set local times.
public enum RouteTiming: Hashable, Sendable {
    case atOnce
    case digest(times: [TimeOfDay], everyDay: Bool)
}

/// Which kind of message goes to whom (a recipient, or whoever is on call), by which channels.
public struct Route: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        case recipient(String)
        case onCall
    }

    public let kind: MessageKind
    public let target: Target
    public let channels: [DeliveryChannel]
    public let timing: RouteTiming
}

/// Who receives a client's messages, how and when: the recipients, routing and on-call lines
/// of its client file. Part of the *cahier des charges*: each version of the instructions
/// carries its own.
public struct DispatchSettings: Hashable, Sendable {
    public var recipients: [Recipient]
    public var routes: [Route]
    public var rota: OnCallRota

    public init(recipients: [Recipient] = [], routes: [Route] = [], rota: OnCallRota = OnCallRota()) {
        self.recipients = recipients
        self.routes = routes
        self.rota = rota
    }

    /// A plain `local@domain.tld`, with nothing a mail header could be split on.
    public static func isMailAddress(_ text: String) -> Bool { DispatchLineParser.isMailAddress(text) }

    public var isEmpty: Bool { recipients.isEmpty && routes.isEmpty && rota.isEmpty }

    /// The client file's fields that describe dispatch, in the order they are written.
    public static let fields = ["recipient", "route", "on call", "escalate after"]
    static let repeatable: Set<String> = ["recipient", "route", "on call"]

    public func recipient(named name: String) -> Recipient? {
        recipients.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The routes that apply to `kind`: its own, or its fallback's when it has none.
    public func routes(for kind: MessageKind) -> [Route] {
        var current: MessageKind? = kind
        while let each = current {
            let found = routes.filter { $0.kind == each }
            if !found.isEmpty { return found }
            current = each.fallback
        }
        return []
    }

    /// The lines as a client file writes them (and as the store keeps them), in order.
    public var fieldLines: [(key: String, value: String)] {
        var lines: [(String, String)] = recipients.map { recipient in
            ("recipient", ([recipient.name] + [recipient.email, recipient.mobile?.e164].compactMap { $0 }).joined(separator: ", "))
        }
        lines += routes.map { ("route", DispatchLineParser.text(of: $0)) }
        lines += rota.shifts.map { ("on call", $0.description) }
        lines += rota.overrides.map { ("on call", $0.description) }
        if !rota.isEmpty || rota.escalateAfterMinutes != OnCallRota.defaultEscalation {
            lines.append(("escalate after", "\(rota.escalateAfterMinutes) min"))
        }
        return lines
    }

    /// What `newer` changes, line by line, for the client's history.
    public func changes(to newer: DispatchSettings) -> [LineChange] {
        text == newer.text ? [] : LineChange.diff(text, newer.text)
    }

    /// The stored form: one `field: value` a line.
    public var text: String { fieldLines.map { "\($0.key): \($0.value)" }.joined(separator: "\n") }

    /// Reads the stored form back.
    public init(text: String) throws {
        var fields: [(key: String, value: String, line: Int)] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            guard let colon = line.range(of: ": ") ?? line.range(of: ":") else {
                throw LineError(line: index + 1, field: "line", "expected 'field: value'")
            }
            fields.append((String(line[..<colon.lowerBound]), String(line[colon.upperBound...]), index + 1))
        }
        self = try DispatchSettings(fields: fields)
    }

    /// Reads the dispatch lines of a client file; errors name the line and the field.
    public init(fields: [(key: String, value: String, line: Int)], country: Country = .fr) throws {
        self = try DispatchLineParser.settings(fields, country: country)
    }
}
