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
        let periods = ReportPeriods.periods(from: from, to: to, by: granularity, calendar: calendar)
        let operatorID = operatorLogin.flatMap { login in people.first { $0.login == login }?.id }
        var total = ReportAccumulator()
        var perPeriod = [ReportAccumulator](repeating: ReportAccumulator(), count: periods.count)
        var perClient: [ClientID: ReportAccumulator] = [:]
        var perOperator: [Int64: ReportAccumulator] = [:]
        var heat = [[Int]](repeating: [Int](repeating: 0, count: 24), count: 7)
        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        for call in calls {
            if let clientID, call.clientID != clientID { continue }
            if operatorLogin != nil, call.operatorID == nil || call.operatorID != operatorID { continue }
            let arrived = Date(timeIntervalSince1970: TimeInterval(call.arrivedAt))
            guard let index = ReportPeriods.index(of: arrived, in: periods) else { continue }
            total.add(call, now: nowSeconds, thresholdSeconds: thresholdSeconds)
            perPeriod[index].add(call, now: nowSeconds, thresholdSeconds: thresholdSeconds)
            perClient[call.clientID, default: ReportAccumulator()].add(call, now: nowSeconds, thresholdSeconds: thresholdSeconds)
            if let person = call.operatorID, call.answeredAt != nil {
                perOperator[person, default: ReportAccumulator()].add(call, now: nowSeconds, thresholdSeconds: thresholdSeconds)
            }
            if call.status != .closed {
                let local = calendar.localDateTime(of: arrived)
                heat[local.date.weekday.rawValue - 1][local.time.hour] += 1
            }
        }
        let names = Dictionary(clients.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let clientRows = perClient.map { id, accumulator -> ClientFigures in
            var accumulator = accumulator
            return ClientFigures(clientID: id, clientName: names[id] ?? id.rawValue, figures: accumulator.finish())
        }.sorted { ($0.figures.offered + $0.figures.closed, $1.clientName) > ($1.figures.offered + $1.figures.closed, $0.clientName) }
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let operatorRows = perOperator.compactMap { id, accumulator -> OperatorFigures? in
            guard let person = byID[id] else { return nil }
            var accumulator = accumulator
            return OperatorFigures(login: person.login, name: person.name, figures: accumulator.finish())
        }.sorted { $0.login < $1.login }
        return CallReport(
            from: from, to: to, by: granularity, thresholdSeconds: thresholdSeconds, clientID: clientID,
            operatorLogin: operatorLogin, total: total.finish(),
            periods: zip(periods, perPeriod).map { period, accumulator in
                var accumulator = accumulator
                return PeriodFigures(period: period, figures: accumulator.finish())
            },
            clients: clientRows, operators: operatorRows, busiestHours: heat)
    }
}
