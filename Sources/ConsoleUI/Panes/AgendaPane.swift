import Foundation
import SecretaryCore

/// Geometry of the week grid: which rows exist for a client, where the cursor is.
public enum AgendaLayout {
    /// The start of the slot holding `minutes`.
    public static func slotStart(of minutes: Int, slot: Int) -> Int { minutes / slot * slot }

    /// Row starts (minutes since midnight) from the week's earliest opening to its latest closing.
    public static func rows(for client: Client) -> [Int] {
        let span = client.hours.span ?? (try! TimeRange(TimeOfDay(hour: 8), TimeOfDay(hour: 20)))
        return Array(stride(from: span.start.minutes, to: span.end.minutes, by: client.slotMinutes))
    }

    /// Rows visible in the agenda pane for the current layout (less the header).
    static func visibleRows(_ state: AppState) -> Int {
        let layout = Layout(width: state.width, height: state.height, focus: .agenda)
        return max(1, (layout.panes[.agenda]?.height ?? state.height) - 3)
    }

    /// The first row to show so that the cursor stays visible, scrolling as little as possible.
    static func firstRow(keeping cursorRow: Int, from current: Int, visible: Int, total: Int) -> Int {
        var first = current
        if cursorRow < first { first = cursorRow }
        if cursorRow >= first + visible { first = cursorRow - visible + 1 }
        return max(0, min(first, total - visible))
    }
}

/// Monday–Saturday of one agenda: appointments in their type's colour, closed time and
/// absences apart from free time, today and now marked, the cursor slot highlighted.
enum AgendaPane {
    static let timeWidth = 6

    static func render(_ state: AppState, into buffer: inout ScreenBuffer, in rect: Rect) {
        guard let context = state.context, let monday = state.agenda.monday else {
            buffer.write(state.text(.agendaNone), x: rect.x, y: rect.y, role: .dim, limit: rect.width)
            return
        }
        let client = context.client
        let calendar = client.calendar
        let hours = client.openingHours
        let days = (0..<6).map { monday.adding(days: $0) }
        let open = days.map { !hours.ranges(on: $0).isEmpty }
        let columns = dayColumns(open: open, width: rect.width - timeWidth)
        let today = calendar.localDate(of: state.now)
        let nowMinutes = calendar.timeOfDay(of: state.now).minutes

        // Header: the days, today marked, closed days and holidays said.
        var x = rect.x + timeWidth
        for (index, day) in days.enumerated() {
            let holiday = PublicHolidays.name(of: day, country: client.country)
            var label = dayLabel(day, columns: columns[index] - 1, language: state.language)
            if holiday != nil { label += " " + state.text(.agendaHoliday) }
            let role: StyleRole = day == today ? .agendaToday : (open[index] ? .heading : .dim)
            buffer.write(DisplayWidth.fit(label, columns: columns[index] - 1, ellipsis: false), x: x, y: rect.y, role: role)
            x += columns[index]
        }

        let rows = AgendaLayout.rows(for: client)
        let visible = max(0, rect.height - 1)
        let first = max(0, min(state.agenda.firstRow, rows.count - visible))
        let entries = state.agenda.week?.entries ?? []
        let absences = state.agenda.week?.absences ?? []
        let shown = Array(rows.dropFirst(first).prefix(visible))
        guard let firstMinute = shown.first else { return }
        // One calendar conversion per day: Monday–Saturday never hold a daylight saving
        // change (those happen on Sunday nights), so a slot is its day's first row plus minutes.
        let dayRanges = days.map { hours.ranges(on: $0) }
        let dayOrigins = days.map { calendar.instant($0, try! TimeOfDay(minutes: firstMinute)) }
        let slotSeconds = TimeInterval(client.slotMinutes * 60)
        for (offset, minute) in shown.enumerated() {
            let y = rect.y + 1 + offset
            let isNowRow = days.contains(today) && nowMinutes >= minute && nowMinutes < minute + client.slotMinutes
            let time = String(format: "%02d:%02d", minute / 60, minute % 60)
            buffer.write(time, x: rect.x, y: y, role: isNowRow ? .agendaNow : (minute % 60 == 0 ? .normal : .dim))
            var x = rect.x + timeWidth
            for index in days.indices {
                let width = columns[index] - 1
                let start = dayOrigins[index].addingTimeInterval(TimeInterval((minute - firstMinute) * 60))
                let end = start.addingTimeInterval(slotSeconds)
                let isCursor = index == state.agenda.cursorDay && minute == state.agenda.cursorMinute
                let isOpen = dayRanges[index].contains { $0.start.minutes <= minute && minute < $0.end.minutes }
                var text = ""
                var role: StyleRole = .agendaFree
                if let entry = entries.first(where: { $0.start < end && $0.end > start }) {
                    role = .appointment(entry.colour)
                    text = entry.start >= start ? entry.contactName : "│"
                } else if absences.contains(where: { $0.start < end && $0.end > start }) {
                    role = .agendaAbsence
                    text = "abs."
                } else if !isOpen {
                    role = .agendaClosed
                    text = "·"
                }
                if isCursor { role = .agendaCursor }
                buffer.fill(Rect(x: x, y: y, width: width, height: 1), role: role)
                buffer.write(text, x: x, y: y, role: role, limit: width)
                x += columns[index]
            }
        }
    }

    /// `Mon 23/11` (`lun. 23/11`), or `Mon 23`, or `23` as the column narrows.
    static func dayLabel(_ day: LocalDate, columns: Int, language: Language) -> String {
        let full = language.shortDate(day)
        if DisplayWidth.of(full) <= columns { return full }
        let weekdayAndDay = String(full.prefix { $0 != " " }) + " \(day.day)"
        return DisplayWidth.of(weekdayAndDay) <= columns ? weekdayAndDay : "\(day.day)"
    }

    /// Column widths (including one separating space): closed days narrow, open days share the rest.
    static func dayColumns(open: [Bool], width: Int) -> [Int] {
        let narrow = 5
        let openCount = open.filter { $0 }.count
        guard openCount > 0 else { return open.map { _ in max(3, width / 6) } }
        let wide = max(4, (width - narrow * (open.count - openCount)) / openCount)
        return open.map { $0 ? wide : narrow }
    }
}
