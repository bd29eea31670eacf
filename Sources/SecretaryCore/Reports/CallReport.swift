import Foundation

/// How the service did over a range of days: per period, per client, per operator, and the
/// busiest hours. Days and hours are the service's (Europe/Paris), as a supervisor lives
/// them; a call belongs where it arrived.
public struct CallReport: Hashable, Sendable, Codable {
    public let from: LocalDate
    public let to: LocalDate
    public let by: ReportGranularity
    public let thresholdSeconds: Int
    /// Only this client's calls, when one was chosen.
    public let clientID: ClientID?
    /// Only the calls this operator answered, when one was chosen.
    public let operatorLogin: String?
    public let total: ReportFigures
    public let periods: [PeriodFigures]
    public let clients: [ClientFigures]
    public let operators: [OperatorFigures]
    /// Offered calls by weekday (Monday first) and local hour: 7 rows of 24.
    public let busiestHours: [[Int]]

    public struct PeriodFigures: Hashable, Sendable, Codable {
        public let period: ReportPeriod
        public let figures: ReportFigures
    }

    public struct ClientFigures: Hashable, Sendable, Codable {
        public let clientID: ClientID
        public let clientName: String
        public let figures: ReportFigures
    }

    /// An operator's answered calls: their waits, talk and wrap-up.
    public struct OperatorFigures: Hashable, Sendable, Codable {
        public let login: String
        public let name: String
        public let figures: ReportFigures
    }

    /// A name for an operator id, as the report lists them.
    public struct Person: Hashable, Sendable {
        public let id: Int64
        public let login: String
        public let name: String
        public init(id: Int64, login: String, name: String) {
            self.id = id
            self.login = login
            self.name = name
        }
    }

    /// Builds the report of `calls` (those outside the range are ignored), as they stand at `now`.
    public static func compute(from: LocalDate, to: LocalDate, by granularity: ReportGranularity, calls: [ReportCall],
                               clients: [(id: ClientID, name: String)], people: [Person], now: Date,
                               calendar: LocalCalendar, thresholdSeconds: Int,
                               clientID: ClientID? = nil, operatorLogin: String? = nil) -> CallReport {
        var builder = CallReportBuilder(from: from, to: to, by: granularity, clients: clients, people: people, now: now,
                                        calendar: calendar, thresholdSeconds: thresholdSeconds,
                                        clientID: clientID, operatorLogin: operatorLogin)
        for call in calls { builder.add(call) }
        return builder.finish()
    }
}
