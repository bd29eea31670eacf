import Foundation
import GRDB
import SecretaryCore

extension Store {
    /// The version in force on `date`: the highest version whose effective date has come.
    public func instructions(of client: ClientID, on date: LocalDate) throws -> Instructions? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT version, effective_from, document FROM instructions
                WHERE client_id = ? AND effective_from <= ? ORDER BY version DESC LIMIT 1
                """, arguments: [client.rawValue, date.description]) else { return nil }
            return try Store.instructions(from: row)
        }
    }

    /// Every version, oldest first.
    public func instructionHistory(of client: ClientID) throws -> [Instructions] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT version, effective_from, document FROM instructions WHERE client_id = ? ORDER BY version",
                             arguments: [client.rawValue]).map(Store.instructions(from:))
        }
    }

    /// The latest version, in force or scheduled.
    public func latestInstructions(of client: ClientID) throws -> Instructions? {
        try read { try Store.latestInstructions(of: client, in: $0) }
    }

    static func latestInstructions(of client: ClientID, in db: Database) throws -> Instructions? {
        try Row.fetchOne(db, sql: """
            SELECT version, effective_from, document FROM instructions WHERE client_id = ? ORDER BY version DESC LIMIT 1
            """, arguments: [client.rawValue]).map(Store.instructions(from:))
    }

    /// What version `version` changed from the one before it, section by section; nil for
    /// the first version.
    public func instructionsChanges(of client: ClientID, version: Int) throws -> InstructionsDiff? {
        let history = try instructionHistory(of: client)
        guard let index = history.firstIndex(where: { $0.version == version }) else {
            throw StoreError("client '\(client)' has no instructions version \(version)")
        }
        return index == 0 ? nil : history[index - 1].changes(to: history[index])
    }

    private static func instructions(from row: Row) throws -> Instructions {
        try Instructions(version: row["version"], effectiveFrom: LocalDate(parsing: row["effective_from"]),
                         document: row["document"])
    }

    /// Adds a new version (an *avenant*); the previous ones are kept.
    @discardableResult
    public func addInstructions(_ sections: [Instructions.Section: String], effectiveFrom: LocalDate,
                                client: ClientID, by identity: Identity) throws -> Instructions {
        try write(by: identity, needs: .administer) { db, trail in
            let added = try Store.insertInstructions(sections, effectiveFrom: effectiveFrom, client: client,
                                                     at: trail.at, by: identity, in: db)
            trail.record("amend", "instructions", client.rawValue, "version \(added.version) from \(effectiveFrom)")
            return added
        }
    }

    static func insertInstructions(_ sections: [Instructions.Section: String], effectiveFrom: LocalDate,
                                   client: ClientID, at now: Date, by identity: Identity,
                                   in db: Database) throws -> Instructions {
        _ = try Store.client(client, in: db)
        let version = (try Int.fetchOne(db, sql: "SELECT max(version) FROM instructions WHERE client_id = ?",
                                        arguments: [client.rawValue]) ?? 0) + 1
        let instructions = try Instructions(version: version, effectiveFrom: effectiveFrom, sections: sections)
        try db.execute(sql: """
            INSERT INTO instructions (client_id, version, effective_from, document, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [client.rawValue, version, effectiveFrom.description, instructions.document,
                             now.stored, identity.login])
        return instructions
    }
}
