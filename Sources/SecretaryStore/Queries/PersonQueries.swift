import Foundation
import GRDB
import SecretaryCore

/// Everything held about one person (GDPR article 15): a document that can be handed to
/// them. Times are instants (ISO 8601 in JSON); `local` fields give the client's local time.
public struct PersonRecord: Sendable, Encodable {
    public struct Details: Sendable, Encodable {
        public let id: Int64
        public let client: String
        public let lastName, firstName: String
        public let phones: [String]
        public let email: String?
        public let notes: String
        public let blacklisted: Bool
        public let createdAt: Date
    }
    public struct CallItem: Sendable, Encodable {
        public let id: Int64
        public let arrivedAt: Date
        public let local: String
        public let from: String?
        public let status: String
        public let outcome: String?
        public let note: String
        public let operatorLogin: String?
    }
    public struct MessageItem: Sendable, Encodable {
        public let id: Int64
        public let createdAt: Date
        public let local: String
        public let callerName: String
        public let callbackNumber: String?
        public let reason, text, status: String
        public let urgent: Bool
        public let acknowledgedAt: Date?
    }
    public struct AppointmentItem: Sendable, Encodable {
        public let id: Int64
        public let start, end: Date
        public let local: String
        public let agenda, type, status, note: String
        public let cancelReason: String?
        public let bookedBy: String
    }
    public struct WaitlistItem: Sendable, Encodable {
        public let id: Int64
        public let agenda: String
        public let type: String?
        public let preferences, note: String
        public let createdAt: Date
        public let closedAt: Date?
    }
    /// A number to call back after a missed call, and what came of it.
    public struct CallbackItem: Sendable, Encodable {
        public let id: Int64
        public let number: String
        public let missedCalls: Int
        public let lastMissedAt: Date
        public let local: String
        public let status: String
        public let lastOutcome: String?
    }
    public struct View: Sendable, Encodable {
        public let at: Date
        public let local: String
        public let by: String
    }

    public let contact: Details
    public let calls: [CallItem]
    public let messages: [MessageItem]
    public let appointments: [AppointmentItem]
    public let waitingList: [WaitlistItem]
    public let callbacks: [CallbackItem]
    /// Who read the person's record in the console, and when.
    public let readBy: [View]
    public let exportedAt: Date
}

/// What erasing a person did, without the erased data.
public struct Erasure: Sendable, Encodable {
    public let contactID: Int64
    public let appointmentsKept: Int
    public let callsCleared: Int
    public let messagesCleared: Int
    public let waitlistRemoved: Int
    public let callbacksRemoved: Int
}

extension Store {
    /// Everything held about contact `id`.
    public func personRecord(contact id: Int64, by identity: Identity) throws -> PersonRecord {
        let record = try read(by: identity, needs: .administer) { db -> PersonRecord in
            let (client, details) = try Store.personDetails(id, in: db)
            let calendar = client.calendar
            let phones = details.phones
            let numbers = phones.isEmpty ? "NULL" : phones.map { _ in "?" }.joined(separator: ", ")
            let calls = try Row.fetchAll(db, sql: """
                SELECT call.*, operator.login FROM call LEFT JOIN operator ON operator.id = call.operator_id
                WHERE call.contact_id = ? OR (call.client_id = ? AND call.from_number IN (\(numbers)))
                ORDER BY call.arrived_at, call.id
                """, arguments: StatementArguments([id, client.id.rawValue] as [DatabaseValueConvertible] + phones)).map { row in
                PersonRecord.CallItem(id: row["id"], arrivedAt: row.date("arrived_at"), local: calendar.localStamp(row.date("arrived_at")),
                                      from: row["from_number"], status: row["status"], outcome: row["outcome"],
                                      note: row["note"], operatorLogin: row["login"])
            }
            let messages = try Row.fetchAll(db, sql: """
                SELECT * FROM message WHERE contact_id = ? OR (client_id = ? AND callback_number IN (\(numbers)))
                ORDER BY created_at, id
                """, arguments: StatementArguments([id, client.id.rawValue] as [DatabaseValueConvertible] + phones)).map { row in
                PersonRecord.MessageItem(id: row["id"], createdAt: row.date("created_at"), local: calendar.localStamp(row.date("created_at")),
                                         callerName: row["caller_name"], callbackNumber: row["callback_number"],
                                         reason: row["reason"], text: row["body"], status: row["status"], urgent: row["urgent"],
                                         acknowledgedAt: row.optionalDate("acknowledged_at"))
            }
            let appointments = try Row.fetchAll(db, sql: """
                SELECT appointment.*, agenda.name AS agenda_name, appointment_type.name AS type_name FROM appointment
                JOIN agenda ON agenda.id = appointment.agenda_id
                JOIN appointment_type ON appointment_type.id = appointment.type_id
                WHERE appointment.contact_id = ? ORDER BY appointment.start_at, appointment.id
                """, arguments: [id]).map { row in
                PersonRecord.AppointmentItem(id: row["id"], start: row.date("start_at"), end: row.date("end_at"),
                                             local: calendar.localStamp(row.date("start_at")), agenda: row["agenda_name"],
                                             type: row["type_name"], status: row["status"], note: row["note"],
                                             cancelReason: row["cancel_reason"], bookedBy: row["created_by"])
            }
            let waiting = try Row.fetchAll(db, sql: """
                SELECT waitlist.*, agenda.name AS agenda_name, appointment_type.name AS type_name FROM waitlist
                JOIN agenda ON agenda.id = waitlist.agenda_id
                LEFT JOIN appointment_type ON appointment_type.id = waitlist.type_id
                WHERE waitlist.contact_id = ? ORDER BY waitlist.created_at, waitlist.id
                """, arguments: [id]).map { row in
                PersonRecord.WaitlistItem(id: row["id"], agenda: row["agenda_name"], type: row["type_name"],
                                          preferences: row["preferences"], note: row["note"],
                                          createdAt: row.date("created_at"), closedAt: row.optionalDate("closed_at"))
            }
            let callbacks = try DamagedRows.decodeEach(Row.fetchAll(db, sql: """
                SELECT * FROM callback WHERE contact_id = ? OR (client_id = ? AND number IN (\(numbers)))
                ORDER BY last_missed_at, id
                """, arguments: StatementArguments([id, client.id.rawValue] as [DatabaseValueConvertible] + phones))) { row in
                let r = StoredRow(row, "callback")
                let missed = try r.date("last_missed_at")
                return PersonRecord.CallbackItem(id: try r["id"], number: try r["number"], missedCalls: try r["missed_calls"],
                                                 lastMissedAt: missed, local: calendar.localStamp(missed),
                                                 status: try r["status"], lastOutcome: try r["last_outcome"])
            }
            let views = try views(ofContact: id, in: db).map {
                PersonRecord.View(at: $0.at, local: calendar.localStamp($0.at), by: $0.actor)
            }
            return PersonRecord(contact: details, calls: calls, messages: messages, appointments: appointments,
                                waitingList: waiting, callbacks: callbacks, readBy: views, exportedAt: Date(stored: clock.now().stored))
        }
        return record
    }

    /// Records that `identity` exported contact `id`'s data (the request is logged).
    public func recordPersonExport(contact id: Int64, by identity: Identity) throws {
        try write(by: identity, needs: .administer) { _, trail in trail.record("export", "contact", "\(id)", "GDPR access: personal data exported") }
    }

    private static func personDetails(_ id: Int64, in db: Database) throws -> (Client, PersonRecord.Details) {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM contact WHERE id = ?", arguments: [id]) else {
            throw RuleViolation(.notFound, "there is no contact \(id)")
        }
        let clientID: String = row["client_id"]
        if try existingPlaceholder(of: try ClientID(clientID), in: db) == id {
            throw RuleViolation(.notFound, "contact \(id) stands for erased people, not a person")
        }
        let client = try Store.client(ClientID(clientID), in: db)
        let phones = try String.fetchAll(db, sql: "SELECT e164 FROM contact_phone WHERE contact_id = ? ORDER BY e164",
                                         arguments: [id])
        return (client, PersonRecord.Details(id: id, client: clientID, lastName: row["last_name"], firstName: row["first_name"],
                                             phones: phones, email: row["email"], notes: row["notes"],
                                             blacklisted: row["blacklisted"], createdAt: row.date("created_at")))
    }

    /// Erases contact `id` (GDPR article 17): the contact, its numbers and notes, the caller's
    /// details on its calls and messages, its waiting-list entries (the audit log, append-only,
    /// names people by contact id, never by name or number) and its call-backs; its appointments stay, unnamed, so the agenda's taken times and the
    /// service's counts do not change. Deleted and overwritten content is zeroed in the file
    /// (secure_delete); the name index is then merged so no old segment keeps the name, and
    /// the WAL written back and truncated.
    @discardableResult
    public func erasePerson(contact id: Int64, by identity: Identity) throws -> Erasure {
        let erasure = try write(by: identity, needs: .administer) { db, trail -> Erasure in
            let (client, details) = try Store.personDetails(id, in: db)
            let phones = details.phones
            let numbers = phones.isEmpty ? "NULL" : phones.map { _ in "?" }.joined(separator: ", ")
            let placeholder = try Store.placeholderContact(of: client.id, at: trail.at, in: db)
            try db.execute(sql: "UPDATE appointment SET contact_id = ?, note = '', cancel_reason = NULL WHERE contact_id = ?",
                           arguments: [placeholder, id])
            let appointments = db.changesCount
            try db.execute(sql: """
                UPDATE call SET from_number = NULL, note = '', contact_id = NULL
                WHERE contact_id = ? OR (client_id = ? AND from_number IN (\(numbers)))
                """, arguments: StatementArguments([id, client.id.rawValue] as [DatabaseValueConvertible] + phones))
            let calls = db.changesCount
            try db.execute(sql: """
                UPDATE message SET caller_name = ?, callback_number = NULL, reason = '', body = ?, contact_id = NULL
                WHERE contact_id = ? OR (client_id = ? AND callback_number IN (\(numbers)))
                """, arguments: StatementArguments([Store.erasedContactName, Store.erasedContactName, id, client.id.rawValue] as [DatabaseValueConvertible] + phones))
            let messages = db.changesCount
            try db.execute(sql: "DELETE FROM waitlist WHERE contact_id = ?", arguments: [id])
            let waitlist = db.changesCount
            // A call-back is the number to dial: it goes with the person.
            try db.execute(sql: """
                DELETE FROM callback WHERE contact_id = ? OR (client_id = ? AND number IN (\(numbers)))
                """, arguments: StatementArguments([id, client.id.rawValue] as [DatabaseValueConvertible] + phones))
            let callbacks = db.changesCount
            try db.execute(sql: "DELETE FROM contact WHERE id = ?", arguments: [id])
            trail.record("erase", "contact", "\(id)",
                         "GDPR erasure: \(appointments) appointments kept unnamed, \(calls) calls and \(messages) messages cleared, "
                             + "\(waitlist) waiting-list entries and \(callbacks) call-backs removed")
            return Erasure(contactID: id, appointmentsKept: appointments, callsCleared: calls, messagesCleared: messages,
                           waitlistRemoved: waitlist, callbacksRemoved: callbacks)
        }
        try compactNameIndex()
        return erasure
    }

    /// Merges the name index into one segment (old segments keep deleted names until then)
    /// and writes the WAL back into the file, truncating it. Part of an audited erasure.
    /// The merge is FTS5's incremental one (a negative page count merges every segment, as
    /// 'optimize' does, but resumably): a few pages at a time in transactions of about
    /// `batchTarget`, with a pause between, so consoles never wait behind the whole index
    /// being rewritten. The WAL is copied back by a passive checkpoint, which lets writers
    /// go on, so the truncating one that follows has almost nothing left to copy.
    func compactNameIndex(batchTarget: TimeInterval = 0.02, pause: TimeInterval = 0.03) throws {
        while true {
            let merging = try writeStep { db -> Bool in
                let began = Date()
                repeat {
                    let before = db.totalChangesCount
                    try db.execute(sql: "INSERT INTO contact_search(contact_search, rank) VALUES ('merge', -16)")
                    // FTS5: fewer than two changes means there was nothing left to merge.
                    if db.totalChangesCount - before < 2 { return false }
                } while Date().timeIntervalSince(began) < batchTarget
                return true
            }
            guard merging else { break }
            Thread.sleep(forTimeInterval: pause)
        }
        _ = try mapped { try pool.writeWithoutTransaction { try $0.checkpoint(.passive) } }
        try truncateWAL()
    }

    /// Truncates the WAL (its old frames may hold erased bytes). A truncating checkpoint
    /// holds the write lock while it waits for readers, so it is tried on a connection of
    /// its own that waits at most 50 ms, twenty times with consoles writing in between;
    /// only then does it wait as long as any write may.
    func truncateWAL() throws {
        var quick = Configuration()
        quick.busyMode = .timeout(0.05)
        let connection = try mapped { try DatabaseQueue(path: path, configuration: quick) }
        for _ in 0..<20 {
            let done = (try? connection.writeWithoutTransaction { try $0.checkpoint(.truncate) }) != nil
            if done { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        _ = try mapped { try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) } }
    }
}

extension LocalCalendar {
    /// `2026-11-23T10:00`, the client's local time.
    func localStamp(_ instant: Date) -> String { localDateTime(of: instant).description }
}
