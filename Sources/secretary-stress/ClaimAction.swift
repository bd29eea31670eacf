import Foundation
import SecretaryCore
import SecretaryStore

/// `claim COUNT LOGIN`: operator LOGIN answers COUNT calls one after another, as fast as
/// possible, finishing each before the next. Prints each answered call's id on its own line,
/// then `ok N`; stops early (still exit 0) with `empty` when no call waits.
func claimCalls(store: Store, count: Int, login: String) throws {
    var answered = 0
    var output = ""
    for _ in 0..<count {
        do {
            let summary = try store.claimNextCall(operator: login)
            try store.finish(callID: summary.id, outcome: .information, operator: login)
            output += "\(summary.id)\n"
            answered += 1
        } catch let refusal as RuleViolation where refusal.rule == .notFound {
            output += "empty\n"
            break
        }
    }
    print(output + "ok \(answered)", terminator: "\n")
}

/// `call-back COUNT LOGIN`: operator LOGIN takes COUNT call-backs one after another and says
/// each was reached. Prints each call-back's id, then `ok N`; `empty` when none waits.
func takeCallbacks(store: Store, count: Int, login: String) throws {
    var taken = 0
    var output = ""
    for _ in 0..<count {
        do {
            let callback = try store.takeNextCallback(operator: login)
            try store.recordCallback(callback.id, outcome: .reached, operator: login)
            output += "\(callback.id)\n"
            taken += 1
        } catch let refusal as RuleViolation where refusal.rule == .notFound {
            output += "empty\n"
            break
        }
    }
    print(output + "ok \(taken)", terminator: "\n")
}
