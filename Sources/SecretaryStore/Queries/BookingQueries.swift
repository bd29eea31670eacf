import Foundation
import GRDB
import SecretaryCore

/// What a cancellation freed, and who on the waiting list could take it.
public struct Cancellation: Sendable {
    public let appointment: AppointmentDetails
    /// The free stretch around the cancelled appointment, within that day's hours.
    public let freed: DateInterval
    public let waitlistMatches: [WaitlistMatch]
}

// Booking, moving, cancelling and no-shows. Each runs the booking rules INSIDE its one
// write transaction, on the agenda as it is at that moment (GRDB opens write transactions
// with BEGIN IMMEDIATE, so another terminal's booking either committed before this
// transaction began and is seen, or waits until this one ends). Two terminals booking the
// same slot: one wins, the other is told the slot was just taken, and nothing else moves.

extension Store {
    /// An appointment, with names, whatever its status.
    public func appointment(id: Int64) throws -> AppointmentDetails {
        try read { try Store.appointment(id: id, in: $0) }
    }

    static func appointment(id: Int64, in db: Database) throws -> AppointmentDetails {
        guard let row = try Row.fetchOne(db, sql: entrySelect + " WHERE appointment.id = ?", arguments: [id]) else {
            throw RuleViolation(.notFound, "there is no appointment \(id)")
        }
        return try entry(from: row)
    }

    /// Books an appointment, or throws the `RuleViolation` that refuses it (nothing written).
    @discardableResult
    public func book(_ request: BookingRequest, by identity: Identity) throws -> AppointmentDetails {
        try write(by: identity) { db, trail in
            let agenda = try Store.agenda(id: request.agendaID, in: db)
            let client = try Store.client(agenda.clientID, in: db)
            let type = try Store.appointmentType(id: request.typeID, in: db)
            guard type.clientID == client.id else {
                throw StoreError("appointment type \(type.name) is not one of \(client.name)'s")
            }
            try Store.enforceNoAdvice(request.note, field: "appointment note", client: client.id, in: db)
            var contact = try Store.bookingContact(request.contact, client: client, in: db)
            let schedule = try Store.schedule(around: request.start, client: client, agenda: agenda, in: db)
            try Store.checked(BookingRules(schedule: schedule, now: trail.at), start: request.start,
                              minutes: type.minutes, contact: contact)

            if contact.id == 0 {
                contact = try Store.insert(contact, at: trail.at, in: db)
                trail.record("create", "contact", "\(contact.id)", "for \(client.id), while booking")
            }
            let end = request.start.addingTimeInterval(TimeInterval(type.minutes * 60))
            try db.execute(sql: """
                INSERT INTO appointment (client_id, agenda_id, contact_id, type_id, start_at, end_at, status, note,
                                         created_at, created_by, contact_name)
                VALUES (?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?)
                """, arguments: [client.id.rawValue, agenda.id, contact.id, type.id, request.start.stored, end.stored,
                                 request.note, trail.at.stored, identity.login, contact.displayName])
            let id = db.lastInsertedRowID
            trail.record("book", "appointment", "\(id)",
                         "\(agenda.name): contact \(contact.id), \(type.name), \(client.calendar.spoken(request.start))")
            if let waiting = request.waitlistEntryID {
                try Store.closeWaitlistEntry(waiting, agendaID: agenda.id, in: db, at: trail.at)
                trail.record("close", "waitlist", "\(waiting)", "booked as appointment \(id)")
            }
            return try Store.appointment(id: id, in: db)
        }
    }

    /// Moves a booked appointment to `start` (keeping its length), in the same agenda or in
    /// `agendaID` of the same client. One UPDATE in one transaction: the appointment is never
    /// in both places, nor in neither.
    @discardableResult
    public func move(_ appointmentID: Int64, to start: Date, agendaID: Int64? = nil, by identity: Identity) throws -> AppointmentDetails {
        try write(by: identity) { db, trail in
            let current = try Store.appointment(id: appointmentID, in: db)
            let old = current.appointment
            let client = try Store.client(old.clientID, in: db)
            let calendar = client.calendar
            guard old.status == .booked else {
                throw RuleViolation(.conflict, "appointment \(appointmentID) is \(old.status.rawValue): only a booked appointment can be moved")
            }
            guard old.start >= trail.at else {
                throw RuleViolation(.inThePast, "appointment \(appointmentID) was on \(calendar.spoken(old.start)), in the past: it cannot be moved")
            }
            let agenda = try Store.agenda(id: agendaID ?? old.agendaID, in: db)
            guard agenda.clientID == client.id else {
                throw StoreError("agenda \(agenda.name) is not one of \(client.name)'s")
            }
            guard let contact = try Store.contacts(ids: [old.contactID], in: db).first else {
                throw RuleViolation(.notFound, "the contact of appointment \(appointmentID) no longer exists")
            }
            let minutes = Int(old.end.timeIntervalSince(old.start) / 60)
            let schedule = try Store.schedule(around: start, client: client, agenda: agenda, in: db)
            try Store.checked(BookingRules(schedule: schedule, now: trail.at), start: start, minutes: minutes,
                              contact: contact, moving: appointmentID)
            try db.execute(sql: "UPDATE appointment SET agenda_id = ?, start_at = ?, end_at = ?, modified_at = ? WHERE id = ?",
                           arguments: [agenda.id, start.stored, start.addingTimeInterval(TimeInterval(minutes * 60)).stored,
                                       trail.at.stored, appointmentID])
            let whereTo = agenda.id == old.agendaID ? "" : " (\(agenda.name))"
            trail.record("move", "appointment", "\(appointmentID)",
                         "from \(calendar.spoken(old.start)) to \(calendar.spoken(start))\(whereTo)")
            return try Store.appointment(id: appointmentID, in: db)
        }
    }

    /// Cancels a booked appointment that has not started, with the reason given, and
    /// returns the waiting-list entries that fit the freed time.
    @discardableResult
    public func cancel(_ appointmentID: Int64, reason: String, by identity: Identity) throws -> Cancellation {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else {
            throw ValidationError(field: "reason", value: reason, reason: "say why the appointment is cancelled")
        }
        return try write(by: identity) { db, trail in
            let current = try Store.appointment(id: appointmentID, in: db)
            let client = try Store.client(current.appointment.clientID, in: db)
            guard current.status == .booked else {
                throw RuleViolation(.conflict, "appointment \(appointmentID) is already \(current.status.rawValue)")
            }
            guard current.start >= trail.at else {
                throw RuleViolation(.inThePast, "appointment \(appointmentID) started on \(client.calendar.spoken(current.start)): "
                                    + "too late to cancel it; mark a no-show instead")
            }
            try Store.enforceNoAdvice(why, field: "cancellation reason", client: client.id, in: db)
            try db.execute(sql: "UPDATE appointment SET status = 'cancelled', cancel_reason = ?, modified_at = ? WHERE id = ?",
                           arguments: [why, trail.at.stored, appointmentID])
            trail.record("cancel", "appointment", "\(appointmentID)",
                         "contact \(current.appointment.contactID), \(client.calendar.spoken(current.start)): \(why)")
            let agenda = try Store.agenda(id: current.appointment.agendaID, in: db)
            let freed = try Store.freeStretch(around: current.interval, client: client, agenda: agenda, now: trail.at, in: db)
            let matches = try Store.waitlistMatches(agenda: agenda, client: client, freed: freed, in: db)
            return Cancellation(appointment: try Store.appointment(id: appointmentID, in: db), freed: freed,
                                waitlistMatches: matches)
        }
    }

    /// Records that the contact did not come. Only for a booked appointment that has started.
    @discardableResult
    public func markNoShow(_ appointmentID: Int64, by identity: Identity) throws -> AppointmentDetails {
        try write(by: identity) { db, trail in
            let current = try Store.appointment(id: appointmentID, in: db)
            let client = try Store.client(current.appointment.clientID, in: db)
            guard current.status == .booked else {
                throw RuleViolation(.conflict, "appointment \(appointmentID) is \(current.status.rawValue): only a booked appointment can be a no-show")
            }
            guard current.start <= trail.at else {
                throw RuleViolation(.conflict, "appointment \(appointmentID) is on \(client.calendar.spoken(current.start)): "
                                    + "a no-show is marked once it has started")
            }
            try db.execute(sql: "UPDATE appointment SET status = 'no-show', modified_at = ? WHERE id = ?",
                           arguments: [trail.at.stored, appointmentID])
            trail.record("no-show", "appointment", "\(appointmentID)", "contact \(current.appointment.contactID), \(client.calendar.spoken(current.start))")
            return try Store.appointment(id: appointmentID, in: db)
        }
    }

    // MARK: - Inside the write transaction

    /// The agenda around `start`: its local day, read now, in this transaction.
    static func schedule(around start: Date, client: Client, agenda: Agenda, in db: Database) throws -> AgendaSchedule {
        let day = client.calendar.localDate(of: start)
        return try schedule(client: client, agenda: agenda, from: day, through: day, in: db)
    }

    /// Runs the rules; a collision with an appointment booked moments ago (by another
    /// terminal, while this operator was looking at the free slot) is worded as such.
    static func checked(_ rules: BookingRules, start: Date, minutes: Int, contact: Contact, moving: Int64? = nil) throws {
        do {
            try rules.check(start: start, minutes: minutes, contact: contact, moving: moving)
        } catch let violation as RuleViolation where violation.rule == .overlapsAppointment {
            let wanted = DateInterval(start: start, duration: TimeInterval(minutes * 60))
            guard let taken = rules.schedule.entries(overlapping: wanted, except: moving).first,
                  let bookedAt = taken.bookedAt, rules.now.timeIntervalSince(bookedAt) < 5 * 60 else { throw violation }
            let who = taken.bookedBy.map { " by \($0)" } ?? ""
            throw RuleViolation(.overlapsAppointment,
                                "the slot was just taken\(who): \(taken.contactName), \(rules.schedule.calendar.spokenSpan(taken.interval)) "
                                + "on \(rules.schedule.calendar.localDate(of: taken.start).spoken); pick another slot")
        }
    }

    /// The contact a booking is for; a new, unsaved one (id 0) when a number is unknown and
    /// a name was given.
    static func bookingContact(_ wanted: BookingContact, client: Client, in db: Database) throws -> Contact {
        switch wanted {
        case .existing(let id):
            guard let contact = try contacts(ids: [id], in: db).first, contact.clientID == client.id else {
                throw RuleViolation(.notFound, "\(client.name) has no contact \(id)")
            }
            return contact
        case .phone(let number, let name):
            let found = try contacts(phone: number, client: client.id, in: db)
            if found.count == 1 { return found[0] }
            if found.count > 1 {
                let list = found.map { "\($0.displayName) (\($0.id))" }.joined(separator: ", ")
                throw RuleViolation(.conflict, "several contacts of \(client.id) have the number \(number.national): \(list); choose one by id")
            }
            guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                throw RuleViolation(.notFound, "no contact of \(client.id) has the number \(number.national); give a name to create one")
            }
            var words = name.split(separator: " ").map(String.init)
            let last = words.removeLast()
            return try Contact(clientID: client.id, lastName: last, firstName: words.joined(separator: " "), phones: [number])
        }
    }

    /// The free time around `interval` within its open range: widened back to the previous
    /// appointment (or absence, or opening) and forward to the next, never before `now`.
    static func freeStretch(around interval: DateInterval, client: Client, agenda: Agenda, now: Date,
                            in db: Database) throws -> DateInterval {
        let schedule = try schedule(around: interval.start, client: client, agenda: agenda, in: db)
        let calendar = schedule.calendar
        let date = calendar.localDate(of: interval.start)
        guard let open = schedule.openIntervals(on: date).first(where: { $0.overlaps(interval) }) else { return interval }
        let busy = schedule.entries.map(\.interval) + schedule.absences.map(\.interval)
        var start = busy.filter { $0.end <= interval.start }.map(\.end).max().map { max($0, open.start) } ?? open.start
        let end = busy.filter { $0.start >= interval.end }.map(\.start).min().map { min($0, open.end) } ?? open.end
        if start < now {
            // Round up to the grid: a slot proposed from now starts on a row boundary.
            let slot = TimeInterval(client.slotMinutes * 60)
            let midnight = calendar.instant(date, try TimeOfDay(minutes: 0))
            start = midnight.addingTimeInterval((now.timeIntervalSince(midnight) / slot).rounded(.up) * slot)
        }
        return DateInterval(start: start, end: max(start, end))
    }
}
