import Foundation
import SecretaryCore

/// The reports screen: the period's figures with sparklines, the busiest hours as a heat
/// map, and each client's calls against its plan as a bar.
enum ReportsView {
    static func render(_ state: WallboardState, into buffer: inout ScreenBuffer) {
        let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 2)
        guard let data = state.reports.data else {
            buffer.write(state.text(.reportsLoading), x: 1, y: body.y + 1, role: .dim, limit: body.width - 2)
            return
        }
        // A short screen keeps one sparkline, so that the clients still get rows.
        let sparklines = state.height >= 30 ? 3 : 1
        let summary = Rect(x: 0, y: body.y, width: body.width,
                           height: 2 + totalsLines(state, data.report, width: body.width - 2) + sparklines)
        buffer.box(summary, title: title(state, data), focused: false)
        renderSummary(state, data.report, sparklines: sparklines, into: &buffer, in: summary.inset(by: 1))
        let days = ReportsHeatMap.days(data.report)
        let heat = Rect(x: 0, y: summary.maxY, width: body.width, height: 3 + days.count)
        buffer.box(heat, title: ReportsHeatMap.title(state, data.report), focused: false)
        ReportsHeatMap.render(state, data.report, days: days, into: &buffer, in: heat.inset(by: 1))
        let plans = Rect(x: 0, y: heat.maxY, width: body.width, height: body.maxY - heat.maxY)
        guard plans.height >= 3 else { return }
        let month = "\(Digits.two(data.request.month.month))/\(data.request.month.year)"
        let progress = data.usage.contains { $0.inProgress } ? " (\(state.text(.reportsInProgress)))" : ""
        buffer.box(plans, title: "\(state.text(.reportsPlans)) \(month)\(progress)", focused: false)
        ReportsPlans.render(state, data, into: &buffer, in: plans.inset(by: 1))
    }

    /// `Week 2026-W47 · 16/11/2026 – 22/11/2026 · all clients`
    static func title(_ state: WallboardState, _ data: ReportsData) -> String {
        let request = data.request
        let (from, to) = request.days
        let span: String
        switch request.span {
        case .day: span = state.text(.reportsSpanDay) + " " + state.language.shortDate(from)
        case .week:
            let week = from.isoWeek
            span = state.text(.reportsSpanWeek) + " \(week.year)-W" + Digits.two(week.week)
        case .month: span = state.text(.reportsSpanMonth) + " " + Digits.two(request.month.month) + "/\(request.month.year)"
        }
        let dates = request.span == .day ? "" : " · \(state.language.fullDate(from)) – \(state.language.fullDate(to))"
        let who = request.client.map { id in data.clients.first { $0.id == id }?.name ?? id.rawValue }
            ?? state.text(.reportsAllClients)
        return "\(span)\(dates) · \(who)"
    }

    /// The totals, each `label value`, wrapped to `width`.
    static func totals(_ state: WallboardState, _ report: CallReport) -> [(Text, String, StyleRole)] {
        let total = report.total
        let rate = total.abandonRate.map { " (\(Int(($0 * 100).rounded()))%)" } ?? ""
        let runs: [(Text, String, StyleRole)] = [
            (.columnOffered, "\(total.offered)", .emphasis),
            (.columnAnswered, "\(total.answered)", .normal),
            (.columnAbandoned, "\(total.abandoned)\(rate)", total.abandoned > 0 ? .waitWarn : .dim),
            (.columnService, WallboardClientsTable.serviceLevel(total.serviceLevel).0,
             WallboardClientsTable.serviceLevel(total.serviceLevel).1),
            (.reportsASA, time(total.averageSpeedOfAnswerSeconds), .normal),
            (.columnAverageWait, time(total.averageWaitSeconds), .normal),
            (.reportsP90, time(total.p90WaitSeconds), .normal),
            (.columnAverageTalk, time(total.averageTalkSeconds), .normal),
            (.reportsWrapUp, time(total.averageWrapUpSeconds), .normal),
        ]
        return runs
    }

    static func totalsLines(_ state: WallboardState, _ report: CallReport, width: Int) -> Int {
        var x = 0, lines = 1
        for (label, value, _) in totals(state, report) {
            let run = DisplayWidth.of(state.text(label)) + 1 + DisplayWidth.of(value) + 3
            if x > 0 && x + run - 3 > width {
                lines += 1
                x = 0
            }
            x += run
        }
        return lines
    }

    static func renderSummary(_ state: WallboardState, _ report: CallReport, sparklines: Int,
                              into buffer: inout ScreenBuffer, in rect: Rect) {
        var x = rect.x, y = rect.y
        for (label, value, role) in totals(state, report) {
            let width = DisplayWidth.of(state.text(label)) + 1 + DisplayWidth.of(value)
            if x > rect.x && x + width > rect.maxX {
                x = rect.x
                y += 1
            }
            guard y < rect.maxY else { break }
            x += buffer.write(state.text(label) + " ", x: x, y: y, role: .dim, limit: rect.maxX - x)
            x += buffer.write(value, x: x, y: y, role: role, limit: rect.maxX - x)
            x += buffer.write("   ", x: x, y: y, limit: max(0, rect.maxX - x))
        }
        guard report.total.offered + report.total.closed > 0 else {
            buffer.write(state.text(.reportsNoCalls), x: rect.x, y: y + 1, role: .dim, limit: rect.width)
            return
        }
        // One sparkline per measure, one character per period (an hour of a day, a day of a
        // week or month), with the largest value said in words.
        let labelWidth = 12
        let lines: [(Text, [Int])] = [
            (.columnOffered, report.periods.map(\.figures.offered)),
            (.columnAbandoned, report.periods.map(\.figures.abandoned)),
            (.columnService, report.periods.map { Int((($0.figures.serviceLevel ?? 0) * 100).rounded()) }),
        ]
        let room = rect.width - labelWidth - 16
        let cell = max(1, min(3, room / max(1, report.periods.count)))
        for (index, (label, values)) in lines.prefix(sparklines).enumerated() where y + 1 + index < rect.maxY {
            let line = y + 1 + index
            buffer.write(DisplayWidth.fit(state.text(label), columns: labelWidth - 1), x: rect.x, y: line, role: .dim)
            let spark = Charts.sparkline(values).map { String(repeating: String($0), count: cell) }.joined()
            let drawn = buffer.write(spark, x: rect.x + labelWidth, y: line, limit: max(0, room))
            let top = values.max() ?? 0
            let suffix = label == .columnService ? "max \(top)%" : "max \(top)"
            buffer.write(suffix, x: rect.x + labelWidth + drawn + 2, y: line, role: .dim,
                         limit: max(0, rect.maxX - (rect.x + labelWidth + drawn + 2)))
        }
    }

    static func time(_ seconds: Int?) -> String { seconds.map(Language.duration) ?? "-" }
}

/// Calls offered by weekday and hour: one row a weekday, one column an hour, each cell a
/// density from `·` (none) to `█` (the busiest).
enum ReportsHeatMap {
    /// Monday to Saturday, and Sunday when a call was offered on one.
    static func days(_ report: CallReport) -> [Weekday] {
        Weekday.allCases.filter { $0 != .sunday || report.busiestHours[6].contains { $0 > 0 } }
    }

    /// `Busiest hours: calls offered (· 0  ░ ▒ ▓ █ 7)`: the legend says what the densities count.
    static func title(_ state: WallboardState, _ report: CallReport) -> String {
        let top = report.busiestHours.flatMap { $0 }.max() ?? 0
        return "\(state.text(.reportsBusiestHours)) (· 0  ░ ▒ ▓ █ \(top))"
    }

    static func render(_ state: WallboardState, _ report: CallReport, days: [Weekday], into buffer: inout ScreenBuffer,
                       in rect: Rect) {
        let counts = report.busiestHours
        let used = (0..<24).filter { hour in counts.contains { $0[hour] > 0 } }
        // The service's day (08–19) at least, widened to the hours that had calls, as far as fits.
        let fit = max(1, (rect.width - 6) / 3)
        var first = min(used.first ?? 8, 8), last = max(used.last ?? 19, 19)
        if last - first + 1 > fit {
            first = used.first ?? 8
            last = min(23, first + fit - 1)
        }
        let top = counts.flatMap { $0 }.max() ?? 0
        var x = rect.x + 5
        for hour in first...last {
            x += buffer.write(Digits.two(hour) + " ", x: x, y: rect.y, role: .dim)
        }
        for (row, day) in days.enumerated() where rect.y + 1 + row < rect.maxY {
            let y = rect.y + 1 + row
            buffer.write(state.language.weekdayName(day, short: true), x: rect.x, y: y, role: .dim)
            x = rect.x + 5
            for hour in first...last {
                let value = counts[day.rawValue - 1][hour]
                let shade = Charts.shade(value, top: top)
                x += buffer.write(String(repeating: String(shade), count: 2) + " ", x: x, y: y,
                                  role: value == top && top > 0 ? .emphasis : .normal)
            }
        }
    }
}

/// Each client: calls offered and service level over the period, then the month's counted
/// calls against the plan as a bar (beyond the plan in `▓` and the warning colour, and
/// said in figures).
enum ReportsPlans {
    static func render(_ state: WallboardState, _ data: ReportsData, into buffer: inout ScreenBuffer, in rect: Rect) {
        let nameWidth = min(28, max(12, rect.width / 4))
        let figureWidth = 16
        let overWidth = DisplayWidth.of(state.text(.reportsOverPlan)) + 1
        let barWidth = max(4, min(40, rect.width - (nameWidth + 1) - 2 * 9 - (figureWidth + 1) - overWidth))
        let headers: [(String, Int)] = [(state.text(.columnClient), nameWidth), (state.text(.columnOffered), 8),
                                        (state.text(.columnService), 8), (state.text(.reportsCallsOverPlan), figureWidth)]
        var x = rect.x
        for (title, width) in headers {
            buffer.write(DisplayWidth.fit(title, columns: width), x: x, y: rect.y, role: .emphasis)
            x += width + 1
        }
        let figures = Dictionary(data.report.clients.map { ($0.clientID, $0.figures) }, uniquingKeysWith: { a, _ in a })
        let rows = data.usage.sorted { share($0) > share($1) || (share($0) == share($1) && $0.clientName < $1.clientName) }
        let room = rect.height - 1
        let shown = rows.count > room ? Array(rows.prefix(max(0, room - 1))) : rows
        var y = rect.y + 1
        for usage in shown {
            x = rect.x
            buffer.write(DisplayWidth.fit(usage.clientName, columns: nameWidth), x: x, y: y)
            x += nameWidth + 1
            let period = figures[usage.clientID]
            let offered = "\(period?.offered ?? 0)"
            buffer.write(String(repeating: " ", count: max(0, 7 - offered.count)) + offered, x: x, y: y,
                         role: (period?.offered ?? 0) == 0 ? .dim : .normal)
            x += 9
            let service = WallboardClientsTable.serviceLevel(period?.serviceLevel)
            buffer.write(String(repeating: " ", count: max(0, 7 - service.0.count)) + service.0, x: x, y: y, role: service.1)
            x += 9
            let over = usage.overageCalls > 0
            let figure = "\(usage.counted)/\(usage.planCalls)" + (over ? " +\(usage.overageCalls)" : "")
            buffer.write(DisplayWidth.fit(figure, columns: figureWidth), x: x, y: y, role: over ? .warning : .normal)
            x += figureWidth + 1
            let bar = Charts.planBar(used: usage.counted, plan: usage.planCalls, width: barWidth)
            x += buffer.write(String(repeating: "█", count: bar.within), x: x, y: y, role: .normal)
            x += buffer.write(String(repeating: "░", count: bar.left), x: x, y: y, role: .dim)
            x += buffer.write(String(repeating: "▓", count: bar.beyond), x: x, y: y, role: .warning)
            if over { buffer.write(" " + state.text(.reportsOverPlan), x: x, y: y, role: .warning, limit: max(0, rect.maxX - x)) }
            y += 1
        }
        if shown.count < rows.count {
            buffer.write("+\(rows.count - shown.count) \(state.text(.wallboardMoreClients))", x: rect.x, y: y, role: .dim,
                         limit: rect.width)
        }
    }

    /// Counted calls as a share of the plan: the fullest first.
    static func share(_ usage: ClientUsage) -> Double {
        Double(usage.counted) / Double(max(1, usage.planCalls))
    }
}
