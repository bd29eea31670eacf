import Foundation

/// Something that happens to a call after it arrived. The store applies these inside a
/// write transaction; the rules of which may happen when live here, so the console, the
/// command line and the PBX scripts all get the same answer and the same reason.
public enum CallEvent: Hashable, Sendable {
    /// An operator picks the call up.
    case answer(operatorID: Int64)
    case hold
    /// Back from hold to the conversation.
    case resume
    /// Passed to the client (a practitioner's number); the operator's talk ends there.
    case transfer
    /// The caller hung up: before an answer the call is abandoned, after it the talk ends
    /// and the operator's wrap-up begins.
    case hangUp
    /// The operator closes the call with what came of it.
    case finish(CallOutcome, note: String)

    /// The verb used in refusals: "cannot answer call 12: ...".
    var verb: String {
        switch self {
        case .answer: "answer"
        case .hold: "put on hold"
        case .resume: "take off hold"
        case .transfer: "transfer"
        case .hangUp: "hang up"
        case .finish: "finish"
        }
    }
}

extension CallStatus {
    /// How the status reads after "it is": "cannot answer call 12: it is already finished".
    public var phrase: String {
        switch self {
        case .waiting: "still waiting"
        case .answered: "already answered"
        case .onHold: "on hold"
        case .transferred: "already transferred"
        case .wrapUp: "in wrap-up"
        case .done: "already finished"
        case .abandoned: "abandoned (the caller hung up)"
        case .closed: "closed (it arrived outside opening hours)"
        }
    }

    /// An operator is attached to the call: answered, on hold, transferred or in wrap-up.
    public var isWithOperator: Bool { [.answered, .onHold, .transferred, .wrapUp].contains(self) }
}

extension Call {
    /// Longest note kept with a call's outcome.
    public static let maximumNoteLength = 2000

    /// A call arriving on `client`'s line at `instant`: waiting for an operator when the line
    /// is open, `closed` otherwise (logged and listed for the client, never offered).
    public static func arriving(on client: Client, from: PhoneNumber?, contactID: Int64? = nil,
                                isUrgent: Bool = false, at instant: Date) -> Call {
        let open = client.openingHours.isOpen(at: instant)
        return Call(clientID: client.id, from: from, contactID: contactID, status: open ? .waiting : .closed,
                    isUrgent: isUrgent && open, arrivedAt: instant)
    }

    /// The call after `event` at `now`, or a refusal naming the call and why.
    public func applying(_ event: CallEvent, at now: Date) throws -> Call {
        var next = self
        switch (status, event) {
        case (.waiting, .answer(let operatorID)):
            next.status = .answered
            next.operatorID = operatorID
            next.answeredAt = now
        case (.waiting, .hangUp):
            next.status = .abandoned
            next.endedAt = now
        case (.answered, .hold):
            next.status = .onHold
        case (.onHold, .resume):
            next.status = .answered
        case (.answered, .transfer), (.onHold, .transfer):
            next.status = .transferred
            next.endedAt = now
        case (.answered, .hangUp), (.onHold, .hangUp):
            next.status = .wrapUp
            next.endedAt = now
        case (.answered, .finish(let outcome, let note)), (.onHold, .finish(let outcome, let note)),
             (.wrapUp, .finish(let outcome, let note)), (.transferred, .finish(let outcome, let note)):
            let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.count <= Call.maximumNoteLength else {
                throw ValidationError(field: "note", value: String(trimmed.prefix(20)) + "…",
                                      reason: "longer than \(Call.maximumNoteLength) characters")
            }
            next.status = .done
            next.endedAt = endedAt ?? now
            next.doneAt = now
            next.outcome = outcome
            next.note = trimmed
        case (.closed, .hangUp) where endedAt == nil:
            // The caller heard the closed message and hung up: the log keeps when.
            next.endedAt = now
        default:
            throw RuleViolation(.conflict, "cannot \(event.verb) call \(id): it is \(status.phrase)")
        }
        return next
    }

    /// Seconds of conversation (hold included): from the answer to the end of the talk, or
    /// to `now` while it goes on; nil if never answered.
    public func talkSeconds(now: Date) -> Int? {
        guard let answeredAt else { return nil }
        return Int((endedAt ?? now).timeIntervalSince(answeredAt).rounded(.down))
    }

    /// Seconds the operator spent after the talk before closing the call; nil before the talk
    /// ended or for a call never answered.
    public func wrapUpSeconds(now: Date) -> Int? {
        guard answeredAt != nil, let endedAt else { return nil }
        return Int((doneAt ?? now).timeIntervalSince(endedAt).rounded(.down))
    }
}
