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
            let ofDay = try db.cachedStatement(sql: """
                SELECT * FROM call WHERE client_id = ? AND arrived_at >= ? AND arrived_at < ?
                """)
            var calls: [Call] = []
            for client in clients {
                let calendar = client.calendar
                calls += try Call.fetchAll(ofDay, arguments: [
                    client.id.rawValue, calendar.instant(day, midnight).stored,
                    calendar.instant(day.adding(days: 1), midnight).stored,
                ])
            }
            calls += try Call.fetchAll(db, sql: "SELECT * FROM call WHERE status = 'waiting'")
            let presences = try OperatorPresence.fetchAll(db, sql: "SELECT * FROM operator_presence")
            // The calls operators are on now, even when they arrived on another day.
            calls += try Call.fetchAll(db, sql: """
                SELECT call.* FROM operator_presence JOIN call ON call.id = operator_presence.call_id
                """)
            let operators = try Operator.fetchAll(db, sql: "SELECT * FROM operator")
            return SupervisorFigures.compute(day: day, now: now, clients: clients, calls: calls, operators: operators,
                                             presences: presences, serviceCalendar: service,
                                             thresholdSeconds: thresholdSeconds)
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
