import Foundation
import GRDB
import SecretaryCore
import Sodium

/// The audit log as a hash chain: each entry carries the SHA-256 of its own content and of
/// the entry before it, so an entry edited, deleted or slipped in with `sqlite3` breaks the
/// chain at that point. SQLite triggers refuse UPDATE and DELETE besides; the retention
/// purge alone removes old entries, and moves the anchor the chain then starts from.
enum AuditChain {
    /// One entry's fields, as hashed.
    struct Fields {
        var id: Int64
        var at: Int64
        var trainingAt: Int64?
        var actor: String
        var sessionID: Int64?
        var action: String
        var objectType: String
        var objectID: String
        var details: String
    }

    /// Each field length-prefixed, so that no two different entries hash the same bytes.
    static func digest(_ fields: Fields, previous: String) -> String {
        var bytes: [UInt8] = []
        func add(_ text: String) {
            bytes.append(contentsOf: Array("\(text.utf8.count):".utf8))
            bytes.append(contentsOf: Array(text.utf8))
        }
        add("\(fields.id)")
        add("\(fields.at)")
        add(fields.trainingAt.map { "\($0)" } ?? "-")
        add(fields.actor)
        add(fields.sessionID.map { "\($0)" } ?? "-")
        add(fields.action)
        add(fields.objectType)
        add(fields.objectID)
        add(fields.details)
        add(previous)
        return Sodium.sha256Hex(bytes)
    }

    /// The id and hash the next entry follows: the newest entry's, or the anchor's.
    static func tip(_ db: Database) throws -> (id: Int64, hash: String) {
        if let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1") {
            return (row[0], row[1])
        }
        let anchor = try Row.fetchOne(db, sql: "SELECT after_id, after_hash FROM audit_anchor WHERE id = 1")
        return (anchor?[0] ?? 0, anchor?[1] ?? "")
    }

    /// Appends `entries` after the chain's tip, in the caller's transaction.
    static func append(_ entries: [AuditEntry], realAt: Date, training: Bool, sessionID: Int64?,
                       in db: Database) throws {
        var (id, previous) = try tip(db)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit (id, at, training_at, actor, session_id, action, object_type, object_id, details,
                               prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for entry in entries {
            id += 1
            let fields = Fields(id: id, at: realAt.stored, trainingAt: training ? entry.at.stored : nil,
                                actor: entry.actor, sessionID: sessionID, action: entry.action,
                                objectType: entry.objectType, objectID: entry.objectID, details: entry.details)
            let hash = digest(fields, previous: previous)
            try statement.execute(arguments: [id, fields.at, fields.trainingAt, fields.actor, sessionID, fields.action,
                                              fields.objectType, fields.objectID, fields.details, previous, hash])
            previous = hash
        }
    }

    /// Hashes the entries written before the chain existed (the migration that adds it).
    static func sealExisting(_ db: Database) throws {
        var previous = ""
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, at, actor, action, object_type, object_id, details FROM audit ORDER BY id
            """)
        var sealed: [(Int64, String, String)] = []
        while let row = try rows.next() {
            let fields = Fields(id: row[0], at: row[1], trainingAt: nil, actor: row[2], sessionID: nil, action: row[3],
                                objectType: row[4], objectID: row[5], details: row[6])
            let hash = digest(fields, previous: previous)
            sealed.append((fields.id, previous, hash))
            previous = hash
        }
        for (id, prev, hash) in sealed {
            try db.execute(sql: "UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", arguments: [prev, hash, id])
        }
    }

    /// The first place where the chain breaks, or nil when every entry is as written.
    static func firstBreak(_ db: Database) throws -> (checked: Int, problem: AuditBreak?) {
        guard let anchor = try Row.fetchOne(db, sql: "SELECT after_id, after_hash FROM audit_anchor WHERE id = 1") else {
            return (0, AuditBreak(entryID: 0, reason: "the audit anchor is missing"))
        }
        var expectedID: Int64 = (anchor[0] as Int64?) ?? 0
        var expectedPrevious: String = (anchor[1] as String?) ?? ""
        var checked = 0
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, at, training_at, actor, session_id, action, object_type, object_id, details, prev_hash, hash
            FROM audit ORDER BY id
            """)
        while let row = try rows.next() {
            guard let id = row[0] as Int64?, let at = row[1] as Int64?, let actor = row[3] as String?,
                  let action = row[5] as String?, let objectType = row[6] as String?, let objectID = row[7] as String?,
                  let details = row[8] as String?, let previous = row[9] as String?, let hash = row[10] as String?
            else {
                return (checked, AuditBreak(entryID: (row[0] as Int64?) ?? 0, reason: "a field has the wrong type"))
            }
            let fields = Fields(id: id, at: at, trainingAt: row[2], actor: actor, sessionID: row[4], action: action,
                                objectType: objectType, objectID: objectID, details: details)
            if digest(fields, previous: previous) != hash {
                return (checked, AuditBreak(entryID: id, reason: "its content was changed after it was written"))
            }
            if id != expectedID + 1 {
                return (checked, AuditBreak(entryID: id, reason: id > expectedID + 1
                    ? "entries \(expectedID + 1)–\(id - 1) before it are missing"
                    : "it does not follow entry \(expectedID) in order: it was inserted"))
            }
            if previous != expectedPrevious {
                return (checked, AuditBreak(entryID: id, reason: "it does not follow the entry before it: an entry was inserted, replaced or deleted before it"))
            }
            checked += 1
            expectedID = id
            expectedPrevious = hash
        }
        return (checked, nil)
    }

    /// Removes the entries older than `cutoff` (the retention purge), and moves the anchor to
    /// the last one removed, in one transaction: the chain then starts there.
    static func purge(before cutoff: Date, in db: Database) throws -> Int {
        guard let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit WHERE at < ? ORDER BY id DESC LIMIT 1",
                                          arguments: [cutoff.stored]) else { return 0 }
        let lastID: Int64 = last[0]
        let lastHash: String = last[1]
        try db.execute(sql: "UPDATE audit_anchor SET purging = 1 WHERE id = 1")
        try db.execute(sql: "DELETE FROM audit WHERE id <= ?", arguments: [lastID])
        let removed = db.changesCount
        try db.execute(sql: "UPDATE audit_anchor SET after_id = ?, after_hash = ?, moved_at = ?, purging = 0 WHERE id = 1",
                       arguments: [lastID, lastHash, Date().stored])
        return removed
    }
}

/// Where `audit verify` found the chain broken.
public struct AuditBreak: Equatable, Sendable, CustomStringConvertible {
    public let entryID: Int64
    public let reason: String
    public var description: String { "audit entry \(entryID): \(reason)" }
}
