import Foundation
import SecretaryCore

/// A report laid out as text tables, or as CSV rows.
enum ReportTable {
    static func print(_ report: CallReport) {
        var scope = ""
        if let client = report.clientID { scope += ", client \(client)" }
        if let login = report.operatorLogin { scope += ", calls answered by \(terminalSafe(login))" }
        Swift.print("Report \(report.from) to \(report.to) by \(report.by.rawValue) (Europe/Paris)\(scope); "
                    + "service level = answered within \(report.thresholdSeconds) s")
        Swift.print("")
        let header = ["OFFERED", "ANSWERED", "ABANDONED", "ABANDON%", "SERVICE", "ASA", "AVG WAIT", "P90 WAIT",
                      "AVG TALK", "AVG WRAP"]
        printTable([["PERIOD"] + header] + report.periods.map { [$0.period.label] + cells($0.figures) }
                   + [["Total"] + cells(report.total)])
        if !report.clients.isEmpty {
            Swift.print("")
            printTable([["CLIENT", "CLOSED"] + header] + report.clients.map {
                [$0.clientID.rawValue, "\($0.figures.closed)"] + cells($0.figures)
            })
        }
        if !report.operators.isEmpty {
            Swift.print("")
            printTable([["OPERATOR", "NAME", "ANSWERED", "IN TIME", "ASA", "P90 WAIT", "AVG TALK", "AVG WRAP"]] + report.operators.map {
                let f = $0.figures
                return [terminalSafe($0.login), terminalSafe($0.name), "\(f.answered)", "\(f.answeredInTime)",
                        CallFormat.duration(f.averageSpeedOfAnswerSeconds), CallFormat.duration(f.p90WaitSeconds),
                        CallFormat.duration(f.averageTalkSeconds), CallFormat.duration(f.averageWrapUpSeconds)]
            })
        }
        let hours = busyHours(report)
        guard !hours.isEmpty else { return }
        Swift.print("")
        Swift.print("Busiest hours (calls offered, by weekday and hour):")
        printTable([["DAY"] + hours.map { Digits.two($0) }] + Weekday.allCases.map { day in
            [day.key.capitalized] + hours.map { "\(report.busiestHours[day.rawValue - 1][$0])" }
        })
    }

    /// The hours from the first to the last that had a call on any weekday.
    static func busyHours(_ report: CallReport) -> [Int] {
        let used = (0..<24).filter { hour in report.busiestHours.contains { $0[hour] > 0 } }
        guard let first = used.first, let last = used.last else { return [] }
        return Array(first...last)
    }

    static func cells(_ f: ReportFigures) -> [String] {
        ["\(f.offered)", "\(f.answered)", "\(f.abandoned)", CallFormat.percent(f.abandonRate), CallFormat.percent(f.serviceLevel),
         CallFormat.duration(f.averageSpeedOfAnswerSeconds), CallFormat.duration(f.averageWaitSeconds),
         CallFormat.duration(f.p90WaitSeconds), CallFormat.duration(f.averageTalkSeconds),
         CallFormat.duration(f.averageWrapUpSeconds)]
    }

    static let csvHeader = ["section", "key", "name", "start", "end", "offered", "answered", "abandoned", "closed",
                            "answered_in_time", "abandon_rate", "service_level", "asa_seconds", "average_wait_seconds",
                            "p90_wait_seconds", "average_talk_seconds", "average_wrap_up_seconds"]

    static func csv(_ report: CallReport) -> [[String]] {
        func number(_ value: Int?) -> String { value.map { "\($0)" } ?? "" }
        func share(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
        func row(_ section: String, _ key: String, _ name: String, _ start: String, _ end: String, _ f: ReportFigures) -> [String] {
            [section, key, name, start, end, "\(f.offered)", "\(f.answered)", "\(f.abandoned)", "\(f.closed)",
             "\(f.answeredInTime)", share(f.abandonRate), share(f.serviceLevel), number(f.averageSpeedOfAnswerSeconds),
             number(f.averageWaitSeconds), number(f.p90WaitSeconds), number(f.averageTalkSeconds),
             number(f.averageWrapUpSeconds)]
        }
        let iso = ISO8601DateFormatter()
        var rows = [csvHeader]
        rows += report.periods.map { row("period", $0.period.label, "", iso.string(from: $0.period.start),
                                         iso.string(from: $0.period.end), $0.figures) }
        rows.append(row("total", "", "", report.from.description, report.to.description, report.total))
        rows += report.clients.map { row("client", $0.clientID.rawValue, $0.clientName, "", "", $0.figures) }
        rows += report.operators.map { row("operator", $0.login, $0.name, "", "", $0.figures) }
        for day in Weekday.allCases {
            for hour in 0..<24 where report.busiestHours[day.rawValue - 1][hour] > 0 {
                rows.append(["busiest-hour", "\(day.key) \(Digits.two(hour))", "", "", "",
                             "\(report.busiestHours[day.rawValue - 1][hour])"] + Array(repeating: "", count: 11))
            }
        }
        return rows
    }
}
