import Foundation
import GRDB
import SecretaryCore

/// One client's cutoffs for the purge, as stored times.
struct PurgeCutoff {
    let client: ClientID
    let calls: Int64
    let messages: Int64
}

/// The purge's batches. Each is one write transaction that runs small set-based steps (a
/// range of rowids, or a slice of ids found beforehand in a read, outside the lock) until it
/// has held the lock `PurgePacing.batchTarget`, adds its count to the run's row in the same
/// transaction (so a killed run is resumed where it was), and is followed by a pause in
/// which waiting consoles write. No purged row comes into Swift: the work is SQLite's.
struct PurgeBatches {
    let store: Store
    let runID: Int64
    let pacing: PurgePacing
    let cutoffs: [PurgeCutoff]
    /// Rows per step, following how long steps take.
    private var span: Int64
    /// The longest a batch took, from asking for the write lock to its commit.
    private(set) var longestBatch: TimeInterval = 0

    /// Calls that are over (the live ones stay, whatever their age).
    static let callIsOver = "call.status NOT IN ('waiting', 'answered', 'on-hold', 'wrap-up')"

    /// The writer connection's `synchronous`, `temp_store` and `cache_size` settings before
    /// the purge, put back by `finish`.
    private let synchronous: Int
    private let tempStore: Int
    private let cacheSize: Int

    /// Keeps the cutoffs in a table of the writer's connection, so one statement deletes
    /// across clients with each client's own cutoff. Batches commit without waiting for the
    /// disk (synchronous=NORMAL): a commit's fsync would hold the write lock about as long as
    /// the batch's own work; the frames reach the disk in the checkpoint SQLite runs on this
    /// connection right after, once the lock is released. In WAL mode the file stays consistent; a power cut can only undo
    /// the last batches, and the next run, resuming, does them again.
    ///
    /// temp_store=MEMORY: a DELETE that fires triggers keeps a statement journal (the pages it
    /// changed, to undo the statement alone) in a temporary file by default, made, written
    /// and unlinked each batch, inside the lock; the purge's are a few MB.
    /// A 64 MB page cache holds a batch's changed pages until its commit (SQLite's default,
    /// 2 MB, is smaller than a batch's changes, which it then spills to the log early).
    init(store: Store, runID: Int64, pacing: PurgePacing, cutoffs: [PurgeCutoff]) throws {
        self.store = store
        self.runID = runID
        self.pacing = pacing
        self.cutoffs = cutoffs
        span = pacing.firstSpan
        (synchronous, tempStore, cacheSize) = try store.mapped {
            try store.pool.writeWithoutTransaction { db in
                let current = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 2
                let temp = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
                let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536")
                return (current, temp, cache)
            }
        }
        try Self.fillClientTable("purge_cutoff", columns: ("calls", "messages"), in: store,
                                 rows: cutoffs.map { ($0.client, $0.calls, $0.messages) })
    }

    /// Fills a temporary table of two times per client (made on first use, emptied before),
    /// which the batches' statements join on `client_id`.
    private static func fillClientTable(_ table: String, columns: (String, String), in store: Store,
                                        rows: [(client: ClientID, Int64, Int64)]) throws {
        try store.writeStep { db in
            try db.execute(sql: """
                CREATE TEMP TABLE IF NOT EXISTS \(table) (
                    client_id TEXT PRIMARY KEY NOT NULL, \(columns.0) INTEGER NOT NULL, \(columns.1) INTEGER NOT NULL
                ) WITHOUT ROWID;
                DELETE FROM temp.\(table)
                """)
            let insert = try db.makeStatement(
                sql: "INSERT INTO temp.\(table) (client_id, \(columns.0), \(columns.1)) VALUES (?, ?, ?)")
            for row in rows { try insert.execute(arguments: [row.client.rawValue, row.1, row.2]) }
        }
    }

    /// Calls older than their client's period, walked by rowid: rowids follow arrival, so a
    /// range is a few neighbouring table pages.
    mutating func removeCalls() throws {
        try removeRows("calls", table: "call", time: "arrived_at", latest: cutoffs.map(\.calls).max(),
                       purgeable: "call.arrived_at < c.calls AND \(Self.callIsOver)")
    }

    /// Messages acknowledged before their client's period (their deliveries and tries go
    /// with them, by the foreign keys' cascade).
    mutating func removeMessages() throws {
        try removeRows("messages", table: "message", time: "created_at", latest: cutoffs.map(\.messages).max(),
                       purgeable: "message.created_at < c.messages AND message.acknowledged_at < c.messages")
    }

    /// Deletes the rows of `table` that `purgeable` (over the row and its client's cutoffs,
    /// `c`) chooses, range by range of rowids, after keeping on each contact the time of its
    /// latest row that may go (`time`), so a contact whose calls were purged still counts as
    /// active.
    private mutating func removeRows(_ kind: String, table: String, time: String, latest: Int64?, purgeable: String) throws {
        guard let latest else { return }
        // The rowids that can hold a purgeable row, found in a read: a scan, outside the lock.
        let bounds = try store.read { db in
            try Row.fetchOne(db, sql: "SELECT min(id), max(id) FROM \(table) WHERE \(time) < ?", arguments: [latest])
        }
        guard let low = bounds?[0] as Int64?, let high = bounds?[1] as Int64? else { return }
        try keepLastActivity(of: table, time: time, before: latest, from: low, to: high)
        let chosen = "EXISTS (SELECT 1 FROM temp.purge_cutoff AS c WHERE c.client_id = \(table).client_id AND \(purgeable))"
        try walk(kind, from: low, to: high) { db, first, end in
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE id >= ? AND id < ? AND \(chosen)")
                .execute(arguments: [first, end])
            return db.changesCount
        }
    }

    /// Puts on each contact the time of its latest row of `table` in `[low, high]` older than
    /// `cutoff`, before any is deleted. The times are read outside the lock and written in
    /// contact order, each contact's page once, where updating them batch by batch beside the
    /// deletes wrote a random contact page per row, again in every batch (40% of the log the
    /// calls' deletes wrote). Exact: every row the deletes may take is older than `cutoff`,
    /// and an ended call or message changes contact only to none (a caller is identified on
    /// a call in progress); a row that is not deleted after all left a time that was true.
    /// Resumed runs do it again over what is left.
    private mutating func keepLastActivity(of table: String, time: String, before cutoff: Int64, from low: Int64, to high: Int64) throws {
        let latest = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT contact_id, max(\(time)) FROM \(table)
                WHERE id >= ? AND id <= ? AND \(time) < ? AND contact_id IS NOT NULL
                GROUP BY contact_id ORDER BY contact_id
                """, arguments: [low, high, cutoff]).compactMap { row -> (contact: Int64, at: Int64)? in
                guard let contact = row[0] as Int64?, let at = row[1] as Int64? else { return nil }
                return (contact, at)
            }
        }
        guard !latest.isEmpty else { return }
        var next = 0
        try batches(nil) { db, span in
            let end = min(latest.count, next + Int(span))
            let statement = try db.cachedStatement(
                sql: "UPDATE contact SET last_activity_at = ? WHERE id = ? AND coalesce(last_activity_at, 0) < ?")
            for row in latest[next..<end] {
                try statement.execute(arguments: [row.at, row.contact, row.at])
            }
            next = end
            return (0, next == latest.count)
        }
    }

    /// Past appointments (ended before the cutoff) move to the client's placeholder contact
    /// and lose their note and cancellation reason: the slot stays taken, unnamed.
    mutating func anonymizeAppointments(of client: ClientID, endedBefore cutoff: Date, at now: Date) throws {
        let condition = "client_id = ? AND start_at < ? AND end_at < ? AND contact_id NOT IN (SELECT contact_id FROM retention_placeholder WHERE client_id = ?)"
        let arguments: [DatabaseValueConvertible] = [client.rawValue, cutoff.stored, cutoff.stored, client.rawValue]
        let ids = try store.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM appointment WHERE \(condition) ORDER BY id", arguments: StatementArguments(arguments))
        }
        guard !ids.isEmpty else { return }
        let placeholder = try store.writeStep { try Store.placeholderContact(of: client, at: now, in: $0) }
        try walk("appointments", ids: ids) { db, list in
            try db.execute(sql: "UPDATE appointment SET contact_id = ?, note = '', cancel_reason = NULL WHERE id IN (\(list)) AND \(condition)",
                           arguments: StatementArguments([placeholder] + arguments))
            return db.changesCount
        }
    }

    /// Contacts with no activity since their client's cutoff: found in reads, client by
    /// client, then deleted slice by slice across clients (a client's few dozen would each
    /// take a batch, a pause and a checkpoint of their own), each one checked again in the
    /// write against its client's cutoff (a call may have come since).
    mutating func removeInactiveContacts(inactiveSince cutoffs: [(client: ClientID, cutoff: Date)]) throws {
        var ids: [Int64] = []
        var placeholders: [ClientID: Int64] = [:]
        for (client, cutoff) in cutoffs {
            let (placeholder, found) = try store.read { db in
                let placeholder = try Store.existingPlaceholder(of: client, in: db) ?? 0
                let arguments: [DatabaseValueConvertible] = [client.rawValue, placeholder] + Array(repeating: cutoff.stored, count: 5)
                return (placeholder, try Int64.fetchAll(db, sql: """
                    SELECT c.id FROM contact AS c
                    WHERE c.client_id = ? AND c.id <> ? AND \(Store.inactiveContact(appointmentsBefore: false))
                    """, arguments: StatementArguments(arguments)))
            }
            placeholders[client] = placeholder
            ids += found
        }
        guard !ids.isEmpty else { return }
        try Self.fillClientTable("purge_contact_cutoff", columns: ("inactive_since", "placeholder"), in: store,
                                 rows: cutoffs.map { ($0.client, $0.cutoff.stored, placeholders[$0.client] ?? 0) })
        let inactive = Store.inactiveContact(appointmentsBefore: false, cutoff: "k.inactive_since")
        try walk("contacts", ids: ids.sorted()) { db, list in
            try db.execute(sql: """
                DELETE FROM contact WHERE id IN (
                    SELECT c.id FROM contact AS c JOIN temp.purge_contact_cutoff AS k ON k.client_id = c.client_id
                    WHERE c.id IN (\(list)) AND c.id <> k.placeholder AND \(inactive))
                """)
            return db.changesCount
        }
    }

    /// Audit entries older than the cutoff, oldest first, through the chain-aware purge that
    /// moves the anchor in the same transaction.
    mutating func removeAudit(before cutoff: Date) throws {
        try batches("audit") { db, span in
            let removed = try Store.purgeAudit(before: cutoff, limit: Int(span), in: db)
            return (removed, removed < span)
        }
    }

    /// Puts back the writer connection's durability: the run's last write (its audit entry)
    /// waits for the disk again.
    func finish() {
        let synchronous = self.synchronous, tempStore = self.tempStore, cacheSize = self.cacheSize
        _ = try? store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous); PRAGMA temp_store = \(tempStore); PRAGMA cache_size = \(cacheSize)")
        }
    }

    // MARK: - Batches

    /// `step` over consecutive rowid ranges `[first, end)` from `low` through `high`.
    private mutating func walk(_ kind: String, from low: Int64, to high: Int64,
                               _ step: (Database, Int64, Int64) throws -> Int) throws {
        var next = low
        try batches(kind) { db, span in
            let end = next + min(span, high - next + 1)
            let changed = try step(db, next, end)
            next = end
            return (changed, next > high)
        }
    }

    /// `step` over consecutive slices of `ids`, given as an SQL list (integers from the database).
    private mutating func walk(_ kind: String, ids: [Int64], _ step: (Database, String) throws -> Int) throws {
        guard !ids.isEmpty else { return }
        var next = 0
        try batches(kind) { db, span in
            let end = min(ids.count, next + Int(span))
            let changed = try step(db, ids[next..<end].map(String.init).joined(separator: ","))
            next = end
            return (changed, next == ids.count)
        }
    }

    /// Batches of `step` (given the span, returning the rows changed and whether all is
    /// done) until it is done, each batch followed by the pause. The rows changed count as
    /// `kind` in the run's counts (none for nil).
    private mutating func batches(_ kind: String?, _ step: (Database, Int64) throws -> (changed: Int, finished: Bool)) throws {
        while true {
            var finished = false
            var span = self.span
            let target = pacing.batchTarget, maxSpan = pacing.maxSpan, runID = self.runID
            let asked = Date()
            let counts = try store.writeStep { db -> PurgeCounts in
                let began = Date()
                var changed = 0
                repeat {
                    let stepBegan = Date()
                    let result = try step(db, span)
                    changed += result.changed
                    finished = result.finished
                    let took = Date().timeIntervalSince(stepBegan)
                    if took < target / 8 { span = min(span * 2, maxSpan) }
                    if took > target / 3 { span = max(span / 2, 1) }
                } while !finished && Date().timeIntervalSince(began) < target
                if let kind, changed > 0 {
                    try db.cachedStatement(sql: """
                        UPDATE purge_run SET counts = json_set(counts, '$.' || ?, coalesce(json_extract(counts, '$.' || ?), 0) + ?)
                        WHERE id = ?
                        """).execute(arguments: [kind, kind, changed, runID])
                }
                return try Store.purgeCounts(run: runID, in: db)
            }
            longestBatch = max(longestBatch, Date().timeIntervalSince(asked))
            self.span = span
            pacing.afterBatch?(counts)
            if finished { return }
            Thread.sleep(forTimeInterval: pacing.pause)
        }
    }
}
