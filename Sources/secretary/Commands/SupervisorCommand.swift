import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// The supervisor's live wallboard, full screen; or the figures once, as plain text or JSON.
struct SupervisorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supervisor",
        abstract: "Show the queue, each client's day and each operator's state (supervisors and admins only).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print the figures once and exit (otherwise a live full-screen wallboard opens; q quits).")
    var once = false
    @Option(help: ArgumentHelp("The day to count, in the service's time (default: today).", valueName: "YYYY-MM-DD"))
    var day: String?
    @Option(help: ArgumentHelp("Seconds within which an answer counts as in time, for the service level.", valueName: "seconds"))
    var threshold: String = "\(SupervisorFigures.defaultThresholdSeconds)"
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        let day = try self.day.map { try LocalDate(parsing: $0) }
        guard let threshold = Int(threshold), (1...3600).contains(threshold) else {
            throw ValidationError(field: "threshold", value: threshold, reason: "use 1 to 3600 seconds")
        }
        let live = !once && !json
        if live, let text = self.day {
            throw ValidationError(field: "day", value: text, reason: "the live wallboard shows today; add --once or --json for another day")
        }
        let store = try global.openStore()
        if live {
            return try WallboardLauncher(global: global, store: store, screen: screen, thresholdSeconds: threshold).run()
        }
        let me = try global.signIn(to: store, command: "supervisor")
        try store.require(.supervise, by: me.identity, for: "the wallboard")
        let figures = try store.supervisorFigures(day: day, thresholdSeconds: threshold)
        return json ? try printJSON(figures) : SupervisorReport.print(figures)
    }
}

/// The figures laid out as text: the queue, a line per client, a line per operator.
enum SupervisorReport {
    static func print(_ figures: SupervisorFigures) {
        let calendar = SupervisorFigures.serviceCalendar
        Swift.print("Supervisor: \(figures.day) at \(CallFormat.clockTime(figures.at, calendar)); "
                    + "service level = answered within \(figures.thresholdSeconds) s")
        Swift.print("Waiting now: \(figures.waitingNow)"
                    + (figures.longestWaitSeconds.map { ", longest wait \(CallFormat.duration($0))" } ?? "")
                    + "; Call-backs waiting: \(figures.callbacksWaiting)")
        Swift.print("")
        let header = ["CLIENT", "OFFERED", "ANSWERED", "ABANDONED", "CLOSED", "WAITING", "SERVICE", "AVG WAIT", "AVG TALK",
                      "CALL-BACKS"]
        func row(_ name: String, _ tally: CallTally, _ callbacks: Int) -> [String] {
            [name, "\(tally.offered)", "\(tally.answered)", "\(tally.abandoned)", "\(tally.closed)", "\(tally.waitingNow)",
             CallFormat.percent(tally.serviceLevel), CallFormat.duration(tally.averageWaitSeconds),
             CallFormat.duration(tally.averageTalkSeconds), "\(callbacks)"]
        }
        printTable([header] + figures.clients.map { row($0.clientName, $0.tally, $0.callbacksWaiting) }
                   + [row("All clients", figures.total, figures.callbacksWaiting)])
        Swift.print("")
        printTable([["OPERATOR", "NAME", "STATE", "CALLS TODAY"]] + figures.operators.map {
            [$0.login, $0.name, state(of: $0, at: figures.at, calendar: calendar), "\($0.handled)"]
        })
    }

    /// `on a call with Cabinet du Dr Martin since 10:02 (3:05)`
    static func state(of person: SupervisorFigures.OperatorFigures, at now: Date, calendar: LocalCalendar) -> String {
        let since = person.since.map { " since \(CallFormat.clockTime($0, calendar)) (\(CallFormat.duration(Int(now.timeIntervalSince($0)))))" } ?? ""
        switch person.state {
        case .onCall: return "on a call with \(person.clientName ?? "?")" + since
        case .wrapUp: return "wrap-up after \(person.clientName ?? "?")" + since
        case .available: return "available" + since
        case .paused: return "paused" + since
        case .offline: return "offline"
        }
    }
}
