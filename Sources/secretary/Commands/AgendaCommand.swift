import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "Print one agenda's week, Monday to Saturday.",
        discussion: "Times are the client's local time. Appointment ids are listed under the grid, for `move` and `cancel`.",
        subcommands: [AgendaExportCommand.self])

    @OptionGroup var global: GlobalOptions
    @OptionGroup var choice: AgendaChoice
    @Option(help: ArgumentHelp("The week: 2026-W48, or any date in it (2026-11-25); default this week.", valueName: "week"))
    var week: String?
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        _ = try choice.clientID()
        let typedWeek = try week.map(Self.monday(of:))
        let (store, me) = try global.signedIn(Self.auditName, .readOnly)
        let (client, agenda) = try choice.resolve(in: store)
        let monday = typedWeek ?? client.calendar.localDate(of: store.now).mondayOfWeek
        let schedule = try store.schedule(agendaID: agenda.id, from: monday, through: monday.adding(days: 5))
        let grid = WeekGrid(schedule: schedule, week: monday)
        try store.recordRead(by: me.identity, objectType: "agenda", objectIDs: ["\(agenda.id)"], details: "agenda week of \(monday)")
        if json { return try printJSON(WeekJSON(schedule: schedule, grid: grid)) }
        print(WeekText.render(schedule: schedule, grid: grid, today: client.calendar.localDate(of: store.now)))
    }

    static func monday(of text: String) throws -> LocalDate {
        if text.uppercased().contains("W") { return try LocalDate(isoWeek: text) }
        do {
            return try LocalDate(parsing: text).mondayOfWeek
        } catch {
            throw SecretaryCore.ValidationError(field: "week", value: text, reason: "expected YYYY-Www (2026-W48) or a date (2026-11-25)")
        }
    }
}

/// The week for scripts: days with their hours, appointments and absences in local time.
struct WeekJSON: Encodable {
    struct Day: Encodable {
        let date: String, weekday: String
        let hours: [String]
        let holiday: String?
    }
    struct Entry: Encodable {
        let id: Int64
        let start, end: String
        let contactID: Int64
        let contact: String
        let typeID: Int64
        let type: String
        let colour: Int
        let status: String
        let note: String
    }
    struct Away: Encodable {
        let id: Int64
        let start, end, reason: String
    }
    let client: String, agenda: String
    let agendaID: Int64
    let timeZone: String
    let week: String
    let slotMinutes: Int
    let days: [Day]
    let appointments: [Entry]
    let absences: [Away]

    init(schedule: AgendaSchedule, grid: WeekGrid) {
        let calendar = schedule.calendar
        let iso = grid.monday.isoWeek
        client = schedule.client.id.rawValue
        agenda = schedule.agenda.name
        agendaID = schedule.agenda.id
        timeZone = schedule.client.timeZoneIdentifier
        week = String(format: "%04d-W%02d", iso.year, iso.week)
        slotMinutes = grid.slotMinutes
        days = grid.days.map { Day(date: $0.date.description, weekday: $0.date.weekday.key,
                                   hours: $0.ranges.map(\.description), holiday: $0.holiday) }
        appointments = schedule.entries.map {
            Entry(id: $0.id, start: calendar.stamp($0.start), end: calendar.stamp($0.end), contactID: $0.appointment.contactID,
                  contact: $0.contactName, typeID: $0.appointment.typeID, type: $0.typeName, colour: $0.colour,
                  status: $0.status.rawValue, note: $0.appointment.note)
        }
        absences = schedule.absences.map {
            Away(id: $0.id, start: calendar.stamp($0.start), end: calendar.stamp($0.end), reason: $0.reason)
        }
    }
}
