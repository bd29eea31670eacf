import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

extension ContactsCommand {
    /// GDPR article 15: everything held about one person.
    struct ExportPerson: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print everything held about one person: contact, calls, messages, appointments, waiting list, who read it.",
            discussion: "Text to read, or --json for a document to hand to the person. The export is recorded in the audit log.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact id (see `secretary contacts find`).") var id: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws { try Self.export(global: global, id: id, json: json) }

        /// `contacts export ID`: the one `contacts export` command hands a contact id here.
        static func export(global: GlobalOptions, id: String, json: Bool) throws {
            let contactID = try parseID(id, "contact id")
            let (store, me) = try global.signedIn(Self.auditName)
            let record = try store.personRecord(contact: contactID, by: me.identity)
            try store.recordPersonExport(contact: contactID, by: me.identity)
            if json { return try printJSON(record) }
            print(PersonText.lines(record).joined(separator: "\n"))
        }
    }

    /// GDPR article 17: erase one person, keep the agenda's taken times.
    struct ErasePerson: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase",
            abstract: "Erase one person's data; their appointments keep the slot, unnamed.",
            discussion: """
                Removes the contact, its numbers and notes, the caller's details on their calls and messages, \
                and their waiting-list entries. --confirm repeats the id, so a \
                typing slip erases nobody.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact id.") var id: String
        @Option(help: "The same contact id again.") var confirm: String

        func run() throws {
            let contactID = try parseID(id, "contact id")
            guard (try? parseID(confirm, "confirm")) == contactID else {
                throw SecretaryCore.ValidationError(field: "confirm", value: confirm, reason: "must repeat the contact id \(contactID)")
            }
            let (store, me) = try global.signedIn(Self.auditName)
            let erasure = try store.erasePerson(contact: contactID, by: me.identity)
            print("Erased contact \(contactID): \(erasure.appointmentsKept) appointments kept unnamed, "
                  + "\(erasure.callsCleared) calls and \(erasure.messagesCleared) messages cleared, "
                  + "\(erasure.waitlistRemoved) waiting-list entries and \(erasure.callbacksRemoved) call-backs removed.")
        }
    }
}

/// The text form of a person's record, one fact a line. What came from the database is
/// stripped of control characters before it reaches the terminal.
enum PersonText {
    static func lines(_ record: PersonRecord) -> [String] {
        let contact = record.contact
        var out = [
            "Personal data held about contact \(contact.id) (client \(clean(contact.client)))",
            "",
            "Name: \(clean(contact.firstName)) \(clean(contact.lastName))",
            "Numbers: \(contact.phones.map(clean).joined(separator: ", "))",
            "Email: \(clean(contact.email ?? "-"))",
            "Notes: \(clean(contact.notes))",
            "Blacklisted: \(contact.blacklisted ? "yes" : "no")",
            "Recorded since: \(iso(contact.createdAt))",
            "",
            "Calls (\(record.calls.count)):",
        ]
        out += record.calls.map {
            "  \($0.local)  \(clean($0.from ?? "withheld"))  \($0.status)\($0.outcome.map { ", \($0)" } ?? "")"
                + ($0.note.isEmpty ? "" : "  note: \(clean($0.note))") + ($0.operatorLogin.map { "  (\(clean($0)))" } ?? "")
        }
        out += ["", "Messages (\(record.messages.count)):"]
        out += record.messages.map {
            "  \($0.local)  \($0.status)\($0.urgent ? ", urgent" : "")  from \(clean($0.callerName))"
                + "  \(clean($0.reason))  \(clean($0.text))"
        }
        out += ["", "Appointments (\(record.appointments.count)):"]
        out += record.appointments.map {
            "  \($0.local)  \(clean($0.type)) with \(clean($0.agenda))  \($0.status)" + ($0.note.isEmpty ? "" : "  note: \(clean($0.note))")
        }
        out += ["", "Waiting list (\(record.waitingList.count)):"]
        out += record.waitingList.map {
            "  since \(iso($0.createdAt))  \(clean($0.agenda))  \(clean($0.preferences))" + ($0.closedAt == nil ? "" : " (closed)")
        }
        out += ["", "Call-backs (\(record.callbacks.count)):"]
        out += record.callbacks.map {
            "  \($0.local)  \(clean($0.number))  \($0.missedCalls) missed  \($0.status)" + ($0.lastOutcome.map { "  last: \(clean($0))" } ?? "")
        }
        out += ["", "Who read this record (\(record.readBy.count)):"]
        out += record.readBy.map { "  \($0.local)  \(clean($0.by))" }
        return out
    }

    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
