import Foundation
import GRDB
import SecretaryCore

// How domain values are read from rows. Writes are explicit SQL in the queries, so each
// column is named once here and once in the INSERT that fills it.

extension Date {
    /// Stored form: whole seconds since 1970 UTC.
    var stored: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
    init(stored: Int64) { self.init(timeIntervalSince1970: TimeInterval(stored)) }
}

extension Optional where Wrapped == Date {
    var stored: Int64? { map(\.stored) }
}


extension Row {
    func date(_ column: String) -> Date { Date(stored: self[column]) }
    func optionalDate(_ column: String) -> Date? { (self[column] as Int64?).map(Date.init(stored:)) }
}

// Every decoder reads through `StoredRow`: a damaged value throws a `DamagedRow` naming
// the table, the id and the column, never a crash printing the row.

extension Client: FetchableRecord {
    public init(row: Row) throws {
        self = try StoredRow(row, "client").decoding { r in
            try Client(
                id: ClientID(r["id"]), name: r["name"], profession: r["profession"],
                line: PhoneNumber(e164: r["line"]), country: Country(code: r["country"]),
                timeZoneIdentifier: r["time_zone"], hours: WeeklyHours(parsing: r["hours"]),
                plan: Plan(callsPerMonth: r["calls_included"], smsPerMonth: r["sms_included"]),
                isMedical: r["is_medical"], slotMinutes: r["slot_minutes"])
        }
    }
}

extension Agenda: FetchableRecord {
    public init(row: Row) throws {
        self = try StoredRow(row, "agenda").decoding { r in
            let hours: String? = try r["hours"]
            return try Agenda(id: r["id"], clientID: ClientID(r["client_id"]), name: r["name"],
                              hours: hours.flatMap { $0.isEmpty ? nil : $0 }.map(WeeklyHours.init(parsing:)))
        }
    }
}

extension AppointmentType: FetchableRecord {
    public init(row: Row) throws {
        self = try StoredRow(row, "appointment_type").decoding { r in
            try AppointmentType(id: r["id"], clientID: ClientID(r["client_id"]), name: r["name"],
                                minutes: r["minutes"], colour: r["colour"])
        }
    }
}

extension Operator: FetchableRecord {
    public init(row: Row) throws {
        self = try StoredRow(row, "operator").decoding { r in
            try Operator(id: r["id"], login: r["login"], displayName: r["display_name"], role: Role(parsing: r["role"]))
        }
    }
}

extension Call: FetchableRecord {
    public init(row: Row) throws {
        self = try StoredRow(row, "call").decoding { r in
            let from: String? = try r["from_number"]
            let outcome: String? = try r["outcome"]
            return Call(
                id: try r["id"], clientID: try ClientID(r["client_id"]),
                from: try from.map(PhoneNumber.init(e164:)), contactID: try r["contact_id"],
                status: try CallStatus(parsing: r["status"]), isUrgent: try r["urgent"],
                arrivedAt: try r.date("arrived_at"), answeredAt: try r.optionalDate("answered_at"),
                endedAt: try r.optionalDate("ended_at"), doneAt: try r.optionalDate("done_at"),
                operatorID: try r["operator_id"], outcome: outcome.flatMap(CallOutcome.init(rawValue:)), note: try r["note"])
        }
    }
}

extension Appointment: FetchableRecord {
    public init(row: Row) throws {
        self = try StoredRow(row, "appointment").decoding { r in
            try Appointment(
                id: r["id"], clientID: ClientID(r["client_id"]), agendaID: r["agenda_id"],
                contactID: r["contact_id"], typeID: r["type_id"], start: r.date("start_at"),
                end: r.date("end_at"), status: AppointmentStatus(rawValue: r["status"]) ?? .booked,
                note: r["note"], cancelReason: r["cancel_reason"])
        }
    }
}

extension Absence: FetchableRecord {
    public init(row: Row) throws {
        self = try StoredRow(row, "absence").decoding { r in
            try Absence(id: r["id"], agendaID: r["agenda_id"], start: r.date("start_at"),
                        end: r.date("end_at"), reason: r["reason"])
        }
    }
}

extension Message: FetchableRecord {
    public init(row: Row) throws {
        self = try StoredRow(row, "message").decoding { r in
            let number: String? = try r["callback_number"]
            let tags: String = try r["tags"]
            var message = try Message(
                id: r["id"], clientID: ClientID(r["client_id"]), callID: r["call_id"],
                callerName: r["caller_name"], callbackNumber: number.map(PhoneNumber.init(e164:)),
                reason: r["reason"], text: r["body"], isUrgent: r["urgent"],
                tags: tags.split(separator: ",").map(String.init), status: MessageStatus(parsing: r["status"]),
                createdAt: r.date("created_at"), contactID: r["contact_id"],
                transmittedAt: r.optionalDate("transmitted_at"), acknowledgedAt: r.optionalDate("acknowledged_at"))
            message.createdBy = try r["created_by"]
            return message
        }
    }
}

extension AuditEntry: FetchableRecord {
    public init(row: Row) {
        self.init(id: row["id"], at: row.date("at"), actor: row["actor"], action: row["action"],
                  objectType: row["object_type"], objectID: row["object_id"], details: row["details"])
    }
}
