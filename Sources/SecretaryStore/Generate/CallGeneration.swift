import Foundation
import GRDB
import SecretaryCore

/// Two months of calls on every client's line: most answered and done, some abandoned,
/// some logged as closed (arrived outside the client's hours), and, when lines are open
/// now, a few callers waiting and a few being answered, with the operators' presence.
extension ScaleGenerator {
    private static let outcomes: [(CallOutcome, Double)] = [
        (.booked, 0.35), (.moved, 0.10), (.cancelled, 0.08), (.message, 0.30), (.information, 0.15),
        (.transferred, 0.01), (.emergency, 0.01),
    ]

    /// A call of the history, planned in memory: all clients' calls are then written in
    /// order of arrival, as the switchboard logs them.
    struct PlannedCall {
        var clientIndex: Int32
        var arrived: Int64
        var closed: Bool
    }

    mutating func writeCalls() throws {
        let live = size.calls >= 100 ? liveCallPlan() : (waiting: [], answered: [])
        let history = size.calls - live.waiting.count - live.answered.count
        let quotas = apportion(history, weights: clients.map(\.weight))
        var planned: [PlannedCall] = []
        planned.reserveCapacity(history)
        for (index, quota) in quotas.enumerated() {
            planCallHistory(of: index, count: quota, into: &planned)
        }
        planned.sort { ($0.arrived, $0.clientIndex) < ($1.arrived, $1.clientIndex) }
        try batched("calls", object: "call", count: planned.count) { generator, db, index in
            try generator.write(planned[index], in: db)
        }
        try store.write(by: ScaleGenerator.actor) { db, trail in
            try writeLiveCalls(live, in: db)
            trail.record("generate", "call", "live",
                         "seed \(seed): \(live.waiting.count) waiting, \(live.answered.count) answered; presence of \(operatorIDs.count) operators")
        }
        report("calls", size.calls, size.calls)
        summary.calls = size.calls
    }

    /// Arrivals spread over each day's open time (and some outside it), in proportion.
    private mutating func planCallHistory(of clientIndex: Int, count: Int, into planned: inout [PlannedCall]) {
        let allDays = openDays.days(of: clients[clientIndex])
        let todayIndex = ScaleGenerator.appointmentDaysBack
        let days = allDays[(todayIndex - ScaleGenerator.callDays + 1)...todayIndex]
        // Calls of the history ended ten minutes ago at the latest.
        let latest = now - 600
        // Per day: open seconds before `latest`, and closed seconds (06:00–23:00 outside hours).
        let spans = days.map { day -> (open: [(Int64, Int64)], closed: Int64) in
            let open = day.ranges.compactMap { range -> (Int64, Int64)? in
                let end = min(range.end, latest)
                return end > range.start ? (range.start, end) : nil
            }
            let window = max(0, min(day.bedTime, latest) - day.wakeUp)
            let openInWindow = day.ranges.reduce(Int64(0)) { $0 + max(0, min($1.end, latest) - max($1.start, day.wakeUp)) }
            // About one call in ten arrives outside the hours: weigh closed time down.
            return (open, max(0, window - openInWindow) / 16)
        }
        let perDay = apportion(count, weights: spans.map { span in
            Double(span.open.reduce(0) { $0 + $1.1 - $1.0 } + span.closed)
        })
        for ((day, span), quota) in zip(zip(days, spans), perDay) where quota > 0 {
            let openSeconds = span.open.reduce(0) { $0 + $1.1 - $1.0 }
            for _ in 0..<quota {
                var pick = Int64.random(in: 0..<(openSeconds + span.closed), using: &random)
                if pick < openSeconds {
                    for (start, end) in span.open {
                        if pick < end - start {
                            planned.append(PlannedCall(clientIndex: Int32(clientIndex), arrived: start + pick, closed: false))
                            break
                        }
                        pick -= end - start
                    }
                } else {
                    planned.append(PlannedCall(clientIndex: Int32(clientIndex), arrived: closedInstant(day, latest: latest),
                                               closed: true))
                }
            }
        }
    }

    /// An instant of the day between 06:00 and 23:00 when the line is closed.
    private mutating func closedInstant(_ day: OpenDay, latest: Int64) -> Int64 {
        let end = min(day.bedTime, latest)
        for _ in 0..<50 {
            let at = Int64.random(in: day.wakeUp..<end, using: &random)
            if !day.isOpen(at: at) { return at }
        }
        return day.wakeUp
    }

    private mutating func write(_ planned: PlannedCall, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO call (client_id, from_number, contact_id, status, urgent, arrived_at, answered_at, ended_at,
                              done_at, operator_id, outcome, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')
            """)
        let clientIndex = Int(planned.clientIndex), at = planned.arrived
        let client = clients[clientIndex].client
        let (from, contactID) = randomCaller(clientIndex)
        let urgent = random.chance(0.02)
        if planned.closed {
            try statement.execute(arguments: [client.id.rawValue, from, contactID, CallStatus.closed.rawValue, urgent, at,
                                              nil, at + Int64.random(in: 10...60, using: &random), nil, nil, nil])
            summary.callsByStatus[.closed, default: 0] += 1
            return
        }
        let wait = Int64.random(in: 3...90, using: &random)
        if random.chance(0.07) {
            try statement.execute(arguments: [client.id.rawValue, from, contactID, CallStatus.abandoned.rawValue, urgent, at,
                                              nil, at + wait, nil, nil, nil])
            summary.callsByStatus[.abandoned, default: 0] += 1
            return
        }
        let talk = Int64.random(in: 40...420, using: &random)
        try statement.execute(arguments: [
            client.id.rawValue, from, contactID, CallStatus.done.rawValue, urgent, at, at + wait, at + wait + talk,
            at + wait + talk + Int64.random(in: 5...90, using: &random), randomAnsweringOperator(), randomOutcome().rawValue,
        ])
        summary.callsByStatus[.done, default: 0] += 1
    }

    /// Three callers in four are known contacts calling from their mobile; one in thirty
    /// withholds the number.
    private mutating func randomCaller(_ clientIndex: Int) -> (String?, Int64?) {
        let ids = contactIDs.isEmpty ? [] : contactIDs[clientIndex]
        if !ids.isEmpty && random.chance(0.75) {
            let id = ids[Int.random(in: 0..<ids.count, using: &random)]
            return (mobiles[Int(id - 1)], id)
        }
        if random.chance(0.04) { return (nil, nil) }
        return (randomMobile(clients[clientIndex].client.country), nil)
    }

    /// Any operator but the administrator (the first).
    private mutating func randomAnsweringOperator() -> Int64 {
        operatorIDs[Int.random(in: (operatorIDs.count > 1 ? 1 : 0)..<operatorIDs.count, using: &random)]
    }

    private mutating func randomOutcome() -> CallOutcome {
        var pick = Double.random(in: 0..<1, using: &random)
        for (outcome, share) in ScaleGenerator.outcomes {
            if pick < share { return outcome }
            pick -= share
        }
        return .information
    }

    /// Which open clients have a caller waiting now, and which operators are on a call.
    private mutating func liveCallPlan() -> (waiting: [Int], answered: [(client: Int, operatorIndex: Int)]) {
        let todayIndex = ScaleGenerator.appointmentDaysBack
        var open: [Int] = []
        for index in clients.indices where openDays.days(of: clients[index])[todayIndex].isOpen(at: now) {
            open.append(index)
        }
        guard !open.isEmpty else { return ([], []) }
        open.shuffle(using: &random)
        let waiting = Array(open.prefix(5))
        let operators = Array(1..<max(1, operatorIDs.count)).shuffled(using: &random).prefix(min(8, operatorIDs.count / 3))
        let answered = operators.map { (client: open.randomElement(using: &random)!, operatorIndex: $0) }
        return (waiting, answered)
    }

    private mutating func writeLiveCalls(_ live: (waiting: [Int], answered: [(client: Int, operatorIndex: Int)]),
                                         in db: Database) throws {
        let waiting = try db.cachedStatement(sql: """
            INSERT INTO call (client_id, from_number, contact_id, status, urgent, arrived_at) VALUES (?, ?, ?, 'waiting', ?, ?)
            """)
        for clientIndex in live.waiting {
            let (from, contactID) = randomCaller(clientIndex)
            try waiting.execute(arguments: [clients[clientIndex].client.id.rawValue, from, contactID, random.chance(0.1),
                                            now - Int64.random(in: 5...120, using: &random)])
        }
        summary.callsByStatus[.waiting] = live.waiting.count
        let answered = try db.cachedStatement(sql: """
            INSERT INTO call (client_id, from_number, contact_id, status, arrived_at, answered_at, operator_id)
            VALUES (?, ?, ?, 'answered', ?, ?, ?)
            """)
        let presence = try db.cachedStatement(sql: """
            INSERT INTO operator_presence (operator_id, state, since, call_id, heartbeat) VALUES (?, ?, ?, ?, ?)
            """)
        var onCall = Set<Int>()
        for call in live.answered {
            let (from, contactID) = randomCaller(call.client)
            let arrived = now - Int64.random(in: 60...600, using: &random)
            let answeredAt = arrived + Int64.random(in: 3...40, using: &random)
            let operatorID = operatorIDs[call.operatorIndex]
            try answered.execute(arguments: [clients[call.client].client.id.rawValue, from, contactID, arrived, answeredAt, operatorID])
            try presence.execute(arguments: [operatorID, Presence.onCall.rawValue, answeredAt, db.lastInsertedRowID,
                                             now - Int64.random(in: 0...5, using: &random)])
            onCall.insert(call.operatorIndex)
        }
        summary.callsByStatus[.answered] = live.answered.count
        for (index, operatorID) in operatorIDs.enumerated() where !onCall.contains(index) {
            let pick = Double.random(in: 0..<1, using: &random)
            let state: Presence = index == 0 ? .offline
                : pick < 0.55 ? .available : pick < 0.7 ? .paused : pick < 0.8 ? .wrapUp : .offline
            try presence.execute(arguments: [operatorID, state.rawValue, now - Int64.random(in: 30...7200, using: &random),
                                             nil, now - Int64.random(in: 0...20, using: &random)])
        }
    }
}
