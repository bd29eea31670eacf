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

extension Client: FetchableRecord {
    public init(row: Row) throws {
        try self.init(
            id: ClientID(row["id"]), name: row["name"], profession: row["profession"],
            line: PhoneNumber(e164: row["line"]), country: Country(code: row["country"]),
            timeZoneIdentifier: row["time_zone"], hours: WeeklyHours(parsing: row["hours"]),
            plan: Plan(callsPerMonth: row["calls_included"], smsPerMonth: row["sms_included"]),
            isMedical: row["is_medical"], slotMinutes: row["slot_minutes"])
    }
}

extension Agenda: FetchableRecord {
    public init(row: Row) throws {
        let hours: String? = row["hours"]
        try self.init(id: row["id"], clientID: ClientID(row["client_id"]), name: row["name"],
                      hours: hours.flatMap { $0.isEmpty ? nil : $0 }.map(WeeklyHours.init(parsing:)))
    }
}

extension AppointmentType: FetchableRecord {
    public init(row: Row) throws {
        try self.init(id: row["id"], clientID: ClientID(row["client_id"]), name: row["name"],
                      minutes: row["minutes"], colour: row["colour"])
    }
}

extension Operator: FetchableRecord {
    public init(row: Row) throws {
        try self.init(id: row["id"], login: row["login"], displayName: row["display_name"],
                      role: Role(parsing: row["role"]))
    }
}

extension Call: FetchableRecord {
    public init(row: Row) throws {
        let from: String? = row["from_number"]
        let outcome: String? = row["outcome"]
        self.init(
            id: row["id"], clientID: try ClientID(row["client_id"]),
            from: try from.map(PhoneNumber.init(e164:)), contactID: row["contact_id"],
            status: try CallStatus(parsing: row["status"]), isUrgent: row["urgent"],
            arrivedAt: row.date("arrived_at"), answeredAt: row.optionalDate("answered_at"),
            endedAt: row.optionalDate("ended_at"), doneAt: row.optionalDate("done_at"), operatorID: row["operator_id"],
            outcome: outcome.flatMap(CallOutcome.init(rawValue:)), note: row["note"])
    }
}

extension Appointment: FetchableRecord {
    public init(row: Row) throws {
        try self.init(
            id: row["id"], clientID: ClientID(row["client_id"]), agendaID: row["agenda_id"],
            contactID: row["contact_id"], typeID: row["type_id"], start: row.date("start_at"),
            end: row.date("end_at"), status: AppointmentStatus(rawValue: row["status"]) ?? .booked,
            note: row["note"], cancelReason: row["cancel_reason"])
    }
}

extension Absence: FetchableRecord {
    public init(row: Row) throws {
        try self.init(id: row["id"], agendaID: row["agenda_id"], start: row.date("start_at"),
                      end: row.date("end_at"), reason: row["reason"])
    }
}

extension Message: FetchableRecord {
    public init(row: Row) throws {
        let number: String? = row["callback_number"]
        let tags: String = row["tags"]
        try self.init(
            id: row["id"], clientID: ClientID(row["client_id"]), callID: row["call_id"],
            callerName: row["caller_name"], callbackNumber: number.map(PhoneNumber.init(e164:)),
            reason: row["reason"], text: row["body"], isUrgent: row["urgent"],
            tags: tags.split(separator: ",").map(String.init), status: MessageStatus(parsing: row["status"]),
            createdAt: row.date("created_at"), contactID: row["contact_id"],
            transmittedAt: row.optionalDate("transmitted_at"), acknowledgedAt: row.optionalDate("acknowledged_at"))
        createdBy = row["created_by"]
    }
}

extension AuditEntry: FetchableRecord {
    public init(row: Row) {
        self.init(id: row["id"], at: row.date("at"), actor: row["actor"], action: row["action"],
                  objectType: row["object_type"], objectID: row["object_id"], details: row["details"])
    }
}
