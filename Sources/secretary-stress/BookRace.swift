import Foundation
import SecretaryCore
import SecretaryStore

/// `book-race`: books one slot per round, each round starting at the same wall-clock
/// instant in every process that runs it, so two processes ask for the same slot at the
/// same moment. Prints one line per round: `ROUND booked ID` or `ROUND refused REASON`.
///
///   secretary-stress DB book-race AGENDA TYPE CONTACT FIRST_START STEP ROUNDS GO_MS TAG
///
/// FIRST_START is the first slot (seconds since 1970), STEP the seconds between slots, GO_MS
/// the instant of round 0 (milliseconds since 1970); rounds follow every 100 ms.
func bookRace(store: Store, _ arguments: [String]) throws {
    guard arguments.count == 8, let agenda = Int64(arguments[0]), let type = Int64(arguments[1]),
          let contact = Int64(arguments[2]), let first = Double(arguments[3]), let step = Double(arguments[4]),
          let rounds = Int(arguments[5]), let go = Double(arguments[6]) else {
        throw StoreError("usage: secretary-stress DB book-race AGENDA TYPE CONTACT FIRST_START STEP ROUNDS GO_MS TAG")
    }
    let identity = Identity.systemActor(arguments[7], may: [.operate])
    for round in 0..<rounds {
        let wait = (go + Double(round) * 100) / 1000 - Date().timeIntervalSince1970
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        let request = BookingRequest(agendaID: agenda, contact: .existing(contact), typeID: type,
                                     start: Date(timeIntervalSince1970: first + Double(round) * step))
        do {
            let booked = try store.book(request, by: identity)
            print("\(round) booked \(booked.id)")
        } catch let refusal as RuleViolation {
            print("\(round) refused \(refusal.reason)")
        }
    }
}
