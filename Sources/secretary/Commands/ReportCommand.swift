import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// How the service did over a period: per period, client and operator, and the busiest hours.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Calls over a period: offered, answered, abandoned, service level, waits, talk and wrap-up (supervisors).",
        discussion: """
            Days and hours are the service's (Europe/Paris), a day of 23 or 25 hours on a clock change; a call \
            belongs to the period it arrived in. Service level: answered within --threshold seconds, among the calls \
            answered or abandoned. ASA: average speed of answer. P90: 90 % of the callers waited this long or less.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("First day (default: six days before --to).", valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp("Last day, included (default: today).", valueName: "YYYY-MM-DD")) var to: String?
    @Option(help: ArgumentHelp("Cut the period by day, week, month or hour.", valueName: "day|week|month|hour"))
    var by: String = "day"
    @Option(help: "Only this client's calls.") var client: String?
    @Option(help: ArgumentHelp("Only the calls this operator answered.", valueName: "login")) var answeredBy: String?
    @Option(help: ArgumentHelp("Seconds within which an answer counts as in time.", valueName: "seconds"))
    var threshold: String = "\(SupervisorFigures.defaultThresholdSeconds)"
    @Flag(help: "Print JSON for scripts.") var json = false
    @Flag(help: "Print CSV for a spreadsheet: one row per period, client, operator and busy hour.") var csv = false

    static let longestRange = 400

    func run() throws {
        let granularity = try ReportGranularity(parsing: by)
        let clientID = try client.map(ClientID.init)
        guard let threshold = Int(threshold), (1...3600).contains(threshold) else {
            throw ValidationError(field: "threshold", value: threshold, reason: "use 1 to 3600 seconds")
        }
        guard !(json && csv) else { throw ValidationError(field: "format", value: "--json --csv", reason: "choose one") }
        let toDate = try to.map { try LocalDate(parsing: $0) }
        let fromDate = try from.map { try LocalDate(parsing: $0) }
        let (store, me) = try global.signedIn("report", .readOnly)
        try store.require(.supervise, by: me.identity, for: "reports")
        let last = toDate ?? SupervisorFigures.serviceCalendar.localDate(of: store.now)
        let first = fromDate ?? last.adding(days: -6)
        guard first <= last else {
            throw ValidationError(field: "from", value: first.description, reason: "comes after --to \(last)")
        }
        guard last.dayNumber - first.dayNumber < ReportCommand.longestRange else {
            throw ValidationError(field: "to", value: last.description,
                                  reason: "a report covers at most \(ReportCommand.longestRange) days")
        }
        let report = try store.callReport(from: first, to: last, by: granularity, client: clientID,
                                          operatorLogin: answeredBy, thresholdSeconds: threshold)
        try store.recordRead(by: me.identity, objectType: "report", objectIDs: [],
                             details: "report \(first) to \(last) by \(granularity.rawValue): \(clientID?.rawValue ?? "all clients")")
        if json { return try printJSON(report) }
        if csv { return printCSV(ReportTable.csv(report)) }
        ReportTable.print(report)
    }
}
