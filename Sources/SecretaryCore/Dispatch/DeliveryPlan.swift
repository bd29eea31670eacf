import Foundation

/// One send to make: a message (or a digest's share of it) to one recipient by one channel.
public struct PlannedDelivery: Hashable, Sendable {
    public let channel: DeliveryChannel
    public let recipient: String
    public let address: String
    public let dueAt: Date
    public let isDigest: Bool
    /// The escalation step (0 for the first person on call), nil when not sent down the rota.
    public let step: Int?
}

/// What taking a message sets in motion: the deliveries, and for an urgent message sent down
/// the rota, when to escalate if nobody has acknowledged it; or the supervisors' board at
/// once when nobody is on call.
public struct DeliveryPlan: Hashable, Sendable {
    public var deliveries: [PlannedDelivery] = []
    public var escalateAt: Date?
    public var toBoard = false

    /// The deliveries for a message of `kind` taken at `now`.
    public init(kind: MessageKind, at now: Date, settings: DispatchSettings, hours: OpeningHours) {
        let local = hours.calendar.localDateTime(of: now)
        for route in settings.routes(for: kind) {
            switch route.target {
            case .recipient(let name):
                guard let recipient = settings.recipient(named: name) else { continue }
                let due: Date
                var isDigest = false
                if case .digest(let times, let everyDay) = route.timing {
                    due = DeliveryPlan.nextDigest(after: now, times: times, everyDay: everyDay, hours: hours)
                    isDigest = true
                } else {
                    due = now
                }
                for channel in route.channels {
                    guard let address = recipient.address(for: channel) else { continue }
                    deliveries.append(PlannedDelivery(channel: channel, recipient: recipient.name, address: address,
                                                      dueAt: due, isDigest: isDigest, step: nil))
                }
            case .onCall:
                let step = DeliveryPlan.escalation(step: 0, channels: route.channels, onCallAt: local,
                                                   settings: settings, at: now)
                if step.isEmpty {
                    toBoard = true
                } else {
                    deliveries += step
                    escalateAt = now.addingTimeInterval(TimeInterval(settings.rota.escalateAfterMinutes * 60))
                }
            }
        }
    }

    /// The deliveries to the `step`-th person on call (counted from the rota at `onCallAt`,
    /// when the message was taken), by the channels of the client's on-call routes; empty
    /// when the list has run out.
    public static func escalation(step: Int, channels: [DeliveryChannel], onCallAt local: LocalDateTime,
                                  settings: DispatchSettings, at now: Date) -> [PlannedDelivery] {
        let people = settings.rota.people(at: local)
        guard step < people.count, let person = settings.recipient(named: people[step]) else { return [] }
        return channels.compactMap { channel in
            person.address(for: channel).map {
                PlannedDelivery(channel: channel, recipient: person.name, address: $0, dueAt: now, isDigest: false, step: step)
            }
        }
    }

    /// The channels urgent messages of `kind` go by to the person on call.
    public static func onCallChannels(kind: MessageKind, settings: DispatchSettings) -> [DeliveryChannel] {
        var channels: [DeliveryChannel] = []
        for route in settings.routes(for: kind) where route.target == .onCall {
            for channel in route.channels where !channels.contains(channel) { channels.append(channel) }
        }
        return channels
    }

    /// The first set time strictly after `now`, on an open day of the client unless `everyDay`.
    public static func nextDigest(after now: Date, times: [TimeOfDay], everyDay: Bool, hours: OpeningHours) -> Date {
        let today = hours.calendar.localDate(of: now)
        for offset in 0..<15 {
            let date = today.adding(days: offset)
            guard everyDay || !hours.ranges(on: date).isEmpty else { continue }
            for time in times.sorted() {
                let instant = hours.calendar.instant(date, time)
                if instant > now { return instant }
            }
        }
        return now.addingTimeInterval(86_400)
    }
}

/// How a failed send is retried: after 1, 2, 4... minutes, at most an hour apart, and given up
/// after `maximumAttempts`.
public enum RetrySchedule {
    public static let maximumAttempts = 8

    /// The wait before the next try after `attempts` tries; nil once it is time to give up.
    public static func delay(afterAttempts attempts: Int) -> TimeInterval? {
        guard attempts < maximumAttempts else { return nil }
        return min(60 * pow(2, Double(max(attempts - 1, 0))), 3600)
    }
}
