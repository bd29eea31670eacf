import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct WaitlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waitlist", abstract: "An agenda's waiting list: people who want an earlier slot.",
        subcommands: [Add.self, List.self], defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Put a contact on the waiting list.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var choice: AgendaChoice
        @Option(help: ArgumentHelp("The contact's id.", valueName: "id")) var contact: String
        @Option(help: ArgumentHelp("The appointment type wanted (name or id).", valueName: "type")) var type: String?
        @Option(help: ArgumentHelp("Days and times that suit, like 'mon-wed fri 08:00-12:00'; default any.", valueName: "text"))
        var when: String = ""
        @Option(help: "A note.") var note: String = ""

        func run() throws {
            _ = try choice.clientID()
            let contactID = try parseID(contact, "contact id")
            let preferences = try WaitlistPreferences(parsing: when)
            let (store, me) = try global.signedIn(Self.auditName)
            let (client, agenda) = try choice.resolve(in: store)
            let typeID = try type.map { try store.appointmentType(of: client.id, named: $0).id }
            let entry = try store.addToWaitlist(agendaID: agenda.id, contactID: contactID, typeID: typeID,
                                                preferences: preferences, note: note, by: me.identity)
            print(entry.id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the open entries, oldest first.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var choice: AgendaChoice

        func run() throws {
            _ = try choice.clientID()
            let (store, me) = try global.signedIn(Self.auditName, .readOnly)
            let (client, agenda) = try choice.resolve(in: store)
            let entries = try store.waitlist(agendaID: agenda.id)
            try store.recordRead(by: me.identity, objectType: "waitlist", objectIDs: ["\(agenda.id)"], details: "waitlist list")
            if entries.isEmpty { return print("Nobody on \(agenda.name)'s waiting list.") }
            printTable([["ID", "CONTACT", "TYPE", "WHEN", "SINCE", "NOTE"]] + entries.map {
                ["\($0.id)", $0.contactName, $0.typeName ?? "any", $0.preferences.description.isEmpty ? "any" : $0.preferences.description,
                 client.calendar.localDate(of: $0.createdAt).dayMonthYear, $0.note]
            })
        }
    }
}
