import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// Live traffic for demos, training and load tests: calls arrive on the clients' lines as a
/// PBX would report them, and impatient callers hang up. What happens is decided by the pure
/// `TrafficModel`; this loop only waits for each moment and writes it.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Generate realistic incoming calls until stopped (Ctrl-C) or for a while (--for).",
        discussion: """
            Poisson arrivals weighted by each client's call allowance, busier in the morning, a trickle \
            at night (those calls are closed); known and unknown callers; callers hang up after a \
            random patience if nobody answered.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Calls per hour at an ordinary moment (mornings get 1.5 times more).", valueName: "N/h"))
    var rate: String
    @Option(name: .customLong("for"), help: ArgumentHelp("Stop after this long: 30s, 5m, 1h.", valueName: "duration"))
    var duration: String?
    @Option(help: ArgumentHelp("Mean time a caller waits before hanging up.", valueName: "duration"))
    var patience: String = "90s"
    @Option(help: "Seed of the random traffic, to replay the same calls.") var seed: String?
    @Flag(help: "Print each call as it is placed.") var verbose = false
    /// Set by `secretary demo`, which starts the simulator as its child: stop when the parent
    /// is gone, even if it could not say so (killed, crashed).
    @Flag(help: .hidden) var whileParentLives = false

    func run() throws {
        let rate = try CallRate(parsing: self.rate)
        let limit = try duration.map(TimeSpan.init(parsing:))
        let patience = try TimeSpan(parsing: self.patience)
        let seed = try self.seed.map { text in
            guard let value = UInt64(text) else {
                throw ValidationError(field: "seed", value: text, reason: "expected a whole number")
            }
            return value
        }
        let store = try global.openStore()
        // Made-up traffic belongs on made-up data only.
        guard try store.databaseKind() != .production else {
            throw ValidationError(field: "db", value: store.path, reason: "is not a demo or generated database: simulate runs on those only")
        }
        var model = try TrafficModel(rate: rate, lines: store.trafficLines(), calendar: SupervisorFigures.serviceCalendar)
        model.meanPatience = patience.seconds
        var random = SeededRandom(seed: seed ?? UInt64.random(in: 0...UInt64.max))
        StopSignal.install()

        let identity = Identity.systemActor("simulator", may: [.pbx])
        let start = store.now
        let deadline = limit.map { start.addingTimeInterval($0.seconds) }
        var next = model.nextCall(after: start, random: &random)
        var hangUps: [(at: Date, callID: Int64)] = []
        var counts: [CallStatus: Int] = [:]
        var placed = 0
        print("Simulating \(rate) on \(model.lines.count) lines\(limit.map { " for \($0)" } ?? " until stopped")...")
        let parent = getppid()
        while !StopSignal.requested {
            if whileParentLives && getppid() != parent { break }
            let now = store.now
            if let deadline, now >= deadline { break }
            while next.at <= now, deadline.map({ next.at < $0 }) ?? true {
                let call = try store.callIn(line: next.line, from: next.from?.e164, at: next.at, isUrgent: next.isUrgent,
                                            by: identity)
                placed += 1
                counts[call.status, default: 0] += 1
                if call.status == .waiting { hangUps.append((next.at.addingTimeInterval(next.patience), call.id)) }
                if verbose {
                    print("\(call.id) \(call.status.rawValue) \(call.clientID) from \(next.from?.national ?? "withheld")"
                          + (call.status == .waiting ? ", patience \(Int(next.patience))s" : ""))
                }
                next = model.nextCall(after: next.at, random: &random)
            }
            for due in hangUps where due.at <= now {
                do {
                    try store.abandon(callID: due.callID, by: identity)
                    counts[.abandoned, default: 0] += 1
                    if verbose { print("\(due.callID) abandoned") }
                } catch is RuleViolation {
                    // An operator answered first: the caller no longer waits.
                }
            }
            hangUps.removeAll { $0.at <= now }
            let wake = ([next.at, deadline].compactMap { $0 } + hangUps.map(\.at)).min()!
            StopSignal.sleep(min(1, max(0.01, wake.timeIntervalSince(store.now))))
        }
        let closed = counts[.closed] ?? 0, abandoned = counts[.abandoned] ?? 0
        print("Placed \(placed) calls: \(placed - closed) offered, \(closed) closed (outside hours), \(abandoned) abandoned.")
    }
}
