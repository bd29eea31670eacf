import ArgumentParser
import CalDAVClient
import Foundation
import SecretaryCore
import SecretaryStore

/// `secretary absence import`: a practitioner's own calendar (an .ics file, or a CalDAV
/// calendar by its URL) turned into absences, so the service never books over it.
struct AbsenceImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Turn a practitioner's own calendar (.ics file or CalDAV URL) into absences for those times.",
        discussion: """
            Each event holding time becomes an absence; recurring ones (RRULE DAILY or WEEKLY, with EXDATE and \
            moved occurrences) over the next --months. Importing the same calendar again changes nothing; an \
            event moved since follows. Cancelled and free (TRANSP:TRANSPARENT) events are left out. The events' \
            titles stay private: the absences read "agenda personnel". Appointments already booked in those \
            times are listed, to move. A CalDAV calendar (an http:// or https:// URL) is read with a \
            calendar-query over the same months, as the user of --caldav-user and --caldav-password-file, or \
            else of the client file's caldav lines.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var choice: AgendaChoice
    @Argument(help: ArgumentHelp("The iCalendar file, or the CalDAV calendar's URL.", valueName: "file.ics|url")) var file: String
    @Option(help: "How many months ahead recurring events are expanded.") var months = 6
    @Option(help: "The CalDAV user (default: the client file's caldav user).") var caldavUser: String?
    @Option(help: "A 0600 file holding the CalDAV password (default: the client file's).") var caldavPasswordFile: String?

    var isURL: Bool { file.hasPrefix("http://") || file.hasPrefix("https://") }

    func run() throws {
        _ = try choice.clientID()
        guard (1...24).contains(months) else {
            throw SecretaryCore.ValidationError(field: "months", value: "\(months)", reason: "use 1 to 24")
        }
        let data = isURL ? nil : FileManager.default.contents(atPath: file)
        guard isURL || (data?.count ?? .max) <= 50 * 1024 * 1024 else {
            throw SecretaryCore.ValidationError(field: "file", value: file, reason: "cannot be read (or larger than 50 MB)")
        }
        let (store, me) = try global.signedIn(Self.auditName)
        let (client, agenda) = try choice.resolve(in: store)
        let now = store.now
        let horizon = now.addingTimeInterval(TimeInterval(months) * 31 * 86_400)
        let calendars = try data.map { [String(decoding: $0, as: UTF8.self)] } ?? fetch(client.id, from: now, to: horizon, store: store)
        var events: [ICalendarEvent] = []
        do {
            for text in calendars { events += try ICalendarReader.events(in: text, zone: client.calendar.timeZone) }
        } catch let error as LineError {
            throw error.inFile(file)
        }
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

    /// The events of the CalDAV calendar at `file` between the two instants.
    private func fetch(_ client: ClientID, from start: Date, to end: Date, store: Store) throws -> [String] {
        guard let url = URL(string: file), url.host != nil else {
            throw SecretaryCore.ValidationError(field: "url", value: file, reason: "is not a URL")
        }
        let settings = try store.calDAV(of: client)
        guard let user = caldavUser ?? settings?.user, let passwordFile = caldavPasswordFile ?? settings?.passwordFile else {
            throw SecretaryCore.ValidationError(field: "url", value: file,
                                                reason: "needs --caldav-user and --caldav-password-file (the client file has no caldav lines)")
        }
        let collection = CalDAVCollection(url: url, user: user, password: try CalendarSyncCommand.password(from: passwordFile))
        return try collection.calendarData(from: start, to: end)
    }
}
