import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// Each client's month against its plan, for billing.
struct UsageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Each client's month for billing: calls counted, talk, messages, SMS, appointments, the plan and the overage.",
        discussion: """
            A month is read in each client's time zone. A call counts when it was offered during the client's \
            opening hours, except when the caller hung up within --short-abandon seconds. The plan is never \
            prorated: a month started is a month due. A month not yet over is marked "in progress".
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The month (default: this month, in the service's time).", valueName: "YYYY-MM"))
    var month: String?
    @Option(help: "Only this client (see `secretary clients`).") var client: String?
    @Option(help: ArgumentHelp("An abandoned call whose caller waited this long or less is not counted.", valueName: "seconds"))
    var shortAbandon: String = "\(UsageRules.defaultShortAbandonSeconds)"
    @Flag(help: "Print JSON for scripts.") var json = false
    @Flag(help: "Print CSV (one row per client) for a spreadsheet.") var csv = false

    struct Output: Encodable {
        let month: LocalMonth
        let shortAbandonSeconds: Int
        let smsCounted: Bool
        let notes: [String]
        let clients: [ClientUsage]
    }

    func run() throws {
        let month = try self.month.map(LocalMonth.init(parsing:))
        let clientID = try client.map(ClientID.init)
        guard let seconds = Int(shortAbandon) else {
            throw ValidationError(field: "short abandon", value: shortAbandon, reason: "expected a number of seconds, like 5")
        }
        let rules = try UsageRules(shortAbandonSeconds: seconds)
        guard !(json && csv) else { throw ValidationError(field: "format", value: "--json --csv", reason: "choose one") }
        let (store, me) = try global.signedIn("usage", .readOnly)
        try store.require(.supervise, by: me.identity, for: "usage")
        let chosen = month ?? LocalMonth(of: SupervisorFigures.serviceCalendar.localDate(of: store.now))
        let usage = try store.monthlyUsage(month: chosen, client: clientID, rules: rules)
        let smsCounted = try store.countsSMS()
        let notes = smsCounted ? [] : [ClientUsage.smsNote]
        try store.recordRead(by: me.identity, objectType: "usage", objectIDs: [],
                             details: "usage \(chosen): \(clientID?.rawValue ?? "all clients")")
        if json {
            return try printJSON(Output(month: chosen, shortAbandonSeconds: seconds, smsCounted: smsCounted, notes: notes,
                                        clients: usage))
        }
        if csv { return printCSV(UsageTable.csv(usage)) }
        UsageTable.print(usage, month: chosen, rules: rules, notes: notes)
    }
}

/// Usage as a text table and as CSV.
enum UsageTable {
    static func print(_ usage: [ClientUsage], month: LocalMonth, rules: UsageRules, notes: [String]) {
        let progress = usage.contains { $0.inProgress } ? " (in progress)" : ""
        Swift.print("Usage for \(month)\(progress): calls offered in opening hours, "
                    + "less those abandoned within \(rules.shortAbandonSeconds) s")
        Swift.print("")
        let header = ["CLIENT", "CALLS", "PLAN", "OVER", "OFFERED", "ANSWERED", "ABANDONED", "SHORT", "CLOSED", "TALK MIN",
                      "MESSAGES", "SMS", "SMS PLAN", "SMS OVER", "BOOKED", "MOVED", "CANCELLED"]
        printTable([header] + usage.map {
            [$0.clientID.rawValue + ($0.inProgress ? "*" : ""), "\($0.counted)", "\($0.planCalls)", "\($0.overageCalls)",
             "\($0.offered)", "\($0.answered)", "\($0.abandoned)", "\($0.shortAbandoned)", "\($0.closed)",
             "\($0.talkMinutes)", "\($0.messages)", "\($0.smsSegments)", "\($0.planSMS)", "\($0.overageSMS)",
             "\($0.appointmentsBooked)", "\($0.appointmentsMoved)", "\($0.appointmentsCancelled)"]
        })
        if !progress.isEmpty { Swift.print("* month in progress: the figures will still grow") }
        for note in notes { Swift.print("Note: \(note)") }
    }

    static let csvHeader = ["client", "name", "month", "time_zone", "in_progress", "calls_counted", "plan_calls",
                            "overage_calls", "offered", "answered", "abandoned", "short_abandoned", "closed", "talk_seconds",
                            "talk_minutes", "messages", "sms_segments", "sms_counted", "plan_sms", "overage_sms",
                            "appointments_booked", "appointments_moved", "appointments_cancelled"]

    static func csv(_ usage: [ClientUsage]) -> [[String]] {
        [csvHeader] + usage.map {
            [$0.clientID.rawValue, $0.clientName, $0.month.description, $0.timeZone, "\($0.inProgress)", "\($0.counted)",
             "\($0.planCalls)", "\($0.overageCalls)", "\($0.offered)", "\($0.answered)", "\($0.abandoned)",
             "\($0.shortAbandoned)", "\($0.closed)", "\($0.talkSeconds)", "\($0.talkMinutes)", "\($0.messages)",
             "\($0.smsSegments)", "\($0.smsCounted)", "\($0.planSMS)", "\($0.overageSMS)", "\($0.appointmentsBooked)",
             "\($0.appointmentsMoved)", "\($0.appointmentsCancelled)"]
        }
    }
}
