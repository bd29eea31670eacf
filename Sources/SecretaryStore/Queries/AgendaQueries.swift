import Foundation
import GRDB
import SecretaryCore

// Reading an agenda: which agenda a user means, what is booked in it, the week grid, and
// the next free slots.

extension Store {
    /// The agenda `text` names for `client`: its id, or its name (accent- and case-blind,
    /// whole or a unique part: `hugo` finds `Dr Hugo Martin`); nil or empty: the client's
    /// first agenda.
    public func agenda(of client: ClientID, named text: String? = nil) throws -> Agenda {
        try read { try Store.agenda(of: client, named: text, in: $0) }
    }

    static func agenda(of client: ClientID, named text: String?, in db: Database) throws -> Agenda {
        _ = try Store.client(client, in: db)
        let agendas = try Agenda.fetchAll(db, sql: "SELECT * FROM agenda WHERE client_id = ? ORDER BY position, id",
                                          arguments: [client.rawValue])
        guard let first = agendas.first else { throw StoreError("client '\(client)' has no agenda") }
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return first }
        if let id = Int64(text), let byID = agendas.first(where: { $0.id == id }) { return byID }
        let wanted = SearchText.fold(text)
        if let exact = agendas.first(where: { SearchText.fold($0.name) == wanted }) { return exact }
        let partial = agendas.filter { SearchText.fold($0.name).contains(wanted) }
        if partial.count == 1 { return partial[0] }
        let names = agendas.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
        throw StoreError(partial.isEmpty ? "client '\(client)' has no agenda '\(text)': its agendas are \(names)"
                                         : "'\(text)' names several agendas of '\(client)': \(names)")
    }

    static func agenda(id: Int64, in db: Database) throws -> Agenda {
        guard let agenda = try Agenda.fetchOne(db.cachedStatement(sql: "SELECT * FROM agenda WHERE id = ?"), arguments: [id]) else {
            throw StoreError("unknown agenda \(id)")
        }
        return agenda
    }

    /// The client's appointment type `text` names: its id, or its name accent- and
    /// case-blind (`premiere consultation`), or a unique beginning of it (`prem`).
    public func appointmentType(of client: ClientID, named text: String) throws -> AppointmentType {
        try read { try Store.appointmentType(of: client, named: text, in: $0) }
    }

    static func appointmentType(of client: ClientID, named text: String, in db: Database) throws -> AppointmentType {
        let types = try AppointmentType.fetchAll(db, sql: "SELECT * FROM appointment_type WHERE client_id = ? ORDER BY position, id",
                                                 arguments: [client.rawValue])
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = Int64(trimmed), let byID = types.first(where: { $0.id == id }) { return byID }
        let wanted = SearchText.fold(trimmed)
        if let exact = types.first(where: { SearchText.fold($0.name) == wanted }) { return exact }
        let partial = types.filter { SearchText.fold($0.name).hasPrefix(wanted) }
        if partial.count == 1, !wanted.isEmpty { return partial[0] }
        let names = types.isEmpty ? "it has none" : "its types are " + types.map(\.name).joined(separator: ", ")
        throw StoreError("client '\(client)' has no appointment type '\(text)': \(names)")
    }

    static func appointmentType(id: Int64, in db: Database) throws -> AppointmentType {
        guard let type = try AppointmentType.fetchOne(db, sql: "SELECT * FROM appointment_type WHERE id = ?", arguments: [id]) else {
            throw StoreError("unknown appointment type \(id)")
        }
        return type
    }

    /// Sets a practitioner's own hours (nil: the client's). Each range must lie within the
    /// client's hours that day.
    public func setHours(_ hours: WeeklyHours?, ofAgenda agendaID: Int64, by identity: Identity) throws {
        try write(by: identity) { db, trail in
            let agenda = try Store.agenda(id: agendaID, in: db)
            let client = try Store.client(agenda.clientID, in: db)
            for (weekday, ranges) in hours?.days ?? [:] {
                let allowed = client.hours.ranges(on: weekday)
                for range in ranges where !allowed.contains(where: { $0.contains(range) }) {
                    throw ValidationError(field: "agenda hours", value: "\(weekday.key) \(range)",
                                          reason: "outside \(client.name)'s hours (\(weekday.key) \(TimeRange.spoken(allowed)))")
                }
            }
            try db.execute(sql: "UPDATE agenda SET hours = ? WHERE id = ?", arguments: [hours?.description, agendaID])
            trail.record("set-hours", "agenda", "\(agendaID)", hours?.description ?? "client's hours")
        }
    }

    // MARK: - Schedules and weeks

    /// What is known of an agenda from local midnight of `first` to the end of `last`.
    public func schedule(agendaID: Int64, from first: LocalDate, through last: LocalDate) throws -> AgendaSchedule {
        try read { db in
            let agenda = try Store.agenda(id: agendaID, in: db)
            let client = try Store.client(agenda.clientID, in: db)
            return try Store.schedule(client: client, agenda: agenda, from: first, through: last, in: db)
        }
    }

    /// The week holding `date` (any day of it), laid out for the console.
    public func weekGrid(agendaID: Int64, week date: LocalDate) throws -> WeekGrid {
        let monday = date.mondayOfWeek
        return WeekGrid(schedule: try schedule(agendaID: agendaID, from: monday, through: monday.adding(days: 5)), week: monday)
    }

    static func schedule(client: Client, agenda: Agenda, from first: LocalDate, through last: LocalDate,
                         in db: Database) throws -> AgendaSchedule {
        let window = AgendaSchedule.window(from: first, through: last, calendar: client.calendar)
        return AgendaSchedule(client: client, agenda: agenda, window: window,
                              entries: try entries(agendaID: agenda.id, overlapping: window, in: db),
                              absences: try absences(agendaID: agenda.id, overlapping: window, in: db))
    }

    /// Appointments holding time in `window`, with names, by start. The lower bound on
    /// `start_at` lets SQLite walk the `appointment_agenda` index over a few days instead of
    /// the agenda's whole history (no appointment lasts a day); that index holds every
    /// column read here, so no appointment row is visited.
    static func entries(agendaID: Int64, overlapping window: DateInterval, in db: Database) throws -> [AppointmentDetails] {
        try Array(Row.fetchCursor(db.cachedStatement(sql: weekEntries), arguments: weekEntriesArguments(agendaID, window))
            .map(entry(from:)))
    }

    static let weekEntries = entrySelect + """
         WHERE appointment.agenda_id = ? AND appointment.start_at >= ? AND appointment.start_at < ?
          AND appointment.end_at > ? AND appointment.status != 'cancelled'
        ORDER BY appointment.start_at
        """

    static func weekEntriesArguments(_ agendaID: Int64, _ window: DateInterval) -> StatementArguments {
        [agendaID, window.start.stored - 86_400, window.end.stored, window.start.stored]
    }

    /// An appointment with its contact's and type's names; `entry(from:)` reads the columns
    /// by position (by name, each of the fifteen lookups walks the column list).
    static let entrySelect = """
        SELECT appointment.id, appointment.client_id, appointment.agenda_id, appointment.contact_id,
               appointment.type_id, appointment.start_at, appointment.end_at, appointment.status, appointment.note,
               appointment.cancel_reason, appointment.created_at, appointment.created_by,
               appointment.contact_name, appointment_type.name, appointment_type.colour
        FROM appointment
        JOIN appointment_type ON appointment_type.id = appointment.type_id
        """

    static func entry(from row: Row) throws -> AppointmentDetails {
        let appointment = try Appointment(
            id: row[0], clientID: ClientID(row[1] as String), agendaID: row[2], contactID: row[3], typeID: row[4],
            start: Date(stored: row[5]), end: Date(stored: row[6]),
            status: AppointmentStatus(rawValue: row[7]) ?? .booked, note: row[8], cancelReason: row[9])
        return AppointmentDetails(appointment: appointment, contactName: row[12], typeName: row[13], colour: row[14],
                                  bookedAt: (row[10] as Int64?).map(Date.init(stored:)), bookedBy: row[11])
    }

    // MARK: - Free slots

    /// The next `count` free slots for an appointment of `typeID` in the agenda, from `from`
    /// (default now), never in the past. Searches a week, then further out up to a year.
    public func freeSlots(agendaID: Int64, typeID: Int64, from: Date? = nil, count: Int = 5) throws -> [DateInterval] {
        try read { db in
            let agenda = try Store.agenda(id: agendaID, in: db)
            let client = try Store.client(agenda.clientID, in: db)
            let type = try Store.appointmentType(id: typeID, in: db)
            guard type.clientID == client.id else {
                throw StoreError("appointment type \(type.name) is not one of \(client.name)'s")
            }
            let now = clock.now()
            let start = max(from ?? now, now)
            let firstDay = client.calendar.localDate(of: start)
            var found: [DateInterval] = []
            for days in [7, 35, 120, 400] {
                let schedule = try Store.schedule(client: client, agenda: agenda, from: firstDay,
                                                  through: firstDay.adding(days: days - 1), in: db)
                found = FreeSlots.next(count, minutes: type.minutes, from: start, in: schedule, now: now)
                if found.count >= count { break }
            }
            return found
        }
    }
}
