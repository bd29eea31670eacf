import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct ContactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Find a client's contacts (callers); import or export them; export or erase one person's data.",
        subcommands: [Find.self, ContactsImportCommand.self, ContactsExportCommand.self, ErasePerson.self])

    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "find",
            abstract: "Find contacts by phone number (any format) or by name (accent-blind prefix).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "A phone number (06 12 34 56 78, +33612345678...) or part of a name (lefe, mar dup).")
        var text: String
        @Option(help: "The client id (see `secretary clients`).") var client: String
        @Flag(help: "Print JSON for scripts.") var json = false

        struct Row: Encodable {
            let id: Int64
            let lastName, firstName: String
            let phones: [String]
            let email: String?
            let notes: String
            let blacklisted: Bool
        }

        func run() throws { try Self.run(global, text: text, client: client, json: json) }

        static func run(_ global: some CommandEnvironment, text: String, client: String, json: Bool) throws {
            let clientID = try ClientID(client)
            let (store, me) = try global.signedIn(auditName, .readOnly)
            let found = try store.findContacts(text, client: clientID)
            try store.recordRead(by: me.identity, objectType: "contact", objectIDs: found.map { "\($0.id)" },
                                 details: "contacts find")
            if json {
                return try printJSON(found.map {
                    Row(id: $0.id, lastName: $0.lastName, firstName: $0.firstName, phones: $0.phones.map(\.e164),
                        email: $0.email, notes: $0.notes, blacklisted: $0.isBlacklisted)
                })
            }
            if found.isEmpty { return print("No contact of \(clientID) matches '\(text)'.") }
            printTable(found.map {
                ["\($0.id)", $0.lastName, $0.firstName, $0.phones.map(\.national).joined(separator: ", "),
                 $0.isBlacklisted ? "BLACKLISTED" : ""]
            })
        }
    }
}
