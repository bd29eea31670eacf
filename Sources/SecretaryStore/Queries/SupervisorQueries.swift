import Foundation
import GRDB
import SecretaryCore

extension Store {
    /// The supervisor's figures for `day` (default: today in the service's zone) as they
    /// stand now. Each client's day is read in its own zone through the index on
    /// call(client_id, arrived_at); the waiting calls through the one on call(status, ...).
    public func supervisorFigures(day: LocalDate? = nil,
                                  thresholdSeconds: Int = SupervisorFigures.defaultThresholdSeconds) throws -> SupervisorFigures {
        let now = clock.now()
        let service = SupervisorFigures.serviceCalendar
        let day = day ?? service.localDate(of: now)
        let midnight = try TimeOfDay(minutes: 0)
        return try read { db in
            let clients = try Client.fetchAll(db, sql: "SELECT * FROM client")
            let ids = Dictionary(clients.map { ($0.id.rawValue, $0.id) }, uniquingKeysWith: { first, _ in first })
            let ofDay = try db.cachedStatement(sql: """
                SELECT \(Store.figureColumns) FROM call WHERE client_id = ? AND arrived_at >= ? AND arrived_at < ?
                """)
            var calls: [Call] = []
            for client in clients {
                let calendar = client.calendar
                try Store.appendFigureCalls(from: ofDay, arguments: [
                    client.id.rawValue, calendar.instant(day, midnight).stored,
                    calendar.instant(day.adding(days: 1), midnight).stored,
                ], clientIDs: ids, to: &calls)
            }
            // Every call waiting now, and the calls operators are on even when they arrived another day.
            try Store.appendFigureCalls(from: db.cachedStatement(sql: """
                SELECT \(Store.figureColumns) FROM call WHERE status = 'waiting'
                UNION
                SELECT \(Store.figureColumns) FROM call WHERE id IN (SELECT call_id FROM operator_presence)
                """), arguments: [], clientIDs: ids, to: &calls)
            let presences = try OperatorPresence.fetchAll(db, sql: "SELECT * FROM operator_presence")
            let operators = try Operator.fetchAll(db, sql: "SELECT * FROM operator")
            var sessions: [String: SupervisorFigures.OperatorSession] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT operator.login, session.started_at, session.terminal, session.ssh_client FROM session
                JOIN operator ON operator.id = session.operator_id WHERE session.ended_at IS NULL ORDER BY session.id
                """) {
                guard let login = row[0] as String?, let since = row[1] as Int64? else { continue }
                let ssh: String = row[3] ?? ""
                let terminal: String = row[2] ?? ""
                sessions[login] = .init(since: Date(stored: since), place: ssh.isEmpty ? (terminal.isEmpty ? "local" : terminal) : ssh)
            }
            return SupervisorFigures.compute(day: day, now: now, clients: clients, calls: calls, operators: operators,
                                             presences: presences, serviceCalendar: service,
                                             thresholdSeconds: thresholdSeconds, sessions: sessions,
                                             callbacksWaiting: try Store.callbacksWaiting(in: db))
        }
    }

    /// What the figures read of a call: no number, no note, so a busy day loads quickly.
    static let figureColumns = "id, client_id, status, urgent, arrived_at, answered_at, ended_at, done_at, operator_id"

    /// Reads columns by position, in `figureColumns` order, from the statement's live rows:
    /// a busy day is thousands of rows, and copying each row first (`fetchAll`) made every
    /// column a boxed, generic decode (a third of the figures' time).
    static func appendFigureCalls(from statement: Statement, arguments: StatementArguments,
                                  clientIDs: [String: ClientID], to calls: inout [Call]) throws {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            let clientText: String = row[1]
            let statusText: String = row[2]
            guard let clientID = clientIDs[clientText], let status = CallStatus(rawValue: statusText) else { continue }
            func date(_ index: Int) -> Date? { (row[index] as Int64?).map(Date.init(stored:)) }
            calls.append(Call(id: row[0], clientID: clientID, from: nil, status: status, isUrgent: row[3],
                              arrivedAt: Date(stored: row[4]), answeredAt: date(5), endedAt: date(6),
                              doneAt: date(7), operatorID: row[8]))
        }
    }

    /// The operator `login` when their role lets them supervise; refused for an operator.
    public func supervisor(login: String) throws -> Operator {
        let person = try `operator`(login: login)
        guard person.role.canSupervise else {
            throw RuleViolation(.forbidden, "\(login) is an operator: supervising needs the supervisor or admin role")
        }
        return person
    }
}
