import Foundation
import GRDB
import SecretaryCore

// Usage for billing and reports over periods. The store counts and reads; the rules (what
// counts, periods, percentiles) are SecretaryCore's Reports. Every read here is covered by
// an index (migration v5-reports).

extension Store {
    /// Each client's usage for `month` (or one client's), the month read in each client's
    /// own time zone. Clients created after the month, with nothing in it, are left out.
    public func monthlyUsage(month: LocalMonth, client: ClientID? = nil, rules: UsageRules) throws -> [ClientUsage] {
        let now = clock.now()
        return try read { db in
            let clients: [Client]
            if let client {
                clients = [try Store.client(client, in: db)]
            } else {
                clients = try Client.fetchAll(db, sql: "SELECT * FROM client ORDER BY name, id")
            }
            let created = try Dictionary(Row.fetchAll(db, sql: "SELECT id, created_at FROM client").map {
                (($0[0] as String), ($0[1] as Int64))
            }, uniquingKeysWith: { first, _ in first })
            let bounds = clients.map { month.bounds(in: $0.calendar) }
            let widest = (bounds.map(\.lowerBound).min() ?? now)..<(bounds.map(\.upperBound).max() ?? now)
            let changes = Dictionary(grouping: try Store.appointmentChanges(in: widest, db: db), by: \.client)
            let smsSource = try SMSSource(db)
            var usage: [ClientUsage] = []
            for (client, range) in zip(clients, bounds) {
                var facts = try Store.usageFacts(client: client.id, range: range, db: db)
                // A client signed after the month owes nothing for it (history imported with
                // it, as generated data has, still shows).
                if let since = created[client.id.rawValue], since >= range.upperBound.stored,
                   facts.callGroups.isEmpty, facts.messages == 0, facts.appointmentsBooked == 0 { continue }
                let own = (changes[client.id.rawValue] ?? []).filter { range.contains($0.at) }
                facts.appointmentsMoved = own.filter { $0.action == "move" }.count
                facts.appointmentsCancelled = own.filter { $0.action == "cancel" }.count
                facts.smsSegments = try smsSource?.segments(client: client.id, range: range, db: db)
                usage.append(ClientUsage.compute(client: client, month: month, facts: facts, rules: rules, now: now))
            }
            return usage
        }
    }

    /// True when SMS can be counted (the dispatch's record is in this database).
    public func countsSMS() throws -> Bool {
        try read { try SMSSource($0) != nil }
    }

    static func usageFacts(client: ClientID, range: Range<Date>, db: Database) throws -> UsageFacts {
        let arguments: StatementArguments = [client.rawValue, range.lowerBound.stored, range.upperBound.stored]
        var facts = UsageFacts()
        let (groups, groupArguments) = try usageCallGroups(client: client, range: range, db: db)
        let rows = try Row.fetchCursor(groups, arguments: groupArguments)
        while let row = try rows.next() {
            let text: String = row[0]
            guard let status = CallStatus(rawValue: text) else {
                throw StoreError("damaged call of client \(client): column status is not a call status")
            }
            facts.callGroups.append(UsageCallGroup(status: status, abandonedWaitSeconds: row[1], calls: row[2], talkSeconds: row[3]))
        }
        facts.messages = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM message WHERE client_id = ? AND created_at >= ? AND created_at < ?
            """), arguments: arguments) ?? 0
        facts.appointmentsBooked = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM appointment WHERE client_id = ? AND created_at >= ? AND created_at < ?
            """), arguments: arguments) ?? 0
        return facts
    }

    /// The client's calls in `range` grouped by status and, for abandoned ones, capped wait:
    /// from the summary (migration v10-call-summary) when the range is whole UTC hours, as a
    /// local month is in every zone served; from the calls themselves otherwise.
    static func usageCallGroups(client: ClientID, range: Range<Date>, db: Database) throws -> (Statement, StatementArguments) {
        let low = range.lowerBound.stored, high = range.upperBound.stored
        if low > 0, low % 3600 == 0, high % 3600 == 0, UsageCallGroup.longestWaitKept == Schema.callSummaryLongestWait {
            return (try db.cachedStatement(sql: """
                SELECT status, nullif(abandon_wait, -1), sum(calls), sum(talk_seconds)
                FROM call_summary WHERE client_id = ? AND hour >= ? AND hour < ?
                GROUP BY status, abandon_wait HAVING sum(calls) > 0
                """), [client.rawValue, low / 3600, high / 3600])
        }
        return (try db.cachedStatement(sql: """
            SELECT status,
                   CASE WHEN status = 'abandoned'
                        THEN max(0, min(coalesce(ended_at, arrived_at) - arrived_at, \(UsageCallGroup.longestWaitKept))) END,
                   count(*),
                   coalesce(sum(CASE WHEN answered_at IS NOT NULL AND ended_at IS NOT NULL THEN ended_at - answered_at END), 0)
            FROM call WHERE client_id = ? AND arrived_at >= ? AND arrived_at < ?
            GROUP BY 1, 2
            """), [client.rawValue, low, high])
    }

    /// Moves and cancellations in `range`: only the audit log says when they happened (at
    /// the training time on a training database).
    static func appointmentChanges(in range: Range<Date>, db: Database) throws -> [(client: String, action: String, at: Date)] {
        try Row.fetchAll(db, sql: """
            SELECT appointment.client_id, audit.action, coalesce(audit.training_at, audit.at) FROM audit
            JOIN appointment ON appointment.id = CAST(audit.object_id AS INTEGER)
            WHERE audit.action IN ('move', 'cancel') AND coalesce(audit.training_at, audit.at) >= ?
              AND coalesce(audit.training_at, audit.at) < ? AND audit.object_type = 'appointment'
            """, arguments: [range.lowerBound.stored, range.upperBound.stored]).map {
            (client: $0[0], action: $0[1], at: Date(stored: $0[2]))
        }
    }

    /// The report of the calls that arrived from `from` to `to` (days included, in the
    /// service's zone), optionally of one client or of one operator's answered calls.
    public func callReport(from: LocalDate, to: LocalDate, by granularity: ReportGranularity, client: ClientID? = nil,
                           operatorLogin: String? = nil,
                           thresholdSeconds: Int = SupervisorFigures.defaultThresholdSeconds) throws -> CallReport {
        let now = clock.now()
        let calendar = SupervisorFigures.serviceCalendar
        let range = calendar.startOfDay(from).stored..<calendar.startOfDay(to.adding(days: 1)).stored
        return try read { db in
            let clients = try Row.fetchAll(db, sql: "SELECT id, name FROM client ORDER BY id").map { row -> (id: ClientID, name: String) in
                let id: String = row[0]
                guard let clientID = try? ClientID(id) else { throw StoreError("damaged client row: column id is not a client id") }
                return (clientID, row[1])
            }
            if let client, !clients.contains(where: { $0.id == client }) { _ = try Store.client(client, in: db) }
            let people = try Row.fetchAll(db, sql: "SELECT id, login, display_name FROM operator").map {
                CallReport.Person(id: $0[0], login: $0[1], name: $0[2])
            }
            if let operatorLogin, !people.contains(where: { $0.login == operatorLogin }) {
                throw StoreError("unknown operator '\(operatorLogin)'")
            }
            var builder = CallReportBuilder(from: from, to: to, by: granularity, clients: clients, people: people, now: now,
                                            calendar: calendar, thresholdSeconds: thresholdSeconds,
                                            clientID: client, operatorLogin: operatorLogin)
            let statement = try db.cachedStatement(sql: """
                SELECT operator_id, status, arrived_at, answered_at, ended_at, done_at
                FROM call WHERE client_id = ? AND arrived_at >= ? AND arrived_at < ?
                """)
            let columns = RowColumns(statement)
            for (position, (id, _)) in clients.enumerated() where client == nil || client == id {
                let rows = try Row.fetchCursor(statement, arguments: [id.rawValue, range.lowerBound, range.upperBound])
                while try rows.next() != nil {
                    guard let status = columns.callStatus(1) else {
                        throw StoreError("damaged call of client \(id): column status is not a call status")
                    }
                    builder.add(client: position, operatorID: columns.optionalInt64(0), status: status,
                                arrivedAt: columns.int64(2), answeredAt: columns.optionalInt64(3),
                                endedAt: columns.optionalInt64(4), doneAt: columns.optionalInt64(5))
                }
            }
            return builder.finish()
        }
    }
}

/// Where SMS segments are counted from: the dispatch's delivery record, when this database
/// has it (the dispatch is built apart; until it lands there is none and usage says so).
/// The one query to change if its table is named otherwise.
struct SMSSource {
    static let table = "delivery"
    static let columns: Set<String> = ["client_id", "channel", "segments", "sent_at"]

    init?(_ db: Database) throws {
        guard try db.tableExists(SMSSource.table),
              SMSSource.columns.isSubset(of: Set(try db.columns(in: SMSSource.table).map(\.name))) else { return nil }
    }

    func segments(client: ClientID, range: Range<Date>, db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(sum(segments), 0) FROM \(SMSSource.table)
            WHERE client_id = ? AND channel = 'sms' AND sent_at >= ? AND sent_at < ?
            """), arguments: [client.rawValue, range.lowerBound.stored, range.upperBound.stored]) ?? 0
    }
}
