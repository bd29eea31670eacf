import Foundation
import GRDB
import SecretaryCore

// The waiting list (*liste d'attente*) of each agenda: people who want an earlier
// appointment than the ones free. An entry stays open until it is booked or removed.

extension Store {
    /// Puts a contact on an agenda's waiting list.
    @discardableResult
    public func addToWaitlist(agendaID: Int64, contactID: Int64, typeID: Int64? = nil,
                              preferences: WaitlistPreferences = .any, note: String = "",
                              by identity: Identity) throws -> WaitlistEntry {
        try write(by: identity) { db, trail in
            let agenda = try Store.agenda(id: agendaID, in: db)
            guard let contact = try Store.contacts(ids: [contactID], in: db).first, contact.clientID == agenda.clientID else {
                throw RuleViolation(.notFound, "agenda \(agenda.name) has no contact \(contactID)")
            }
            if let typeID {
                let type = try Store.appointmentType(id: typeID, in: db)
                guard type.clientID == agenda.clientID else {
                    throw StoreError("appointment type \(type.name) is not offered by this agenda's client")
                }
            }
            try db.execute(sql: """
                INSERT INTO waitlist (agenda_id, contact_id, type_id, preferences, note, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [agendaID, contactID, typeID, preferences.description, note, trail.at.stored])
            let id = db.lastInsertedRowID
            trail.record("create", "waitlist", "\(id)", "\(agenda.name): contact \(contact.id) \(preferences)")
            return try Store.waitlist(agendaID: agendaID, in: db).first { $0.id == id }!
        }
    }

    /// The open entries of an agenda's waiting list, oldest first.
    public func waitlist(agendaID: Int64) throws -> [WaitlistEntry] {
        try read { try Store.waitlist(agendaID: agendaID, in: $0) }
    }

    /// Removes an entry (the person found another slot, or no longer wants one).
    public func closeWaitlistEntry(_ id: Int64, reason: String, by identity: Identity) throws {
        try write(by: identity) { db, trail in
            guard let agendaID = try Int64.fetchOne(db, sql: "SELECT agenda_id FROM waitlist WHERE id = ?", arguments: [id]) else {
                throw RuleViolation(.notFound, "there is no waiting-list entry \(id)")
            }
            try Store.closeWaitlistEntry(id, agendaID: agendaID, in: db, at: trail.at)
            trail.record("close", "waitlist", "\(id)", reason)
        }
    }

    /// The waiting-list entries that could take `freed` (a cancelled appointment's time, or
    /// any free stretch), each with the slot to propose, first come first served. The freed
    /// time is widened over the free time around it within the day's hours.
    public func waitlistMatches(agendaID: Int64, freed: DateInterval) throws -> [WaitlistMatch] {
        try read { db in
            let agenda = try Store.agenda(id: agendaID, in: db)
            let client = try Store.client(agenda.clientID, in: db)
            let stretch = try Store.freeStretch(around: freed, client: client, agenda: agenda, now: clock.now(), in: db)
            return try Store.waitlistMatches(agenda: agenda, client: client, freed: stretch, in: db)
        }
    }

    static func waitlistMatches(agenda: Agenda, client: Client, freed: DateInterval, in db: Database) throws -> [WaitlistMatch] {
        guard freed.duration > 0 else { return [] }
        return WaitlistMatch.matches(try waitlist(agendaID: agenda.id, in: db), freed: freed,
                                     slotMinutes: client.slotMinutes, calendar: client.calendar)
    }

    static func waitlist(agendaID: Int64, in db: Database) throws -> [WaitlistEntry] {
        try Row.fetchAll(db, sql: """
            SELECT waitlist.*, contact.first_name, contact.last_name,
                   appointment_type.name AS type_name, appointment_type.minutes
            FROM waitlist
            JOIN contact ON contact.id = waitlist.contact_id
            LEFT JOIN appointment_type ON appointment_type.id = waitlist.type_id
            WHERE waitlist.agenda_id = ? AND waitlist.closed_at IS NULL
            ORDER BY waitlist.created_at, waitlist.id
            """, arguments: [agendaID]).map { row in
            let first: String = row["first_name"], last: String = row["last_name"]
            return WaitlistEntry(
                id: row["id"], agendaID: row["agenda_id"], contactID: row["contact_id"],
                contactName: first.isEmpty ? last : "\(first) \(last)", typeID: row["type_id"],
                typeName: row["type_name"], minutes: row["minutes"],
                preferences: try WaitlistPreferences(parsing: row["preferences"]), note: row["note"],
                createdAt: row.date("created_at"))
        }
    }

    static func closeWaitlistEntry(_ id: Int64, agendaID: Int64, in db: Database, at now: Date) throws {
        try db.execute(sql: "UPDATE waitlist SET closed_at = ? WHERE id = ? AND agenda_id = ? AND closed_at IS NULL",
                       arguments: [now.stored, id, agendaID])
        guard db.changesCount == 1 else {
            throw RuleViolation(.notFound, "waiting-list entry \(id) is not open on this agenda")
        }
    }
}
