import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct MessagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages", abstract: "List, take and pass on the messages left for clients.",
        discussion: "A message goes new → transmitted (to the client) → acknowledged (by the client).",
        subcommands: [List.self, Add.self, MarkTransmitted.self, Acknowledge.self, Deliveries.self, Board.self, Resend.self],
        defaultSubcommand: List.self)

    struct Row: Encodable {
        let id: Int64
        let client: String
        let createdAt: Date
        let callerName: String
        let callbackNumber: String?
        let reason, text, status: String
        let urgent: Bool
        let tags: [String]
        let transmittedAt, acknowledgedAt: Date?
        /// `email sent`, `sms queued`: what the dispatch did with it.
        let deliveries: [String]

        init(_ message: Message, deliveries: [Delivery] = []) {
            self.deliveries = deliveries.map(\.summary)
            id = message.id
            client = message.clientID.rawValue
            createdAt = message.createdAt
            callerName = message.callerName
            callbackNumber = message.callbackNumber?.e164
            reason = message.reason
            text = message.text
            status = message.status.rawValue
            urgent = message.isUrgent
            tags = message.tags
            transmittedAt = message.transmittedAt
            acknowledgedAt = message.acknowledgedAt
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List messages, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this client's messages.") var client: String?
        @Option(help: "Only messages in this status: new, transmitted or acknowledged.") var status: String?
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let clientID = try client.map(ClientID.init)
            let status = try status.map(MessageStatus.init(parsing:))
            let (store, me) = try global.signedIn(Self.auditName, .readOnly)
            let messages = try store.messages(client: clientID, status: status)
            try store.recordRead(by: me.identity, objectType: "messages", objectIDs: [],
                                 details: "messages list: \(clientID?.rawValue ?? "all clients"), \(messages.count) shown")
            let deliveries = try store.deliveries(messages: messages.map(\.id))
            if json { return try printJSON(messages.map { Row($0, deliveries: deliveries[$0.id] ?? []) }) }
            if messages.isEmpty { return print("No messages.") }
            let zones = Dictionary(uniqueKeysWithValues: try store.clients().map { ($0.id, $0.calendar) })
            printTable([["ID", "CLIENT", "TAKEN", "FROM", "CALL BACK", "STATUS", "SENT", "REASON"]] + messages.map { message in
                let taken = zones[message.clientID].map { $0.localDateTime(of: message.createdAt).description } ?? ""
                return ["\(message.id)", message.clientID.rawValue, taken.replacingOccurrences(of: "T", with: " "),
                        message.callerName, message.callbackNumber?.national ?? "",
                        (message.isUrgent ? "URGENT " : "") + message.status.rawValue,
                        Delivery.overview(deliveries[message.id] ?? []),
                        ([message.reason] + message.tags.map { "[\($0)]" }).filter { !$0.isEmpty }.joined(separator: " ")]
            })
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Take a message for a client.",
            discussion: """
                The text and the reason are checked for medical advice: a refused text exits non-zero, \
                names the phrase and the rule, and writes nothing. The caller's own words may be quoted \
                in « », " " or “ ”: they are not checked. A message naming an emergency term \
                (« douleur thoracique », "can't breathe") is refused unless it is marked --urgent.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The client id.") var client: String
        @Option(help: "The caller's name.") var fromName: String
        @Option(help: "The number to call back (any format).") var phone: String
        @Option(help: "The message.") var text: String
        @Option(help: "Why the caller called (a few words).") var reason: String = ""
        @Flag(help: "Mark the message urgent (required when it names an emergency term).") var urgent = false
        @Option(help: "A tag, like \"medical question\" (repeatable).") var tag: [String] = []

        func run() throws {
            let clientID = try ClientID(client)
            let (store, me) = try global.signedIn(Self.auditName)
            let country = try store.client(clientID).country
            let draft = MessageDraft(clientID: clientID, callerName: fromName, callbackNumber: try PhoneNumber(phone, country: country),
                                     reason: reason, text: text, isUrgent: urgent, tags: tag)
            _ = try draft.message(createdAt: Date())  // sizes and control characters, before the text is quoted back
            try EmergencyTriage.enforceUrgent(draft, country: country)
            let message = try store.addMessage(draft, by: me.identity)
            print("Message \(message.id) for \(clientID) saved\(message.isUrgent ? " (urgent)" : "").")
        }
    }

    struct MarkTransmitted: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark-transmitted", abstract: "Record that messages were passed on to their client (all or none).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Message ids.") var ids: [Int64]

        func run() throws {
            let (store, me) = try global.signedIn(Self.auditName)
            let done = try store.markTransmitted(ids, by: me.identity)
            print("Transmitted: " + done.map { "\($0.id)" }.joined(separator: ", ") + ".")
        }
    }

    struct Acknowledge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "acknowledge",
            abstract: "Record that the client has read transmitted messages (all or none).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Message ids.") var ids: [Int64]

        func run() throws {
            let (store, me) = try global.signedIn(Self.auditName)
            let done = try store.acknowledge(ids, by: me.identity)
            print("Acknowledged: " + done.map { "\($0.id)" }.joined(separator: ", ") + ".")
        }
    }
}
