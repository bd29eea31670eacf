import Foundation
import GRDB
import SecretaryCore

/// What a purge did, or with `dryRun` would do.
public struct PurgeReport: Sendable, Encodable {
    public let runID: Int64?
    /// The instant the periods are counted back from (the run's start, kept when resumed).
    public let asOf: Date
    /// True when this run finished one that was interrupted.
    public let resumed: Bool
    public let dryRun: Bool
    public let counts: PurgeCounts
    /// The longest any batch held the write lock (a run's own figure; nil for a dry run).
    public var longestBatchMilliseconds: Double?
}

/// How the purge paces itself: each batch is one write transaction that holds the lock about
/// `batchTarget` (it runs small set-based steps until the time is spent), then pauses; a
/// console waiting for the lock polls every 2 ms (`Store.pollingBusyHandler`), so it gets the
/// lock in the pause and waits at most about one batch.
public struct PurgePacing: Sendable {
    public var batchTarget: TimeInterval = 0.03
    public var pause: TimeInterval = 0.01
    /// Rows (rowids of a range, or ids of a list) per step at first; the span then follows
    /// how long steps take, so that a batch holds many quick steps rather than one long one.
    public var firstSpan: Int64 = 128
    public var maxSpan: Int64 = 8192
    /// Called after each batch with the counts so far (tests stop a run midway with it).
    public var afterBatch: (@Sendable (PurgeCounts) -> Void)?

    public init() {}
}

extension Store {
    /// The periods that apply to `client`: the defaults, shortened by its file.
    public func retentionPolicy(of client: ClientID) throws -> RetentionPolicy {
        try read { try Store.retentionPolicy(of: client, in: $0) }
    }

    static func retentionPolicy(of client: ClientID, in db: Database) throws -> RetentionPolicy {
        let text = try String.fetchOne(db, sql: "SELECT retention FROM client WHERE id = ?", arguments: [client.rawValue]) ?? ""
        guard let policy = RetentionPolicy(storedLines: text) else {
            throw StoreError("damaged row: table client, id \(client), column retention")
        }
        return policy
    }

    /// Removes what is past its retention period (see `RetentionPolicy`): calls, acknowledged
    /// messages, audit entries, contacts without activity, and the contact's data on past
    /// appointments (the appointment stays, so the slot stays taken). In batches, each its
    /// own short transaction; an interrupted run is resumed by the next one, with the same
    /// cutoffs, and ends as one clean run would. One audit entry per run, with the counts.
    public func purge(dryRun: Bool = false, by identity: Identity, pacing: PurgePacing = PurgePacing()) throws -> PurgeReport {
        try require(.administer, by: identity, for: "purge")
        if dryRun { return try purgePreview() }
        let (runID, asOf, resumed) = try startPurgeRun(by: identity)
        let clients = try read { db in
            try Client.fetchAll(db, sql: "SELECT * FROM client ORDER BY id").map { ($0, try Store.retentionPolicy(of: $0.id, in: db)) }
        }
        let cutoffs = clients.map { client, policy in
            PurgeCutoff(client: client.id,
                        calls: policy.period(.calls).cutoff(before: asOf, in: client.foundationCalendar).stored,
                        messages: policy.period(.messages).cutoff(before: asOf, in: client.foundationCalendar).stored)
        }
        var purge = try PurgeBatches(store: self, runID: runID, pacing: pacing, cutoffs: cutoffs)
        defer { purge.finish() }
        try purge.removeCalls()
        // A call-back is a missed call's number: it goes with the calls' period (unless an
        // operator is dialling it now). A few rows a client: one short transaction, counted in
        // it (a killed run counts them once).
        try writeStep { db in
            var removed = 0
            for cutoff in cutoffs {
                try db.execute(sql: "DELETE FROM callback WHERE \(Store.callbackIsPast)",
                               arguments: [cutoff.client.rawValue, cutoff.calls])
                removed += db.changesCount
            }
            try db.execute(sql: "UPDATE purge_run SET counts = json_set(counts, '$.callbacks', coalesce(json_extract(counts, '$.callbacks'), 0) + ?) WHERE id = ?",
                           arguments: [removed, runID])
        }
        try purge.removeMessages()
        let contactCutoffs = clients.map { client, policy in
            (client: client.id, cutoff: policy.period(.contacts).cutoff(before: asOf, in: client.foundationCalendar))
        }
        for (client, cutoff) in contactCutoffs {
            try purge.anonymizeAppointments(of: client, endedBefore: cutoff, at: asOf)
        }
        try purge.removeInactiveContacts(inactiveSince: contactCutoffs)
        let audit = RetentionPolicy.standard.period(.audit).cutoff(before: asOf, in: Store.serviceCalendar)
        try purge.removeAudit(before: audit)
        purge.finish()

        return try write(by: identity, needs: .administer) { db, trail in
            try db.execute(sql: "UPDATE purge_run SET finished_at = ? WHERE id = ?", arguments: [trail.at.stored, runID])
            let counts = try Store.purgeCounts(run: runID, in: db)
            trail.record("purge", "retention", "run \(runID)",
                         counts.summary + (resumed ? " (resumed an interrupted run)" : ""))
            return PurgeReport(runID: runID, asOf: asOf, resumed: resumed, dryRun: false, counts: counts,
                               longestBatchMilliseconds: purge.longestBatch * 1000)
        }
    }

    /// The unfinished run to resume, or a new one counted back from now.
    private func startPurgeRun(by identity: Identity) throws -> (Int64, Date, Bool) {
        try writeStep { db in
            if let row = try Row.fetchOne(db, sql: "SELECT id, as_of FROM purge_run WHERE finished_at IS NULL ORDER BY id LIMIT 1") {
                return (row["id"], row.date("as_of"), true)
            }
            let now = clock.now()
            try db.execute(sql: "INSERT INTO purge_run (as_of, started_at, actor) VALUES (?, ?, ?)",
                           arguments: [now.stored, now.stored, identity.login])
            return (db.lastInsertedRowID, Date(stored: now.stored), false)
        }
    }

    static func purgeCounts(run: Int64, in db: Database) throws -> PurgeCounts {
        let text = try String.fetchOne(db, sql: "SELECT counts FROM purge_run WHERE id = ?", arguments: [run]) ?? "{}"
        do {
            return try JSONDecoder().decode(PurgeCounts.self, from: Data(text.utf8))
        } catch {
            throw StoreError("damaged row: table purge_run, id \(run), column counts")
        }
    }

    /// What a purge would remove now, counted in one read.
    private func purgePreview() throws -> PurgeReport {
        let asOf = Date(stored: clock.now().stored)
        return try read { db in
            var counts = PurgeCounts()
            for client in try Client.fetchAll(db, sql: "SELECT * FROM client ORDER BY id") {
                let policy = try Store.retentionPolicy(of: client.id, in: db)
                let calendar = client.foundationCalendar
                let calls = policy.period(.calls).cutoff(before: asOf, in: calendar).stored
                let messages = policy.period(.messages).cutoff(before: asOf, in: calendar).stored
                let contacts = policy.period(.contacts).cutoff(before: asOf, in: calendar).stored
                let placeholder = try Store.existingPlaceholder(of: client.id, in: db) ?? 0
                counts.calls += try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM call WHERE client_id = ? AND arrived_at < ?
                        AND status NOT IN ('waiting', 'answered', 'on-hold', 'wrap-up')
                    """, arguments: [client.id.rawValue, calls]) ?? 0
                counts.callbacks += try Int.fetchOne(db, sql: "SELECT count(*) FROM callback WHERE \(Store.callbackIsPast)",
                                                     arguments: [client.id.rawValue, calls]) ?? 0
                counts.messages += try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM message WHERE client_id = ? AND created_at < ? AND acknowledged_at < ?
                    """, arguments: [client.id.rawValue, messages, messages]) ?? 0
                counts.appointments += try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM appointment WHERE client_id = ? AND start_at < ? AND end_at < ? AND contact_id <> ?
                    """, arguments: [client.id.rawValue, contacts, contacts, placeholder]) ?? 0
                // Contacts whose only activity is on appointments the purge anonymizes count too.
                counts.contacts += try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM contact AS c WHERE c.client_id = ? AND c.id <> ? AND \(Store.inactiveContact(appointmentsBefore: true))
                    """, arguments: [client.id.rawValue, placeholder, contacts, contacts, contacts, contacts, contacts]) ?? 0
            }
            let audit = RetentionPolicy.standard.period(.audit).cutoff(before: asOf, in: Store.serviceCalendar)
            counts.audit = try Store.countAudit(before: audit, in: db)
            return PurgeReport(runID: nil, asOf: asOf, resumed: false, dryRun: true, counts: counts)
        }
    }

    /// A call-back of a client (`?`) whose last missed call is older than the calls' cutoff
    /// (`?`), unless an operator is dialling it now.
    static let callbackIsPast = "client_id = ? AND last_missed_at < ? AND status <> 'taken'"

    /// A contact (`c`) created before the cutoff with nothing since: no appointment (or, for
    /// a preview, none ending after the cutoff), no call or message (purged ones count by the
    /// `last_activity_at` they left on the contact), no open waiting-list entry. `cutoff`: an
    /// SQL expression; by default an argument, then given once per `?` (five).
    static func inactiveContact(appointmentsBefore preview: Bool, cutoff: String = "?") -> String {
        let appointments = preview
            ? "NOT EXISTS (SELECT 1 FROM appointment AS a WHERE a.contact_id = c.id AND a.end_at >= \(cutoff))"
            : "NOT EXISTS (SELECT 1 FROM appointment AS a WHERE a.contact_id = c.id) AND \(cutoff) IS NOT NULL"
        return """
            c.created_at < \(cutoff) AND coalesce(c.last_activity_at, 0) < \(cutoff) AND \(appointments)
            AND NOT EXISTS (SELECT 1 FROM call WHERE call.contact_id = c.id AND call.arrived_at >= \(cutoff))
            AND NOT EXISTS (SELECT 1 FROM message AS m WHERE m.contact_id = c.id AND m.created_at >= \(cutoff))
            AND NOT EXISTS (SELECT 1 FROM waitlist AS w WHERE w.contact_id = c.id AND w.closed_at IS NULL)
            """
    }

    /// The service's own calendar (the audit log is not a client's).
    static var serviceCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        return calendar
    }

    /// The client's contact that stands for "someone whose data is gone" on past
    /// appointments, made on first use.
    static func placeholderContact(of client: ClientID, at now: Date, in db: Database) throws -> Int64 {
        if let id = try existingPlaceholder(of: client, in: db) { return id }
        try db.execute(sql: "INSERT INTO contact (client_id, last_name, first_name, created_at) VALUES (?, ?, '', ?)",
                       arguments: [client.rawValue, Store.erasedContactName, now.stored])
        let id = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO retention_placeholder (client_id, contact_id) VALUES (?, ?)",
                       arguments: [client.rawValue, id])
        return id
    }

    static func existingPlaceholder(of client: ClientID, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT contact_id FROM retention_placeholder WHERE client_id = ?",
                           arguments: [client.rawValue])
    }

    /// What the agenda shows on an appointment whose contact's data was erased: the slot is
    /// taken, by nobody named.
    public static let erasedContactName = "—"
}

extension Client {
    /// Foundation's calendar in the client's zone, for counting periods back.
    var foundationCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZoneIdentifier) ?? .gmt
        return calendar
    }
}
