import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// `secretary absence import`: a practitioner's own calendar (an .ics file) turned into
/// absences, so the service never books over it.
struct AbsenceImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Turn a practitioner's own calendar (.ics) into absences for those times.",
        discussion: """
            Each event holding time becomes an absence; recurring ones (RRULE DAILY or WEEKLY, with EXDATE and \
            moved occurrences) over the next --months. Importing the same calendar again changes nothing; an \
            event moved since follows. Cancelled and free (TRANSP:TRANSPARENT) events are left out. The events' \
            titles stay private: the absences read "agenda personnel". Appointments already booked in those \
            times are listed, to move.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var choice: AgendaChoice
    @Argument(help: ArgumentHelp("The iCalendar file.", valueName: "file.ics")) var file: String
    @Option(help: "How many months ahead recurring events are expanded.") var months = 6

    func run() throws {
        _ = try choice.clientID()
        guard (1...24).contains(months) else {
            throw SecretaryCore.ValidationError(field: "months", value: "\(months)", reason: "use 1 to 24")
        }
        guard let data = FileManager.default.contents(atPath: file), data.count <= 50 * 1024 * 1024 else {
            throw SecretaryCore.ValidationError(field: "file", value: file, reason: "cannot be read (or larger than 50 MB)")
        }
        let (store, me) = try global.signedIn(Self.auditName)
        let (client, agenda) = try choice.resolve(in: store)
        let events: [ICalendarEvent]
        do {
            events = try ICalendarReader.events(in: String(decoding: data, as: UTF8.self), zone: client.calendar.timeZone)
        } catch let error as LineError {
            throw error.inFile(file)
        }
        let now = store.now
        let horizon = now.addingTimeInterval(TimeInterval(months) * 31 * 86_400)
        let busy = BusyTimes.occurrences(of: events, now: now, horizon: horizon)
        let result = try store.importBusyTimes(busy, agendaID: agenda.id, reason: "agenda personnel", by: me.identity)
        print("\(agenda.name): \(result.added) absences added, \(result.updated) moved, \(result.unchanged) unchanged "
              + "(\(events.count) events in \(file), up to \(client.calendar.localDate(of: horizon))).")
        if !result.overlapping.isEmpty {
            let calendar = client.calendar
            print("Already booked in those times, to move:")
            printTable(result.overlapping.map { ["\($0.id)", calendar.spoken($0.start), $0.contactName, $0.typeName] })
        }
    }
}
