import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct FreeSlotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "free-slots", abstract: "List the next free slots for an appointment type.",
        discussion: "Skips closed time, lunch breaks, Sundays, public holidays, absences and booked time; times are the client's local time.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var choice: AgendaChoice
    @Option(help: ArgumentHelp("The appointment type, by name (accent- and case-blind) or id.", valueName: "type")) var type: String
    @Option(help: ArgumentHelp("Search from this local time (default now).", valueName: "YYYY-MM-DDTHH:MM")) var from: String?
    @Option(help: "How many slots.") var count: Int = 5
    @Flag(help: "Print JSON for scripts.") var json = false

    struct Slot: Encodable { let start, end: String }

    func run() throws {
        _ = try choice.clientID()
        let typedFrom = try from.map { try TypedTime($0) }
        guard (1...500).contains(count) else {
            throw SecretaryCore.ValidationError(field: "count", value: "\(count)", reason: "use 1 to 500")
        }
        let (store, _) = try global.signedIn(Self.auditName, .readOnly)
        let (client, agenda) = try choice.resolve(in: store)
        let appointmentType = try store.appointmentType(of: client.id, named: type)
        let calendar = client.calendar
        let slots = try store.freeSlots(agendaID: agenda.id, typeID: appointmentType.id,
                                        from: typedFrom?.instant(in: calendar), count: count)
        if json { return try printJSON(slots.map { Slot(start: calendar.stamp($0.start), end: calendar.stamp($0.end)) }) }
        if slots.isEmpty { return print("No free slot for \(appointmentType.name) in \(agenda.name)'s agenda within a year.") }
        printTable(slots.map { [calendar.localDate(of: $0.start).spoken, calendar.spokenSpan($0)] })
    }
}
