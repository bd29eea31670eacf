import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct AbsenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "absence", abstract: "Record or list a practitioner's absences; nothing is booked in them.",
        subcommands: [Add.self, List.self, AbsenceImportCommand.self], defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record an absence; lists the appointments already booked in it, to move.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var choice: AgendaChoice
        @Option(help: ArgumentHelp("The first moment away, local time; a date alone means from its start.",
                                   valueName: "YYYY-MM-DD[THH:MM]"))
        var from: String
        @Option(help: ArgumentHelp("The end, local time; a date alone means to its end.", valueName: "YYYY-MM-DD[THH:MM]"))
        var to: String
        @Option(help: "Why (holiday, training, congress).") var reason: String

        func run() throws {
            _ = try choice.clientID()
            let start = try TypedTime(from, field: "from"), end = try TypedTime(to, field: "to")
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw SecretaryCore.ValidationError(field: "reason", value: reason, reason: "say why the practitioner is away")
            }
            let (store, me) = try global.signedIn(Self.auditName)
            let (client, agenda) = try choice.resolve(in: store)
            let calendar = client.calendar
            let added = try store.addAbsence(agendaID: agenda.id, from: start.instant(in: calendar),
                                             to: end.instant(in: calendar, endOfDay: true), reason: reason,
                                             by: me.identity)
            print("Absence \(added.absence.id): \(agenda.name) away from \(calendar.spoken(added.absence.start)) "
                  + "to \(calendar.spoken(added.absence.end)) (\(added.absence.reason)).")
            if !added.affected.isEmpty {
                print("Already booked in it, to move:")
                printTable(added.affected.map { ["\($0.id)", calendar.spoken($0.start), $0.contactName, $0.typeName] })
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List an agenda's absences that have not ended.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var choice: AgendaChoice
        @Flag(help: "Include the absences that have ended.") var all = false
        @Flag(help: "Print JSON for scripts.") var json = false

        struct Row: Encodable {
            let id: Int64
            let start, end, reason: String
        }

        func run() throws {
            _ = try choice.clientID()
            let (store, me) = try global.signedIn(Self.auditName, .readOnly)
            let (client, agenda) = try choice.resolve(in: store)
            let calendar = client.calendar
            let absences = try store.absences(agendaID: agenda.id, endingAfter: all ? nil : store.now)
            try store.recordRead(by: me.identity, objectType: "absences", objectIDs: ["\(agenda.id)"], details: "absence list")
            if json {
                return try printJSON(absences.map { Row(id: $0.id, start: calendar.stamp($0.start), end: calendar.stamp($0.end), reason: $0.reason) })
            }
            if absences.isEmpty { return print("No absence for \(agenda.name).") }
            printTable([["ID", "FROM", "TO", "REASON"]] + absences.map {
                ["\($0.id)", calendar.spoken($0.start), calendar.spoken($0.end), $0.reason]
            })
        }
    }
}
