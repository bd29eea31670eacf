import Foundation
import GRDB
import SecretaryCore

/// One table of a client's data, as text cells under a header (for CSV and JSON alike).
public struct DataTable: Sendable, Encodable {
    public let header: [String]
    public let rows: [[String]]
}

/// Everything a client's contract covers, read in one snapshot for the end-of-contract export.
public struct ClientData: Sendable {
    public let client: Client
    /// The client file with its latest instructions, as `client export` prints it.
    public let clientFile: String
    public let contacts, appointments, messages, calls, waitingList, absences: DataTable
    /// Every version of the instructions, oldest first.
    public let instructions: [(version: Int, effectiveFrom: String, document: String)]
    /// Each agenda's appointments, cancelled included, for the iCalendar file (names in full:
    /// the data goes back to the client it belongs to).
    public let calendars: [CalendarExport]
}

/// What erasing a client removed.
public struct ClientErasure: Sendable {
    public let rows: [String: Int]
    public let line: String
}

extension Store {
    /// The client's data, each table with a header, times in the client's local time.
    public func clientData(_ id: ClientID, by identity: Identity) throws -> ClientData {
        try require(.administer, by: identity, for: "client export-data")
        let file = try exportClientFile(id)
        return try read(by: identity, needs: .administer) { db in
            let client = try Store.client(id, in: db)
            let calendar = client.calendar
            func time(_ row: Row, _ column: String) -> String {
                (row[column] as Int64?).map { calendar.localStamp(Date(stored: $0)) } ?? ""
            }
            func text(_ row: Row, _ column: String) -> String {
                let value: DatabaseValue = row[column]
                switch value.storage {
                case .null: return ""
                case .int64(let number): return "\(number)"
                case .double(let number): return "\(number)"
                case .string(let string): return string
                case .blob: return ""
                }
            }
            func table(_ header: [String], _ sql: String, times: Set<String> = []) throws -> DataTable {
                let rows = try Row.fetchAll(db, sql: sql, arguments: [id.rawValue]).map { row in
                    header.map { times.contains($0) ? time(row, $0) : text(row, $0) }
                }
                return DataTable(header: header, rows: rows)
            }
            let contacts = try table(
                ["id", "last_name", "first_name", "phones", "email", "notes", "blacklisted", "created_at"], """
                SELECT contact.*, (SELECT group_concat(e164, ' ') FROM contact_phone WHERE contact_id = contact.id) AS phones
                FROM contact WHERE client_id = ? ORDER BY id
                """, times: ["created_at"])
            let appointments = try table(
                ["id", "agenda", "type", "start_at", "end_at", "status", "contact_id", "contact_name", "note", "cancel_reason",
                 "created_at", "created_by"], """
                SELECT appointment.*, agenda.name AS agenda, appointment_type.name AS type FROM appointment
                JOIN agenda ON agenda.id = appointment.agenda_id JOIN appointment_type ON appointment_type.id = appointment.type_id
                WHERE appointment.client_id = ? ORDER BY appointment.start_at, appointment.id
                """, times: ["start_at", "end_at", "created_at"])
            let messages = try table(
                ["id", "created_at", "caller_name", "callback_number", "contact_id", "call_id", "reason", "body", "urgent", "tags",
                 "status", "created_by", "transmitted_at", "acknowledged_at"],
                "SELECT * FROM message WHERE client_id = ? ORDER BY created_at, id",
                times: ["created_at", "transmitted_at", "acknowledged_at"])
            let calls = try table(
                ["id", "arrived_at", "from_number", "contact_id", "status", "urgent", "answered_at", "ended_at", "done_at",
                 "operator", "outcome", "note"], """
                SELECT call.*, operator.login AS operator FROM call LEFT JOIN operator ON operator.id = call.operator_id
                WHERE call.client_id = ? ORDER BY call.arrived_at, call.id
                """, times: ["arrived_at", "answered_at", "ended_at", "done_at"])
            let waiting = try table(
                ["id", "agenda", "contact_id", "type", "preferences", "note", "created_at", "closed_at"], """
                SELECT waitlist.*, agenda.name AS agenda, appointment_type.name AS type FROM waitlist
                JOIN agenda ON agenda.id = waitlist.agenda_id LEFT JOIN appointment_type ON appointment_type.id = waitlist.type_id
                WHERE agenda.client_id = ? ORDER BY waitlist.id
                """, times: ["created_at", "closed_at"])
            let absences = try table(
                ["id", "agenda", "start_at", "end_at", "reason"], """
                SELECT absence.*, agenda.name AS agenda FROM absence JOIN agenda ON agenda.id = absence.agenda_id
                WHERE agenda.client_id = ? ORDER BY absence.start_at
                """, times: ["start_at", "end_at"])
            let instructions = try Row.fetchAll(db, sql: """
                SELECT version, effective_from, document FROM instructions WHERE client_id = ? ORDER BY version
                """, arguments: [id.rawValue]).map { (version: $0["version"] as Int, effectiveFrom: $0["effective_from"] as String,
                                                      document: $0["document"] as String) }
            let everything = DateInterval(start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 4_102_444_800))
            let calendars = try Agenda.fetchAll(db, sql: "SELECT * FROM agenda WHERE client_id = ? ORDER BY position, id",
                                                arguments: [id.rawValue]).map { agenda in
                CalendarExport(client: client, agenda: agenda,
                               appointments: try Store.exportedAppointments(agendaID: agenda.id, window: everything, in: db),
                               absences: [], privacy: .full)
            }
            return ClientData(client: client, clientFile: file, contacts: contacts, appointments: appointments, messages: messages,
                              calls: calls, waitingList: waiting, absences: absences, instructions: instructions, calendars: calendars)
        }
    }

    /// Records that the client's data was exported to `file`: `eraseClient` asks for it.
    public func recordClientExport(_ id: ClientID, file: String, by identity: Identity) throws {
        try write(by: identity, needs: .administer) { db, trail in
            try db.execute(sql: "INSERT INTO client_export (client_id, at, actor, file) VALUES (?, ?, ?, ?)",
                           arguments: [id.rawValue, trail.at.stored, identity.login, file])
            trail.record("export", "client", id.rawValue, "end-of-contract data export to \(file)")
        }
    }

    /// Removes every row of the client (calls, messages, appointments, contacts, agendas,
    /// instructions...), after an export unless `withoutExport`. Its line becomes free.
    /// The audit log (append-only) keeps what was done, naming contacts by id only.
    @discardableResult
    public func eraseClient(_ id: ClientID, withoutExport: Bool, by identity: Identity) throws -> ClientErasure {
        let erasure = try write(by: identity, needs: .administer) { db, trail -> ClientErasure in
            let client = try Store.client(id, in: db)
            let exported = try Bool.fetchOne(db, sql: "SELECT 1 FROM client_export WHERE client_id = ? LIMIT 1",
                                             arguments: [id.rawValue]) == true
            guard exported || withoutExport else {
                throw RuleViolation(.forbidden, "\(id)'s data was never exported: run `secretary client export-data \(id) --to FILE.zip` "
                                    + "first (or pass --without-export)")
            }
            var rows: [String: Int] = [:]
            let steps: [(String, String)] = [
                ("callback", "DELETE FROM callback WHERE client_id = ?"),
                ("message", "DELETE FROM message WHERE client_id = ?"),
                ("call", "DELETE FROM call WHERE client_id = ?"),
                ("appointment", "DELETE FROM appointment WHERE client_id = ?"),
                ("waitlist", "DELETE FROM waitlist WHERE agenda_id IN (SELECT id FROM agenda WHERE client_id = ?)"),
                ("absence", "DELETE FROM absence WHERE agenda_id IN (SELECT id FROM agenda WHERE client_id = ?)"),
                ("retention_placeholder", "DELETE FROM retention_placeholder WHERE client_id = ?"),
                ("contact", "DELETE FROM contact WHERE client_id = ?"),
                ("agenda", "DELETE FROM agenda WHERE client_id = ?"),
                ("appointment_type", "DELETE FROM appointment_type WHERE client_id = ?"),
                ("instructions", "DELETE FROM instructions WHERE client_id = ?"),
                ("client", "DELETE FROM client WHERE id = ?"),
            ]
            for (table, sql) in steps {
                try db.execute(sql: sql, arguments: [id.rawValue])
                rows[table] = db.changesCount
            }
            let summary = rows.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            trail.record("erase", "client", id.rawValue,
                         "end of contract\(exported ? "" : " (without export)"): removed \(summary); "
                             + "line \(client.line.e164) freed")
            return ClientErasure(rows: rows, line: client.line.national)
        }
        try compactNameIndex()
        return erasure
    }
}
