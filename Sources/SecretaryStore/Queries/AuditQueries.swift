import Foundation
import GRDB
import SecretaryCore

/// What `secretary audit` asks for: every filter optional.
public struct AuditFilter: Sendable {
    public var actor: String?
    public var clientID: String?
    public var contactID: Int64?
    public var action: String?
    public var since: Date?
    public var until: Date?
    public var limit: Int

    public init(actor: String? = nil, clientID: String? = nil, contactID: Int64? = nil, action: String? = nil,
                since: Date? = nil, until: Date? = nil, limit: Int = 1000) {
        self.actor = actor
        self.clientID = clientID
        self.contactID = contactID
        self.action = action
        self.since = since
        self.until = until
        self.limit = limit
    }
}

/// One audit entry with both its times and its session.
public struct AuditRecord: Equatable, Sendable, Encodable {
    /// Nil for a read still in the access journal (`pending`): it gets its place in the
    /// chain when the next write moves it into the table.
    public let id: Int64?
    public var pending = false
    public let at: Date
    public let trainingAt: Date?
    public let actor: String
    public let sessionID: Int64?
    public let action: String
    public let objectType: String
    public let objectID: String
    public let details: String
}

extension Store {
    /// Who saw or changed what (supervisors and administrators), newest first. One contact's
    /// entries come from the object index; a client's are its own object and its contacts'.
    public func auditLog(_ filter: AuditFilter, by identity: Identity) throws -> [AuditRecord] {
        let journal = try pendingAccess()
        let records = try read(by: identity, needs: .supervise) { db -> [AuditRecord] in
            let pending = try Store.pendingRecords(journal, matching: filter, in: db)
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let actor = filter.actor { conditions.append("actor = ?"); arguments.append(actor) }
            if let action = filter.action { conditions.append("action = ?"); arguments.append(action) }
            if let contact = filter.contactID {
                conditions.append("object_type = 'contact' AND object_id = ?")
                arguments.append("\(contact)")
            }
            if let client = filter.clientID {
                conditions.append("""
                    ((object_type = 'client' AND object_id = ?) OR (object_type = 'contact' AND object_id IN
                      (SELECT CAST(id AS TEXT) FROM contact WHERE client_id = ?)))
                    """)
                arguments.append(client)
                arguments.append(client)
            }
            if let since = filter.since { conditions.append("at >= ?"); arguments.append(since.stored) }
            if let until = filter.until { conditions.append("at < ?"); arguments.append(until.stored) }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments.append(max(0, filter.limit - pending.count))
            return try pending + Row.fetchAll(db, sql: """
                SELECT id, at, training_at, actor, session_id, action, object_type, object_id, details
                FROM audit \(whereClause) ORDER BY id DESC LIMIT ?
                """, arguments: StatementArguments(arguments)).map { row in
                guard let id = row[0] as Int64?, let at = row[1] as Int64?, let actor = row[3] as String?,
                      let action = row[5] as String?, let type = row[6] as String?, let object = row[7] as String?,
                      let details = row[8] as String? else {
                    throw StoreError("damaged row: table audit, row \((row[0] as Int64?).map { "\($0)" } ?? "?")")
                }
                return AuditRecord(id: id, at: Date(stored: at), trainingAt: (row[2] as Int64?).map(Date.init(stored:)),
                                   actor: actor, sessionID: row[4], action: action, objectType: type, objectID: object,
                                   details: details)
            }
        }
        try recordView(by: identity, objectType: "audit", objectID: "log", details: "\(records.count) entries")
        return records
    }

    /// Checks the whole chain: the number of entries checked and the first break, if any.
    public func verifyAudit(by identity: Identity) throws -> (checked: Int, problem: AuditBreak?) {
        try read(by: identity, needs: .supervise) { try AuditChain.firstBreak($0) }
    }

    /// How many reads wait in the access journal, outside the chain until the next write.
    public func pendingAuditCount() throws -> Int {
        try pendingAccess().count
    }

    /// The journal's entries that `filter` selects, newest first, as records without an id.
    static func pendingRecords(_ journal: [AccessJournal.Entry], matching filter: AuditFilter,
                               in db: Database) throws -> [AuditRecord] {
        var records: [AuditRecord] = []
        for entry in journal.reversed() where records.count < filter.limit {
            if let actor = filter.actor, entry.actor != actor { continue }
            if let action = filter.action, entry.action != action { continue }
            if let contact = filter.contactID, entry.objectType != "contact" || entry.objectID != "\(contact)" { continue }
            if let since = filter.since, entry.at < since.stored { continue }
            if let until = filter.until, entry.at >= until.stored { continue }
            if let client = filter.clientID {
                var ofClient = entry.objectType == "client" && entry.objectID == client
                if entry.objectType == "contact" {
                    ofClient = try String.fetchOne(db, sql: "SELECT client_id FROM contact WHERE id = ?",
                                                   arguments: [Int64(entry.objectID) ?? -1]) == client
                }
                if !ofClient { continue }
            }
            records.append(AuditRecord(id: nil, pending: true, at: Date(stored: entry.at),
                                       trainingAt: entry.trainingAt.map(Date.init(stored:)), actor: entry.actor,
                                       sessionID: entry.sessionID, action: entry.action, objectType: entry.objectType,
                                       objectID: entry.objectID, details: entry.details))
        }
        return records
    }

    /// The retention purge of the audit log: entries before `cutoff` go and the chain's anchor
    /// moves to the last one removed; the purge records that it did.
    @discardableResult
    public func purgeAudit(before cutoff: Date, by identity: Identity) throws -> Int {
        try write(by: identity, needs: .administer) { db, trail in
            let removed = try AuditChain.purge(before: cutoff, in: db)
            trail.record("purge", "audit", "-", "\(removed) entries before \(cutoff.stored) removed; the chain restarts there")
            return removed
        }
    }
}

extension Store {
    /// The retention purge's batch of the audit log: up to `limit` of the oldest entries
    /// before `cutoff` go, and the chain's anchor moves to the last one removed (in the
    /// caller's transaction, one of `purge`'s short batches). Returns how many went.
    static func purgeAudit(before cutoff: Date, limit: Int, in db: Database) throws -> Int {
        try AuditChain.purge(before: cutoff, limit: limit, in: db)
    }

    /// How many audit entries the purge would remove.
    static func countAudit(before cutoff: Date, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE at < ?", arguments: [cutoff.stored]) ?? 0
    }

    /// Who read a contact's record, and when (the console and the command line record each
    /// read): the audit log's entries, then those still in the access journal.
    func views(ofContact id: Int64, in db: Database) throws -> [AuditEntry] {
        let logged = try AuditEntry.fetchAll(db, sql: """
            SELECT * FROM audit WHERE object_type = 'contact' AND object_id = ? AND action = 'view' ORDER BY id
            """, arguments: ["\(id)"])
        let pending = try pendingAccess().filter { $0.objectType == "contact" && $0.objectID == "\(id)" && $0.action == "view" }
        return logged + pending.map {
            AuditEntry(at: Date(stored: $0.at), actor: $0.actor, action: $0.action, objectType: $0.objectType,
                       objectID: $0.objectID, details: $0.details)
        }
    }
}
