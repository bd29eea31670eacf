import Foundation
import SecretaryCore

/// The week as plain text in 78 columns: a time column and six 11-character day columns.
/// `.` free, `|` an appointment continuing, `~` away, blank closed, `!` a no-show.
enum WeekText {
    static let cellWidth = 11

    static func render(schedule: AgendaSchedule, grid: WeekGrid, today: LocalDate) -> String {
        let calendar = schedule.calendar
        let iso = grid.monday.isoWeek
        let saturday = grid.monday.adding(days: 5)
        var lines = [cut("\(schedule.client.name) · \(schedule.agenda.name) · week \(String(format: "%04d-W%02d", iso.year, iso.week)) "
                         + "(\(grid.monday.dayMonth) to \(saturday.dayMonthYear))", 78)]
        lines.append(trimmed("       " + grid.days.map { day in
            pad((day.date == today ? "*" : "") + "\(day.date.weekday.shortName) \(day.date.dayMonth)")
        }.joined(separator: " ")))
        for row in grid.rows.indices {
            var cells: [String] = []
            for day in grid.days.indices {
                cells.append(pad(text(of: grid, day: day, row: row)))
            }
            lines.append(trimmed("\(grid.rows[row])  " + cells.joined(separator: " ")))
        }
        lines.append("")
        lines.append(". free   | continues   ~ away   ! no-show   blank: closed" + (grid.dayIndex(of: today) != nil ? "   * today" : ""))
        if !schedule.entries.isEmpty {
            lines.append("")
            for entry in schedule.entries {
                let day = calendar.localDate(of: entry.start)
                let status = entry.status == .booked ? "" : " (\(entry.status.rawValue))"
                lines.append(cut("\(String(entry.id).padding(toLength: 7, withPad: " ", startingAt: 0))"
                                 + "\(day.weekday.shortName) \(day.dayMonth) \(calendar.spokenSpan(entry.interval))  "
                                 + "\(entry.contactName), \(entry.typeName)\(status)", 78))
            }
        }
        for absence in schedule.absences {
            lines.append(cut("away   \(calendar.spoken(absence.start)) to \(calendar.spoken(absence.end)): \(absence.reason)", 78))
        }
        return lines.joined(separator: "\n")
    }

    static func text(of grid: WeekGrid, day: Int, row: Int) -> String {
        let info = grid.days[day]
        if let holiday = info.holiday { return row == 0 ? holiday : "" }
        switch grid.cell(day: day, row: row) {
        case .free: return "."
        case .closed: return ""
        case .absence(let reason):
            // The reason once per day, on the absence's first row.
            let labelled = (0..<row).contains { grid.cell(day: day, row: $0) == .absence(reason) }
            return labelled ? "~" : "~" + reason
        case .appointment(let booking):
            guard booking.isFirstRow else { return "|" }
            return (booking.status == .noShow ? "!" : "") + short(booking.contactName)
        }
    }

    /// `Marie Lefèvre` → `M. Lefèvre`, to fit a narrow column.
    static func short(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard words.count > 1, name.count > cellWidth, let initial = words.first?.first else { return name }
        return "\(initial). " + words.dropFirst().joined(separator: " ")
    }

    static func pad(_ text: String) -> String {
        cut(text, cellWidth).padding(toLength: cellWidth, withPad: " ", startingAt: 0)
    }

    static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }

    static func cut(_ text: String, _ width: Int) -> String { text.count <= width ? text : String(text.prefix(width)) }
}
