import Foundation
import GRDB
import SecretaryCore

// Reading an agenda for calendars outside: every appointment of a span, cancelled ones
// included, with the revision and time of its last change.

extension Store {
    /// The agenda's appointments starting in `window` (all statuses) and its absences
    /// overlapping it, ready to write as iCalendar.
    public func calendarExport(agendaID: Int64, window: DateInterval, privacy: ExportPrivacy) throws -> CalendarExport {
        try read { db in
            let agenda = try Store.agenda(id: agendaID, in: db)
            let client = try Store.client(agenda.clientID, in: db)
            return CalendarExport(client: client, agenda: agenda,
                                  appointments: try Store.exportedAppointments(agendaID: agendaID, window: window, in: db),
                                  absences: try Store.absences(agendaID: agendaID, overlapping: window, in: db), privacy: privacy)
        }
    }

    static func exportedAppointments(agendaID: Int64, window: DateInterval, in db: Database) throws -> [ExportedAppointment] {
        let span: StatementArguments = [agendaID, window.start.stored, window.end.stored]
        let inSpan = " WHERE appointment.agenda_id = ? AND appointment.start_at >= ? AND appointment.start_at < ?"
        var changes: [Int64: (revision: Int, modified: Int64?)] = [:]
        let changeRows = try Row.fetchCursor(db, sql: "SELECT id, revision, modified_at FROM appointment" + inSpan, arguments: span)
        while let row = try changeRows.next() { changes[row[0]] = (row[1], row[2]) }
        var found: [ExportedAppointment] = []
        let rows = try Row.fetchCursor(db, sql: entrySelect + inSpan + " ORDER BY appointment.start_at, appointment.id", arguments: span)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let details: AppointmentDetails
            do {
                details = try entry(from: row)
            } catch {
                throw StoreError("damaged row: table appointment, row \(id): its times or client are not valid")
            }
            let change = changes[id]
            found.append(ExportedAppointment(
                details: details, revision: change?.revision ?? 0,
                modifiedAt: change?.modified.map(Date.init(stored:)) ?? details.bookedAt ?? details.start))
        }
        return found
    }
}
