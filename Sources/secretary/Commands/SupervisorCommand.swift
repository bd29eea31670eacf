import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// The supervisor's figures as plain text or JSON. (The full-screen wallboard is drawn by the
/// console from the same `SupervisorFigures`.)
struct SupervisorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supervisor",
        abstract: "Show the queue, each client's day and each operator's state (supervisors and admins only).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Your login; its role must be supervisor or admin.") var `operator`: String
    @Flag(help: "Print the figures once and exit (otherwise they refresh every second until Ctrl-C).")
    var once = false
    @Option(help: ArgumentHelp("The day to count, in the service's time (default: today).", valueName: "YYYY-MM-DD"))
    var day: String?
    @Option(help: ArgumentHelp("Seconds within which an answer counts as in time, for the service level.", valueName: "seconds"))
    var threshold: String = "\(SupervisorFigures.defaultThresholdSeconds)"
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let day = try self.day.map { try LocalDate(parsing: $0) }
        guard let threshold = Int(threshold), (1...3600).contains(threshold) else {
            throw ValidationError(field: "threshold", value: threshold, reason: "use 1 to 3600 seconds")
        }
        let store = try global.openStore()
        _ = try store.supervisor(login: `operator`)
        if once || json {
            let figures = try store.supervisorFigures(day: day, thresholdSeconds: threshold)
            return json ? try printJSON(figures) : SupervisorReport.print(figures)
        }
        StopSignal.install()
        while !StopSignal.requested {
            let figures = try store.supervisorFigures(day: day, thresholdSeconds: threshold)
            Swift.print("\u{1B}[H\u{1B}[2J", terminator: "")
            SupervisorReport.print(figures)
            fflush(stdout)
            StopSignal.sleep(1)
        }
    }
}

/// The figures laid out as text: the queue, a line per client, a line per operator.
enum SupervisorReport {
    static func print(_ figures: SupervisorFigures) {
        let calendar = SupervisorFigures.serviceCalendar
        Swift.print("Supervisor: \(figures.day) at \(CallFormat.clockTime(figures.at, calendar)); "
                    + "service level = answered within \(figures.thresholdSeconds) s")
        Swift.print("Waiting now: \(figures.waitingNow)"
                    + (figures.longestWaitSeconds.map { ", longest wait \(CallFormat.duration($0))" } ?? ""))
        Swift.print("")
        let header = ["CLIENT", "OFFERED", "ANSWERED", "ABANDONED", "CLOSED", "WAITING", "SERVICE", "AVG WAIT", "AVG TALK"]
        func row(_ name: String, _ tally: CallTally) -> [String] {
            [name, "\(tally.offered)", "\(tally.answered)", "\(tally.abandoned)", "\(tally.closed)", "\(tally.waitingNow)",
             CallFormat.percent(tally.serviceLevel), CallFormat.duration(tally.averageWaitSeconds),
             CallFormat.duration(tally.averageTalkSeconds)]
        }
        printTable([header] + figures.clients.map { row($0.clientName, $0.tally) } + [row("All clients", figures.total)])
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
