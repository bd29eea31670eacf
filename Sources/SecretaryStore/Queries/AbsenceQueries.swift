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
