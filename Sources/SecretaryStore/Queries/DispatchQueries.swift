import Foundation
import GRDB
import SecretaryCore

// The outbox. A message's deliveries are written in the transaction that saves it
// (`planDeliveries`), so a message is never saved without them. Workers, in any number of
// processes, claim one due delivery (or one digest) at a time in an IMMEDIATE write
// transaction whose UPDATE is guarded by `status = 'queued'`, as consoles claim calls: two
// workers never hold the same delivery. A worker that dies mid-send leaves its claim behind;
// `releaseAbandonedClaims` puts it back in the queue once, to be sent again.

extension Identity {
    /// The dispatch worker, a system actor: it claims, sends and escalates deliveries.
    public static let dispatch = Identity.systemActor("dispatch", may: [.operate])
}

extension Store {
    /// The dispatch lines of the client's instructions in force at `instant` (the first
    /// version when none is in force yet).
    static func dispatchSettings(of client: Client, at instant: Date, in db: Database) throws -> DispatchSettings {
        let today = client.calendar.localDate(of: instant).description
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, dispatch FROM instructions WHERE client_id = ? AND effective_from <= ? ORDER BY version DESC LIMIT 1
            """, arguments: [client.id.rawValue, today])
            ?? Row.fetchOne(db, sql: "SELECT id, dispatch FROM instructions WHERE client_id = ? ORDER BY version LIMIT 1",
                            arguments: [client.id.rawValue]) else { return DispatchSettings() }
        let text: String = row["dispatch"] ?? ""
        do {
            return try DispatchSettings(text: text)
        } catch {
            throw StoreError("instructions row \(row["id"] as Int64? ?? 0): column dispatch is damaged")
        }
    }

    /// Writes the deliveries a new message sets in motion; called inside its transaction.
    static func planDeliveries(for message: Message, client: Client, in db: Database) throws {
        let settings = try dispatchSettings(of: client, at: message.createdAt, in: db)
        let plan = DeliveryPlan(kind: MessageKind(message), at: message.createdAt, settings: settings,
                                hours: client.openingHours)
        try insert(plan.deliveries, for: message, in: db)
        if let escalateAt = plan.escalateAt {
            try db.execute(sql: "UPDATE message SET escalation_step = 0, escalate_at = ? WHERE id = ?",
                           arguments: [escalateAt.stored, message.id])
        }
        if plan.toBoard {
            try db.execute(sql: "UPDATE message SET board_at = ? WHERE id = ?", arguments: [message.createdAt.stored, message.id])
        }
    }

    static func insert(_ deliveries: [PlannedDelivery], for message: Message, in db: Database) throws {
        for planned in deliveries {
            try db.execute(sql: """
                INSERT INTO delivery (message_id, client_id, channel, recipient, address, digest, step, status, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?)
                """, arguments: [message.id, message.clientID.rawValue, planned.channel.rawValue, planned.recipient,
                                 planned.address, planned.isDigest, planned.step, planned.dueAt.stored])
        }
    }

    // MARK: - Claiming and recording

    /// Claims the next due delivery by a channel the worker can send, with the digest it
    /// belongs to; nil when nothing is due. A digest takes every queued delivery of the same
    /// recipient and address already due: a message taken after this claim waits for the next.
    public func claimDelivery(worker: String, channels: [DeliveryChannel]) throws -> DeliveryJob? {
        guard !channels.isEmpty else { return nil }
        // A write must record what it did: when nothing is due, it is rolled back instead.
        struct NothingDue: Error {}
        do {
            return try write(by: .dispatch) { db, trail in
                guard let job = try Store.claimDue(worker: worker, channels: channels, trail: &trail, in: db) else { throw NothingDue() }
                return job
            }
        } catch is NothingDue {
            return nil
        }
    }

    static func claimDue(worker: String, channels: [DeliveryChannel], trail: inout AuditTrail,
                         in db: Database) throws -> DeliveryJob? {
        let now = trail.at.stored
        let placeholders = channels.map { _ in "?" }.joined(separator: ", ")
        guard let first = try Store.delivery(db, where: "status = 'queued' AND due_at <= ? AND channel IN (\(placeholders))",
                                             orderBy: "due_at, id LIMIT 1",
                                             arguments: StatementArguments([now] + channels.map(\.rawValue))).first else {
            return nil
        }
        var deliveries = [first]
        if first.isDigest {
            deliveries = try Store.delivery(db, where: """
                status = 'queued' AND digest = 1 AND due_at <= ? AND client_id = ? AND channel = ? AND recipient = ? AND address = ?
                """, orderBy: "message_id, id",
                arguments: [now, first.clientID.rawValue, first.channel.rawValue, first.recipient, first.address])
        }
        for delivery in deliveries {
            try db.execute(sql: """
                UPDATE delivery SET status = 'sending', claimed_by = ?, claimed_at = ?, attempts = attempts + 1
                WHERE id = ? AND status = 'queued'
                """, arguments: [worker, now, delivery.id])
            guard db.changesCount == 1 else { throw StoreError("delivery \(delivery.id) was claimed twice") }
        }
        trail.record("claim", "delivery", deliveries.map { "\($0.id)" }.joined(separator: ","), worker)
        let client = try Store.client(first.clientID, in: db)
        var messages: [(Message, String)] = []
        for delivery in deliveries {
            let message = try Store.message(id: delivery.messageID, in: db)
            let takenBy = try String.fetchOne(db, sql: """
                SELECT coalesce(operator.display_name, message.created_by) FROM message
                LEFT JOIN operator ON operator.login = message.created_by WHERE message.id = ?
                """, arguments: [delivery.messageID]) ?? ""
            messages.append((message, takenBy))
        }
        return DeliveryJob(deliveries: deliveries.map { var claimed = $0; claimed.status = .sending; return claimed },
                           messages: messages, clientName: client.name, country: client.country, calendar: client.calendar)
    }

    /// Records what the sender answered: sent (the message becomes transmitted), later (after
    /// a growing delay, until the tries run out) or failed for good (the message goes on the
    /// supervisors' board). Each try is kept with its answer.
    /// With `claimingNext`, the worker's next claim is made in the same transaction (one
    /// commit a send rather than two, which is what a batch's speed depends on).
    @discardableResult
    public func recordDelivery(_ job: DeliveryJob, outcome: DeliveryOutcome, worker: String, segments: Int? = nil,
                               claimingNext channels: [DeliveryChannel] = []) throws -> DeliveryJob? {
        try write(by: .dispatch) { db, trail in
            let now = trail.at.stored
            let answer = String(outcome.answer.prefix(500))
            for delivery in job.deliveries {
                try db.execute(sql: "INSERT INTO delivery_attempt (delivery_id, at, worker, outcome, answer) VALUES (?, ?, ?, ?, ?)",
                               arguments: [delivery.id, now, worker, outcome.name, answer])
                let attempts = try Int.fetchOne(db, sql: "SELECT attempts FROM delivery WHERE id = ?", arguments: [delivery.id]) ?? 1
                switch outcome {
                case .sent:
                    try db.execute(sql: """
                        UPDATE delivery SET status = 'sent', sent_at = ?, answer = ?, segments = ?, claimed_by = NULL
                        WHERE id = ?
                        """, arguments: [now, answer, segments, delivery.id])
                    try db.execute(sql: """
                        UPDATE message SET status = 'transmitted', transmitted_at = ? WHERE id = ? AND status = 'new'
                        """, arguments: [now, delivery.messageID])
                case .retry:
                    if let delay = RetrySchedule.delay(afterAttempts: attempts) {
                        try db.execute(sql: "UPDATE delivery SET status = 'queued', due_at = ?, answer = ?, claimed_by = NULL WHERE id = ?",
                                       arguments: [now + Int64(delay), answer, delivery.id])
                    } else {
                        try Store.fail(delivery, answer: "gave up after \(attempts) tries: \(answer)", at: now, in: db)
                    }
                case .failed:
                    try Store.fail(delivery, answer: answer, at: now, in: db)
                }
            }
            trail.record(outcome.name, "delivery", job.deliveries.map { "\($0.id)" }.joined(separator: ","),
                         "\(job.channel.rawValue) by \(worker)")
            return channels.isEmpty ? nil : try Store.claimDue(worker: worker, channels: channels, trail: &trail, in: db)
        }
    }

    private static func fail(_ delivery: Delivery, answer: String, at now: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE delivery SET status = 'failed', answer = ?, claimed_by = NULL WHERE id = ?",
                       arguments: [answer, delivery.id])
        try db.execute(sql: "UPDATE message SET board_at = coalesce(board_at, ?) WHERE id = ? AND status <> 'acknowledged'",
                       arguments: [now, delivery.messageID])
    }

    /// Puts back in the queue the deliveries whose worker died mid-send (`isAlive` says no to
    /// its `claimed_by`), or whose claim is older than `staleAfter` seconds (a send is
    /// bounded well below it). Returns how many. The claims are judged again inside the
    /// write: between a first look and the write, another worker may have released a dead
    /// worker's claim and claimed it again itself, and releasing that live claim would send
    /// the delivery a third time.
    @discardableResult
    public func releaseAbandonedClaims(isAlive: (String) -> Bool, staleAfter: TimeInterval = 600) throws -> Int {
        let now = self.now.stored
        func abandoned(in db: Database) throws -> [Int64] {
            try Row.fetchAll(db, sql: "SELECT id, claimed_by, claimed_at FROM delivery WHERE status = 'sending'").compactMap { row in
                guard let id = row["id"] as Int64? else { return nil }
                let worker = row["claimed_by"] as String? ?? ""
                let at = row["claimed_at"] as Int64? ?? 0
                return !isAlive(worker) || now - at > Int64(staleAfter) ? id : nil
            }
        }
        // A look without the write lock first: nearly always nothing was abandoned.
        guard try !read(abandoned).isEmpty else { return 0 }
        struct NoneLeft: Error {}
        do {
            return try write(by: .dispatch) { db, trail in
                let ids = try abandoned(in: db)
                guard !ids.isEmpty else { throw NoneLeft() }
                for id in ids {
                    try db.execute(sql: """
                        UPDATE delivery SET status = 'queued', due_at = ?, claimed_by = NULL,
                            answer = 'interrupted: the worker stopped mid-send' WHERE id = ?
                        """, arguments: [trail.at.stored, id])
                    try db.execute(sql: "INSERT INTO delivery_attempt (delivery_id, at, worker, outcome, answer) VALUES (?, ?, 'dispatch', 'interrupted', 'the worker stopped mid-send')",
                                   arguments: [id, trail.at.stored])
                }
                trail.record("release", "delivery", ids.map { "\($0)" }.joined(separator: ","), "\(ids.count) abandoned")
                return ids.count
            }
        } catch is NoneLeft {
            return 0
        }
    }

    /// When a worker next has something to do without being woken: the earliest due delivery
    /// or escalation; nil when nothing waits.
    public func nextDispatchTime(channels: [DeliveryChannel]) throws -> Date? {
        try read { db in
            let placeholders = channels.map { _ in "?" }.joined(separator: ", ")
            let due = channels.isEmpty ? nil : try Int64.fetchOne(db, sql: "SELECT min(due_at) FROM delivery WHERE status = 'queued' AND channel IN (\(placeholders))",
                                                                  arguments: StatementArguments(channels.map(\.rawValue)))
            let escalation = try Int64.fetchOne(db, sql: "SELECT min(escalate_at) FROM message WHERE escalate_at IS NOT NULL")
            return [due, escalation].compactMap { $0 }.min().map(Date.init(stored:))
        }
    }

    // MARK: - Reading

    /// A message's deliveries, oldest first.
    public func deliveries(message id: Int64) throws -> [Delivery] {
        try read { db in try Store.delivery(db, where: "message_id = ?", orderBy: "id", arguments: [id]) }
    }

    /// The deliveries of several messages at once, for their lines in a list.
    public func deliveries(messages ids: [Int64]) throws -> [Int64: [Delivery]] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let placeholders = ids.map { _ in "?" }.joined(separator: ", ")
            return Dictionary(grouping: try Store.delivery(db, where: "message_id IN (\(placeholders))", orderBy: "id",
                                                           arguments: StatementArguments(ids)), by: \.messageID)
        }
    }

    /// Every try of a delivery: when, which worker, what happened, the sender's answer.
    public func deliveryAttempts(delivery id: Int64) throws -> [(at: Date, worker: String, outcome: String, answer: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT at, worker, outcome, answer FROM delivery_attempt WHERE delivery_id = ? ORDER BY id",
                             arguments: [id]).map {
                (Date(stored: $0["at"] ?? 0), $0["worker"] ?? "", $0["outcome"] ?? "", $0["answer"] ?? "")
            }
        }
    }

    static func delivery(_ db: Database, where condition: String, orderBy: String,
                         arguments: StatementArguments) throws -> [Delivery] {
        try Row.fetchAll(db, sql: "SELECT * FROM delivery WHERE \(condition) ORDER BY \(orderBy)", arguments: arguments).map { row in
            let id: Int64 = row["id"] ?? 0
            guard let messageID = row["message_id"] as Int64?, let clientText = row["client_id"] as String?,
                  let clientID = try? ClientID(clientText),
                  let channel = (row["channel"] as String?).flatMap(DeliveryChannel.init(rawValue:)),
                  let status = (row["status"] as String?).flatMap(DeliveryStatus.init(rawValue:)),
                  let due = row["due_at"] as Int64? else {
                throw StoreError("delivery row \(id): a column is damaged (message_id, client_id, channel, status or due_at)")
            }
            return Delivery(id: id, messageID: messageID, clientID: clientID, channel: channel,
                            recipient: row["recipient"] ?? "", address: row["address"] ?? "",
                            isDigest: (row["digest"] as Int64? ?? 0) != 0, step: row["step"], status: status,
                            dueAt: Date(stored: due), attempts: row["attempts"] ?? 0, sentAt: row.optionalDate("sent_at"),
                            answer: row["answer"] ?? "", segments: row["segments"])
        }
    }
}

extension Store {
    /// The dispatch lines of one version of a client's instructions.
    static func dispatchSettings(client: ClientID, version: Int, in db: Database) throws -> DispatchSettings {
        let text = try String.fetchOne(db, sql: "SELECT dispatch FROM instructions WHERE client_id = ? AND version = ?",
                                       arguments: [client.rawValue, version]) ?? ""
        do {
            return try DispatchSettings(text: text)
        } catch {
            throw StoreError("instructions of \(client) version \(version): column dispatch is damaged")
        }
    }

    /// Each version's dispatch lines, oldest first, for the client's history.
    public func dispatchHistory(of client: ClientID) throws -> [(version: Int, settings: DispatchSettings)] {
        try read { db in
            try Int.fetchAll(db, sql: "SELECT version FROM instructions WHERE client_id = ? ORDER BY version",
                             arguments: [client.rawValue]).map { ($0, try Store.dispatchSettings(client: client, version: $0, in: db)) }
        }
    }
}
