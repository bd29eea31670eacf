import Foundation
import GRDB
import SecretaryCore

/// An absence just recorded, and the appointments already booked in it: the operator has
/// to call those contacts to move them (the absence does not cancel anything by itself).
public struct AbsenceAdded: Sendable {
    public let absence: Absence
    public let affected: [AppointmentDetails]
}

extension Store {
    /// Records that the agenda's practitioner is away from `start` to `end`.
    @discardableResult
    public func addAbsence(agendaID: Int64, from start: Date, to end: Date, reason: String,
                           by identity: Identity) throws -> AbsenceAdded {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else {
            throw ValidationError(field: "reason", value: reason, reason: "say why the practitioner is away")
        }
        var absence = try Absence(agendaID: agendaID, start: start, end: end, reason: why)
        return try write(by: identity) { db, trail in
            let agenda = try Store.agenda(id: agendaID, in: db)
            let client = try Store.client(agenda.clientID, in: db)
            try db.execute(sql: "INSERT INTO absence (agenda_id, start_at, end_at, reason) VALUES (?, ?, ?, ?)",
                           arguments: [agendaID, start.stored, end.stored, why])
            absence.id = db.lastInsertedRowID
            trail.record("create", "absence", "\(absence.id)",
                         "\(agenda.name) away \(client.calendar.spoken(start)) to \(client.calendar.spoken(end)): \(why)")
            let affected = try Store.entries(agendaID: agendaID, overlapping: absence.interval, in: db)
                .filter { $0.status == .booked }
            return AbsenceAdded(absence: absence, affected: affected)
        }
    }

    /// The agenda's absences that end after `from` (default: all), by start.
    public func absences(agendaID: Int64, endingAfter from: Date? = nil) throws -> [Absence] {
        try read { db in
            _ = try Store.agenda(id: agendaID, in: db)
            return try Absence.fetchAll(db, sql: "SELECT * FROM absence WHERE agenda_id = ? AND end_at > ? ORDER BY start_at, id",
                                        arguments: [agendaID, from?.stored ?? Int64.min])
        }
    }

    /// Removes an absence recorded by mistake.
    public func removeAbsence(_ id: Int64, by identity: Identity) throws {
        try write(by: identity) { db, trail in
            guard let absence = try Absence.fetchOne(db, sql: "SELECT * FROM absence WHERE id = ?", arguments: [id]) else {
                throw RuleViolation(.notFound, "there is no absence \(id)")
            }
            try db.execute(sql: "DELETE FROM absence WHERE id = ?", arguments: [id])
            trail.record("delete", "absence", "\(id)", "agenda \(absence.agendaID): \(absence.reason)")
        }
    }

    static func absences(agendaID: Int64, overlapping window: DateInterval, in db: Database) throws -> [Absence] {
        try Absence.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM absence WHERE agenda_id = ? AND start_at < ? AND end_at > ? ORDER BY start_at, id
            """), arguments: [agendaID, window.end.stored, window.start.stored])
    }
}

/// What importing a practitioner's calendar did.
public struct BusyTimesImported: Sendable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Booked appointments that share time with an imported busy time, to move.
    public var overlapping: [AppointmentDetails] = []
}

extension Store {
    /// Turns busy times into absences of the agenda, in one transaction. A busy time already
    /// imported (same event, same occurrence) is left alone, or follows its event's new times.
    public func importBusyTimes(_ busy: [BusyTime], agendaID: Int64, reason: String, by identity: Identity) throws -> BusyTimesImported {
        try write(by: identity) { db, trail in
            _ = try Store.agenda(id: agendaID, in: db)
            var result = BusyTimesImported()
            var overlapping: [Int64: AppointmentDetails] = [:]
            for time in busy {
                let existing = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT absence.id, absence.start_at, absence.end_at FROM absence_source
                    JOIN absence ON absence.id = absence_source.absence_id
                    WHERE absence_source.agenda_id = ? AND absence_source.source_key = ?
                    """), arguments: [agendaID, time.key])
                if let existing {
                    let id: Int64 = existing[0]
                    if (existing[1] as Int64, existing[2] as Int64) == (time.start.stored, time.end.stored) {
                        result.unchanged += 1
                        continue
                    }
                    try db.execute(sql: "UPDATE absence SET start_at = ?, end_at = ? WHERE id = ?",
                                   arguments: [time.start.stored, time.end.stored, id])
                    result.updated += 1
                } else {
                    try db.execute(sql: "INSERT INTO absence (agenda_id, start_at, end_at, reason) VALUES (?, ?, ?, ?)",
                                   arguments: [agendaID, time.start.stored, time.end.stored, reason])
                    let id = db.lastInsertedRowID
                    try db.execute(sql: "INSERT INTO absence_source (absence_id, agenda_id, source_key) VALUES (?, ?, ?)",
                                   arguments: [id, agendaID, time.key])
                    result.added += 1
                }
                for entry in try Store.entries(agendaID: agendaID, overlapping: DateInterval(start: time.start, end: time.end), in: db)
                    where entry.status == .booked {
                    overlapping[entry.id] = entry
                }
            }
            result.overlapping = overlapping.values.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            trail.record("import", "absence", "agenda \(agendaID)",
                         "\(result.added) added, \(result.updated) updated, \(result.unchanged) unchanged")
            return result
        }
    }
}
