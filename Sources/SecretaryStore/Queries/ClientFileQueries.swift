import Foundation
import GRDB
import SecretaryCore

/// What importing a client file did, for the command line's summary.
public struct ClientImport: Sendable, Equatable {
    public let clientID: ClientID
    /// True when the client was new.
    public let created: Bool
    /// The instructions version the file became, or nil when they were unchanged.
    public let instructionsVersion: Int?
    public let agendasAdded: [String]
    public let typesAdded: [String]
}

extension Store {
    /// Imports a client file in one transaction: creates the client, or for an existing one
    /// updates its fields, adds its new agendas and appointment types, and adds the
    /// instructions as a new version (an *avenant*) unless they are unchanged. Errors name the
    /// line; on any error nothing is written.
    @discardableResult
    public func importClientFile(_ file: ClientFile, by identity: Identity) throws -> ClientImport {
        try write(by: identity, needs: .administer) { db, trail in
            try Store.importClientFile(file, at: trail.at, by: identity, trail: &trail, in: db)
        }
    }

    static func importClientFile(_ file: ClientFile, at now: Date, by identity: Identity, trail: inout AuditTrail,
                                 in db: Database) throws -> ClientImport {
        let client = file.client
        if let other = try String.fetchOne(db, sql: "SELECT id FROM client WHERE line = ? AND id <> ?",
                                           arguments: [client.line.e164, client.id.rawValue]) {
            throw LineError(line: file.line(of: "line"), field: "line",
                            "'\(client.line.national)' already belongs to client '\(other)'")
        }
        let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM client WHERE id = ?", arguments: [client.id.rawValue]) == true
        var agendasAdded = file.agendas
        var typesAdded = file.appointmentTypes.map(\.name)
        if exists {
            (agendasAdded, typesAdded) = try update(file, in: db)
            trail.record("update", "client", client.id.rawValue, "import: \(client.name)")
        } else {
            try insert(client, agendas: file.agendas,
                       types: file.appointmentTypes.map { ($0.name, $0.minutes, $0.colour) }, at: now, in: db)
            try db.execute(sql: "UPDATE client SET advice_rules = ? WHERE id = ?",
                           arguments: [file.adviceRules.text, client.id.rawValue])
            trail.record("create", "client", client.id.rawValue, "import: \(client.name)")
        }

        var version: Int?
        let latest = try latestInstructions(of: client.id, in: db)
        if latest?.sections != file.sections || latest?.effectiveFrom != file.effectiveFrom {
            if let latest, file.effectiveFrom < latest.effectiveFrom {
                throw LineError(line: file.line(of: "effective from"), field: "effective from",
                                "'\(file.effectiveFrom)' comes before version \(latest.version)'s date (\(latest.effectiveFrom)); "
                                + "an amendment takes effect on or after the one it amends")
            }
            do {
                let added = try insertInstructions(file.sections, effectiveFrom: file.effectiveFrom, client: client.id,
                                                   at: now, by: identity, in: db)
                version = added.version
                trail.record("amend", "instructions", client.id.rawValue, "version \(added.version) from \(file.effectiveFrom)")
            } catch let error as ValidationError {
                throw LineError(line: file.line(of: "## greeting"), field: error.field, value: error.value, error)
            }
        }
        return ClientImport(clientID: client.id, created: !exists, instructionsVersion: version,
                            agendasAdded: agendasAdded, typesAdded: typesAdded)
    }

    /// Updates an existing client's fields; agendas and appointment types are matched by name,
    /// added or reordered, never removed (appointments hang on them). Returns the names added.
    private static func update(_ file: ClientFile, in db: Database) throws -> (agendas: [String], types: [String]) {
        let client = file.client
        let id = client.id.rawValue
        try db.execute(sql: """
            UPDATE client SET name = ?, profession = ?, line = ?, country = ?, time_zone = ?, hours = ?,
                calls_included = ?, sms_included = ?, is_medical = ?, slot_minutes = ?, advice_rules = ?
            WHERE id = ?
            """, arguments: [client.name, client.profession, client.line.e164, client.country.rawValue,
                             client.timeZoneIdentifier, client.hours.description, client.plan.callsPerMonth,
                             client.plan.smsPerMonth, client.isMedical, client.slotMinutes, file.adviceRules.text, id])

        let agendas = try Row.fetchAll(db, sql: "SELECT id, name FROM agenda WHERE client_id = ? ORDER BY position, id",
                                       arguments: [id])
        for row in agendas where !file.agendas.contains(row["name"]) {
            throw StoreError("agenda '\(row["name"] as String)' of \(id) is not in the file: an import adds and "
                             + "reorders agendas but never removes one, since its appointments would go with it")
        }
        var agendasAdded: [String] = []
        for (position, name) in file.agendas.enumerated() {
            if let row = agendas.first(where: { $0["name"] == name }) {
                try db.execute(sql: "UPDATE agenda SET position = ? WHERE id = ?", arguments: [position, row["id"] as Int64])
            } else {
                try db.execute(sql: "INSERT INTO agenda (client_id, name, position) VALUES (?, ?, ?)",
                               arguments: [id, name, position])
                agendasAdded.append(name)
            }
        }

        let types = try String.fetchAll(db, sql: "SELECT name FROM appointment_type WHERE client_id = ?", arguments: [id])
        for name in types where !file.appointmentTypes.contains(where: { $0.name == name }) {
            throw StoreError("appointment type '\(name)' of \(id) is not in the file: an import adds and changes "
                             + "appointment types but never removes one, since appointments use it")
        }
        var typesAdded: [String] = []
        for (position, type) in file.appointmentTypes.enumerated() {
            if types.contains(type.name) {
                try db.execute(sql: "UPDATE appointment_type SET minutes = ?, colour = ?, position = ? WHERE client_id = ? AND name = ?",
                               arguments: [type.minutes, type.colour, position, id, type.name])
            } else {
                try db.execute(sql: "INSERT INTO appointment_type (client_id, name, minutes, colour, position) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, type.name, type.minutes, type.colour, position])
                typesAdded.append(type.name)
            }
        }
        return (agendasAdded, typesAdded)
    }

    /// The client as a client file, with its latest instructions (a scheduled amendment
    /// included), ready to edit and import back.
    public func clientFile(_ id: ClientID) throws -> ClientFile {
        try read { db in
            let client = try Store.client(id, in: db)
            guard let latest = try Store.latestInstructions(of: id, in: db) else {
                throw StoreError("client '\(id)' has no instructions yet")
            }
            let agendas = try String.fetchAll(db, sql: "SELECT name FROM agenda WHERE client_id = ? ORDER BY position, id",
                                              arguments: [id.rawValue])
            let types = try AppointmentType.fetchAll(db, sql: "SELECT * FROM appointment_type WHERE client_id = ? ORDER BY position, id",
                                                     arguments: [id.rawValue])
            let advice = try String.fetchOne(db, sql: "SELECT advice_rules FROM client WHERE id = ?", arguments: [id.rawValue]) ?? ""
            return ClientFile(client: client, agendas: agendas, appointmentTypes: types, effectiveFrom: latest.effectiveFrom,
                              sections: latest.sections, adviceRules: try Store.clientAdviceRules(advice, client: id))
        }
    }

    /// The text `secretary client export` prints: the client file, headed by which version it is.
    public func exportClientFile(_ id: ClientID) throws -> String {
        let file = try clientFile(id)
        let versions = try instructionHistory(of: id)
        let latest = versions.last!
        return file.text(notes: [
            "Client file of \(id), exported with version \(latest.version) of its instructions (of \(versions.count)).",
            "Edit it and run `secretary client import FILE`: changed instructions become a new version (avenant)",
            "from the 'effective from' date; the earlier versions are kept.",
        ])
    }
}
