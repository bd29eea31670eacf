import Foundation
import GRDB
import SecretaryCore

extension Store {
    public func clients() throws -> [Client] {
        try read { try Client.fetchAll($0, sql: "SELECT * FROM client ORDER BY name") }
    }

    /// The client, or an error naming the unknown id.
    public func client(_ id: ClientID) throws -> Client {
        try read { try Store.client(id, in: $0) }
    }

    static func client(_ id: ClientID, in db: Database) throws -> Client {
        // A cached statement: the agenda reads the client on every week load.
        guard let client = try Client.fetchOne(db.cachedStatement(sql: "SELECT * FROM client WHERE id = ?"),
                                               arguments: [id.rawValue]) else {
            throw StoreError("unknown client '\(id)'")
        }
        return client
    }

    /// The client whose dedicated line was dialled.
    public func client(line: PhoneNumber) throws -> Client? {
        try read { try Client.fetchOne($0, sql: "SELECT * FROM client WHERE line = ?", arguments: [line.e164]) }
    }

    public func agendas(of client: ClientID) throws -> [Agenda] {
        try read {
            try Agenda.fetchAll($0, sql: "SELECT * FROM agenda WHERE client_id = ? ORDER BY position, id",
                                arguments: [client.rawValue])
        }
    }

    public func appointmentTypes(of client: ClientID) throws -> [AppointmentType] {
        try read {
            try AppointmentType.fetchAll($0, sql: "SELECT * FROM appointment_type WHERE client_id = ? ORDER BY position, id",
                                         arguments: [client.rawValue])
        }
    }

    /// Adds a client with its agendas (practitioners) and appointment types.
    public func addClient(_ client: Client, agendas: [String], types: [(name: String, minutes: Int, colour: Int)],
                          by identity: Identity) throws {
        try write(by: identity, needs: .administer) { db, trail in
            try Store.insert(client, agendas: agendas, types: types, at: trail.at, in: db)
            trail.record("create", "client", client.id.rawValue, client.name)
        }
    }

    static func insert(_ client: Client, agendas: [String], types: [(name: String, minutes: Int, colour: Int)],
                       at now: Date, in db: Database) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM client WHERE id = ?", arguments: [client.id.rawValue]) == true {
            throw StoreError("client '\(client.id)' already exists")
        }
        if let other = try String.fetchOne(db, sql: "SELECT id FROM client WHERE line = ?", arguments: [client.line.e164]) {
            throw StoreError("line \(client.line.national) already belongs to client '\(other)'")
        }
        try db.execute(sql: """
            INSERT INTO client (id, name, profession, line, country, time_zone, hours, calls_included,
                                sms_included, is_medical, slot_minutes, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [client.id.rawValue, client.name, client.profession, client.line.e164,
                             client.country.rawValue, client.timeZoneIdentifier, client.hours.description,
                             client.plan.callsPerMonth, client.plan.smsPerMonth, client.isMedical,
                             client.slotMinutes, now.stored])
        for (position, name) in agendas.enumerated() {
            try db.execute(sql: "INSERT INTO agenda (client_id, name, position) VALUES (?, ?, ?)",
                           arguments: [client.id.rawValue, name, position])
        }
        for (position, type) in types.enumerated() {
            let checked = try AppointmentType(clientID: client.id, name: type.name, minutes: type.minutes, colour: type.colour)
            try db.execute(sql: "INSERT INTO appointment_type (client_id, name, minutes, colour, position) VALUES (?, ?, ?, ?, ?)",
                           arguments: [client.id.rawValue, checked.name, checked.minutes, checked.colour, position])
        }
    }
}
