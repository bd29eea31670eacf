import Foundation
import GRDB
import SecretaryCore

// Reading an agenda for calendars outside: every appointment of a span, cancelled ones
// included, with the revision and time of its last change.

extension Store {
    /// The agenda's appointments starting in `window` (all statuses) and its absences
    /// overlapping it, ready to write as iCalendar.
    public func calendarExport(agendaID: Int64, window: DateInterval, privacy: ExportPrivacy, by identity: Identity) throws -> CalendarExport {
        try read(by: identity, needs: .administer) { db in
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

// MARK: - CalDAV settings and what was pushed

extension Store {
    static func saveCalDAV(_ settings: CalDAVSettings?, of client: ClientID, in db: Database) throws {
        guard let settings else {
            return try db.execute(sql: "DELETE FROM caldav_account WHERE client_id = ?", arguments: [client.rawValue])
        }
        try db.execute(sql: """
            INSERT INTO caldav_account (client_id, url, user, password_file) VALUES (?, ?, ?, ?)
            ON CONFLICT (client_id) DO UPDATE SET url = excluded.url, user = excluded.user, password_file = excluded.password_file
            """, arguments: [client.rawValue, settings.url, settings.user, settings.passwordFile])
    }

    static func calDAV(of client: ClientID, in db: Database) throws -> CalDAVSettings? {
        guard let row = try Row.fetchOne(db, sql: "SELECT url, user, password_file FROM caldav_account WHERE client_id = ?",
                                         arguments: [client.rawValue]) else { return nil }
        do {
            return try CalDAVSettings(url: row[0], user: row[1], passwordFile: row[2])
        } catch {
            throw StoreError("damaged row: table caldav_account, row \(client.rawValue): its settings are not valid")
        }
    }

    /// The clients whose agendas are pushed to CalDAV, with their settings.
    public func calDAVClients() throws -> [(ClientID, CalDAVSettings)] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT client_id FROM caldav_account ORDER BY client_id").compactMap { id in
                let client = try ClientID(id)
                return try Store.calDAV(of: client, in: db).map { (client, $0) }
            }
        }
    }

    public func calDAV(of client: ClientID) throws -> CalDAVSettings? {
        try read { try Store.calDAV(of: client, in: $0) }
    }
}

extension Store {
    /// What a sync of the agenda works from: its appointments starting in `window` and those
    /// it pushed before (where they are now, in any status), and what it pushed.
    public func calendarSyncState(agendaID: Int64, window: DateInterval, privacy: ExportPrivacy) throws
        -> (export: CalendarExport, pushed: [PushedEvent]) {
        try read { db in
            let agenda = try Store.agenda(id: agendaID, in: db)
            let client = try Store.client(agenda.clientID, in: db)
            var pushed: [PushedEvent] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT uid, appointment_id, href, etag, revision FROM caldav_event WHERE agenda_id = ? ORDER BY uid
                """, arguments: [agendaID])
            while let row = try rows.next() {
                pushed.append(PushedEvent(uid: row[0], appointmentID: row[1], href: row[2], etag: row[3], revision: row[4]))
            }
            var appointments = try Store.exportedAppointments(agendaID: agendaID, window: window, in: db)
            let known = Set(appointments.map(\.details.id))
            for event in pushed where !known.contains(event.appointmentID) {
                appointments += try Store.exportedAppointment(id: event.appointmentID, in: db).map { [$0] } ?? []
            }
            return (CalendarExport(client: client, agenda: agenda, appointments: appointments, absences: [], privacy: privacy), pushed)
        }
    }

    static func exportedAppointment(id: Int64, in db: Database) throws -> ExportedAppointment? {
        guard let row = try Row.fetchOne(db, sql: "SELECT agenda_id, start_at FROM appointment WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let start = Date(stored: row[1])
        return try exportedAppointments(agendaID: row[0], window: DateInterval(start: start, duration: 1), in: db)
            .first { $0.details.id == id }
    }

    /// Records that the server holds `event` for the agenda.
    public func recordPushed(_ event: PushedEvent, agendaID: Int64, by identity: Identity) throws {
        try write(by: identity, needs: .administer) { db, trail in
            try db.execute(sql: """
                INSERT INTO caldav_event (agenda_id, uid, appointment_id, href, etag, revision) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (agenda_id, uid) DO UPDATE SET href = excluded.href, etag = excluded.etag, revision = excluded.revision
                """, arguments: [agendaID, event.uid, event.appointmentID, event.href, event.etag, event.revision])
            trail.record("caldav-put", "appointment", "\(event.appointmentID)", "agenda \(agendaID), revision \(event.revision)")
        }
    }

    /// Records that the server no longer holds the event.
    public func forgetPushed(_ event: PushedEvent, agendaID: Int64, by identity: Identity) throws {
        try write(by: identity, needs: .administer) { db, trail in
            try db.execute(sql: "DELETE FROM caldav_event WHERE agenda_id = ? AND uid = ?", arguments: [agendaID, event.uid])
            trail.record("caldav-delete", "appointment", "\(event.appointmentID)", "agenda \(agendaID)")
        }
    }
}
