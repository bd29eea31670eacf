import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

extension MessagesCommand {
    /// What the dispatch tried for one message: each delivery and each of its tries.
    struct Deliveries: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deliveries",
            abstract: "Show a message's deliveries (e-mail, SMS) and every try with the sender's answer.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The message id.") var id: Int64

        func run() throws {
            let (store, me) = try global.signedIn(Self.auditName, .readOnly)
            let message = try store.message(id: id)
            try store.recordRead(by: me.identity, objectType: "message", objectIDs: ["\(id)"], details: "messages deliveries")
            let calendar = try store.client(message.clientID).calendar
            func local(_ date: Date) -> String { calendar.localDateTime(of: date).description.replacingOccurrences(of: "T", with: " ") }
            let deliveries = try store.deliveries(message: id)
            if deliveries.isEmpty { return print("Message \(id) has no deliveries (its client routes none of this kind).") }
            for delivery in deliveries {
                let step = delivery.step.map { " (on call, step \($0 + 1))" } ?? ""
                let digest = delivery.isDigest ? " in the digest of \(local(delivery.dueAt))" : ""
                print("delivery \(delivery.id): \(delivery.channel.rawValue) to \(Terminal.safe(delivery.recipient))"
                      + "\(step)\(digest): \(delivery.status.rawValue)"
                      + (delivery.segments.map { ", \($0) SMS segment\($0 == 1 ? "" : "s")" } ?? "")
                      + (delivery.channel == .sms && delivery.status == .queued && delivery.attempts == 0
                         ? " (waits for a worker with --sms-command: none may be configured)" : ""))
                for attempt in try store.deliveryAttempts(delivery: delivery.id) {
                    print("  \(local(attempt.at))  \(attempt.outcome)  \(Terminal.safe(attempt.answer))")
                }
            }
        }
    }

    /// The board check: what did not reach the client, so someone phones.
    struct Board: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "board",
            abstract: "List the messages on the supervisors' board: undelivered, or urgent and acknowledged by nobody on call.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        struct Entry: Encodable {
            let message: MessagesCommand.Row
            let clientName: String
            let since: Date
        }

        func run() throws {
            let (store, me) = try global.signedIn(Self.auditName, .readOnly)
            let entries = try store.board(by: me.identity)
            try store.recordRead(by: me.identity, objectType: "messages", objectIDs: [],
                                 details: "messages board: \(entries.count) shown")
            if json { return try printJSON(entries.map { Entry(message: Row($0.message, deliveries: $0.deliveries), clientName: $0.clientName, since: $0.since) }) }
            if entries.isEmpty { return print("The board is empty: every message went out or was acknowledged.") }
            printTable([["ID", "CLIENT", "FROM", "CALL BACK", "TRIED"]] + entries.map { entry in
                ["\(entry.message.id)" + (entry.message.isUrgent ? " URGENT" : ""), Terminal.safe(entry.clientName),
                 Terminal.safe(entry.message.callerName), entry.message.callbackNumber?.national ?? "",
                 entry.deliveries.isEmpty ? "nobody on call" : entry.deliveries.map { delivery in
                     "\(delivery.channel.rawValue) \(Terminal.safe(delivery.recipient)) \(delivery.status.rawValue)"
                 }.joined(separator: "; ")]
            })
        }
    }

    /// After fixing an address in the client's file: send the failed deliveries again.
    struct Resend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resend",
            abstract: "Send a message's failed deliveries again, to the addresses the client's file now gives.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The message id.") var id: Int64

        func run() throws {
            let (store, me) = try global.signedIn(Self.auditName)
            let count = try store.resend(message: id, by: me.identity)
            print("Message \(id): \(count) deliver\(count == 1 ? "y" : "ies") queued again.")
        }
    }
}

/// Text from rows, printed to a terminal: control characters shown as `?`.
enum Terminal {
    static func safe(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? "?" : Character($0) })
    }
}
