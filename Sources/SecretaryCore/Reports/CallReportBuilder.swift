import Foundation

/// Builds a `CallReport` call by call, as the store reads them, without holding the calls:
/// a month at full scale is 270 k of them (Benchmarks/). Per call, one period, one client
/// and at most one operator are added to, each found by index in an array; the total is
/// the periods' sum. The period and the busiest-hours cell are looked up once per UTC hour
/// when the whole hour is one local hour of one period, else worked out for the call.
public struct CallReportBuilder {
    private let from: LocalDate
    private let to: LocalDate
    private let granularity: ReportGranularity
    private let calendar: LocalCalendar
    private let thresholdSeconds: Int
    private let nowSeconds: Int64
    private let clientID: ClientID?
    private let operatorLogin: String?
    /// The chosen operator's id: nil when none was chosen, `.some(nil)` when the login is
    /// unknown (then no call is counted, as none is theirs).
    private let operatorFilter: Int64??
    private let periods: [ReportPeriod]
    private var perPeriod: [ReportAccumulator]
    private var clientSlots: [(id: ClientID, name: String)]
    private var clientIndex: [ClientID: Int]
    private var perClient: [ReportAccumulator]
    private let people: [CallReport.Person]
    private let personIndex: [Int64: Int]
    private var perOperator: [ReportAccumulator]
    private var heat = [Int](repeating: 0, count: 7 * 24)
    /// Per UTC hour from `firstHour`: `unknown`, `mixed`, or period × 168 + heat cell.
    private var hourSlots: [Int]
    private let firstHour: Int64

    private static let unknown = -1, mixed = -2
    /// Hours cached at most (about 23 years): a longer range works each call out.
    private static let cachedHours = 200_000

    public init(from: LocalDate, to: LocalDate, by granularity: ReportGranularity,
                clients: [(id: ClientID, name: String)], people: [CallReport.Person], now: Date,
                calendar: LocalCalendar, thresholdSeconds: Int, clientID: ClientID? = nil, operatorLogin: String? = nil) {
        self.from = from
        self.to = to
        self.granularity = granularity
        self.calendar = calendar
        self.thresholdSeconds = thresholdSeconds
        nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        self.clientID = clientID
        self.operatorLogin = operatorLogin
        operatorFilter = operatorLogin.map { login in people.first { $0.login == login }?.id }
        periods = ReportPeriods.periods(from: from, to: to, by: granularity, calendar: calendar)
        perPeriod = [ReportAccumulator](repeating: ReportAccumulator(), count: periods.count)
        clientSlots = clients
        clientIndex = Dictionary(clients.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        perClient = [ReportAccumulator](repeating: ReportAccumulator(), count: clients.count)
        var firstOfID: [Int64: Int] = [:]
        var unique: [CallReport.Person] = []
        for person in people where firstOfID[person.id] == nil {
            firstOfID[person.id] = unique.count
            unique.append(person)
        }
        self.people = unique
        personIndex = firstOfID
        perOperator = [ReportAccumulator](repeating: ReportAccumulator(), count: unique.count)
        if let start = periods.first?.start, let end = periods.last?.end {
            firstHour = Self.hour(of: Int64(start.timeIntervalSince1970.rounded(.down)))
            let hours = Int(Self.hour(of: Int64(end.timeIntervalSince1970.rounded(.up)) - 1) - firstHour + 1)
            hourSlots = [Int](repeating: Self.unknown, count: hours <= Self.cachedHours ? hours : 0)
        } else {
            firstHour = 0
            hourSlots = []
        }
    }

    /// Adds a call of any client (one not among `clients` is listed under its id).
    public mutating func add(_ call: ReportCall) {
        let position: Int
        if let known = clientIndex[call.clientID] {
            position = known
        } else {
            position = clientSlots.count
            clientSlots.append((call.clientID, call.clientID.rawValue))
            clientIndex[call.clientID] = position
            perClient.append(ReportAccumulator())
        }
        add(client: position, operatorID: call.operatorID, status: call.status, arrivedAt: call.arrivedAt,
            answeredAt: call.answeredAt, endedAt: call.endedAt, doneAt: call.doneAt)
    }

    /// Adds a call of `clients[client]`; calls outside the range, of another client than
    /// the chosen one, or not answered by the chosen operator, are left out.
    public mutating func add(client: Int, operatorID: Int64?, status: CallStatus, arrivedAt: Int64,
                             answeredAt: Int64?, endedAt: Int64?, doneAt: Int64?) {
        if let clientID, clientSlots[client].id != clientID { return }
        if let operatorFilter, operatorID == nil || operatorID != operatorFilter { return }
        let times = CallTimes(status: status, arrivedAt: arrivedAt, answeredAt: answeredAt, endedAt: endedAt, doneAt: doneAt)
        let slot = place(arrivedAt)
        guard slot >= 0 else { return }
        let period = slot / 168
        perPeriod[period].add(times, now: nowSeconds, thresholdSeconds: thresholdSeconds)
        perClient[client].add(times, now: nowSeconds, thresholdSeconds: thresholdSeconds)
        if let operatorID, answeredAt != nil, let person = personIndex[operatorID] {
            perOperator[person].add(times, now: nowSeconds, thresholdSeconds: thresholdSeconds)
        }
        if status != .closed { heat[slot % 168] += 1 }
    }

    /// Period × 168 + busiest-hours cell of a call arrived at `arrivedAt`, or -1 outside the periods.
    private mutating func place(_ arrivedAt: Int64) -> Int {
        let offset = Self.hour(of: arrivedAt) - firstHour
        guard offset >= 0, offset < Int64(hourSlots.count) else { return placeExactly(arrivedAt) }
        let cached = hourSlots[Int(offset)]
        if cached >= 0 { return cached }
        if cached == Self.mixed { return placeExactly(arrivedAt) }
        let slot = placeWholeHour(startingAt: (firstHour + offset) * 3600)
        hourSlots[Int(offset)] = slot
        return slot >= 0 ? slot : placeExactly(arrivedAt)
    }

    /// The slot every second of the UTC hour from `start` shares, or `mixed` when the hour
    /// is not one local hour (a clock change in it, an offset not in whole hours) or not in
    /// one period.
    private func placeWholeHour(startingAt start: Int64) -> Int {
        let first = Date(timeIntervalSince1970: TimeInterval(start))
        let last = Date(timeIntervalSince1970: TimeInterval(start + 3599))
        guard let period = ReportPeriods.index(of: first, in: periods), periods[period].end > last else { return Self.mixed }
        let opening = calendar.localDateTime(of: first), closing = calendar.localDateTime(of: last)
        let seconds = calendar.secondsSinceMidnight(of: first)
        guard opening.date == closing.date, seconds % 3600 == 0,
              calendar.secondsSinceMidnight(of: last) == seconds + 3599 else { return Self.mixed }
        return period * 168 + Self.cell(opening)
    }

    private func placeExactly(_ arrivedAt: Int64) -> Int {
        let arrived = Date(timeIntervalSince1970: TimeInterval(arrivedAt))
        guard let period = ReportPeriods.index(of: arrived, in: periods) else { return -1 }
        return period * 168 + Self.cell(calendar.localDateTime(of: arrived))
    }

    private static func cell(_ local: LocalDateTime) -> Int { (local.date.weekday.rawValue - 1) * 24 + local.time.hour }

    /// Rounded down, without overflow for any stored value.
    private static func hour(of seconds: Int64) -> Int64 {
        seconds % 3600 < 0 ? seconds / 3600 - 1 : seconds / 3600
    }

    public func finish() -> CallReport {
        var total = ReportAccumulator()
        for accumulator in perPeriod { total.merge(accumulator) }
        let clientRows = zip(clientSlots, perClient).compactMap { client, accumulator -> CallReport.ClientFigures? in
            guard accumulator.figures.offered + accumulator.figures.closed > 0 else { return nil }
            var accumulator = accumulator
            return CallReport.ClientFigures(clientID: client.id, clientName: client.name, figures: accumulator.finish())
        }.sorted { // busiest first, then by name, then by id (two clients may share a name)
            ($0.figures.offered + $0.figures.closed, $1.clientName, $1.clientID.rawValue)
                > ($1.figures.offered + $1.figures.closed, $0.clientName, $0.clientID.rawValue)
        }
        let operatorRows = zip(people, perOperator).compactMap { person, accumulator -> CallReport.OperatorFigures? in
            guard accumulator.figures.answered > 0 else { return nil }
            var accumulator = accumulator
            return CallReport.OperatorFigures(login: person.login, name: person.name, figures: accumulator.finish())
        }.sorted { $0.login < $1.login }
        return CallReport(
            from: from, to: to, by: granularity, thresholdSeconds: thresholdSeconds, clientID: clientID,
            operatorLogin: operatorLogin, total: total.finish(),
            periods: zip(periods, perPeriod).map { period, accumulator in
                var accumulator = accumulator
                return CallReport.PeriodFigures(period: period, figures: accumulator.finish())
            },
            clients: clientRows, operators: operatorRows,
            busiestHours: (0..<7).map { Array(heat[($0 * 24)..<($0 * 24 + 24)]) })
    }
}
