import Foundation
import SecretaryCore

/// Geometry of the agenda pane: how many grid rows show, which one comes first.
public enum AgendaLayout {
    /// The start of the slot holding `minutes`.
    public static func slotStart(of minutes: Int, slot: Int) -> Int { minutes / slot * slot }

    /// The first slot of the day starting at or after `instant`: the one under way has begun,
    /// so it is no longer offered.
    static func nextSlotStart(after instant: Date, calendar: LocalCalendar, slot: Int) -> Int {
        let seconds = calendar.secondsSinceMidnight(of: instant)
        return min(24 * 60 - slot, (seconds + slot * 60 - 1) / (slot * 60) * slot)
    }

    /// Grid rows visible in the agenda pane for the current layout: the pane less its
    /// border, the day header and the footer line.
    static func visibleRows(_ state: AppState) -> Int {
        let layout = Layout(width: state.width, height: state.height, focus: .agenda)
        return max(1, (layout.panes[.agenda]?.height ?? state.height) - 4)
    }

    /// The first row to show so that `rows` (what the cursor selects) stay in view: the
    /// same while they are; once they leave it they come back to its middle, so a walk
    /// down a day scrolls once every half page, not at each step (a scroll redraws the
    /// whole grid).
    static func firstRow(keeping rows: ClosedRange<Int>, from current: Int, visible: Int, total: Int) -> Int {
        var first = current
        if rows.lowerBound < current || rows.upperBound >= current + visible {
            first = rows.count >= visible ? rows.lowerBound : rows.lowerBound - (visible - rows.count) / 2
        }
        return max(0, min(first, total - visible))
    }
}

/// Monday–Saturday of one agenda, drawn from the domain's `WeekGrid`: appointments in their
/// type's colour, closed time, absences and holidays apart from free time, today and now
/// marked, the cursor highlighted, and a footer saying what is under the cursor. Every cell
/// is read from the grid (no calendar work per cell), so a full screen draws well under a
/// millisecond.
enum AgendaPane {
    static let timeWidth = 6
    /// A closed day or a holiday (with its separating space).
    static let closedWidth = 8

    static func render(_ state: AppState, into buffer: inout ScreenBuffer, in rect: Rect) {
        guard state.context != nil, state.agenda.monday != nil else {
            buffer.write(state.text(.agendaNone), x: rect.x, y: rect.y, role: .dim, limit: rect.width)
            return
        }
        guard let grid = state.agenda.grid, !grid.rows.isEmpty, rect.height >= 2 else {
            buffer.write(state.text(.agendaLoading), x: rect.x, y: rect.y, role: .dim, limit: rect.width)
            return
        }
        let calendar = grid.calendar
        let today = grid.dayIndex(of: calendar.localDate(of: state.now))
        let nowMinutes = calendar.timeOfDay(of: state.now).minutes
        let columns = dayColumns(closed: grid.days.map(\.isClosed), width: rect.width - timeWidth)
        var xs: [Int] = []
        var x = rect.x + timeWidth
        for width in columns {
            xs.append(x)
            x += width
        }

        // One form of label for all the open days (the longest that fits them all), so the
        // header does not mix `lundi 21/12` and `mer. 23/12`.
        let form = dayLabelForms.first { form in
            grid.days.indices.allSatisfy { grid.days[$0].isClosed
                || DisplayWidth.of(dayLabel(grid.days[$0].date, form: form, language: state.language)) <= columns[$0] - 1 }
        } ?? dayLabelForms.count
        for (index, day) in grid.days.enumerated() {
            let role: StyleRole = index == today ? .agendaToday : (day.isClosed ? .dim : .heading)
            let label = day.isClosed ? dayLabel(day.date, columns: columns[index] - 1, language: state.language)
                                     : dayLabel(day.date, form: form, language: state.language)
            buffer.write(label, x: xs[index], y: rect.y, role: role, limit: columns[index] - 1)
        }

        let visible = max(0, rect.height - 2)
        let first = max(0, min(state.agenda.firstRow, grid.rows.count - visible))
        let cursor = agendaCursor(state)
        let selected = agendaSelection(state)
        // The appointment being moved is drawn where it would go, over the cursor's rows.
        let ghostRows: Range<Int> = {
            guard let moving = state.agenda.moving, let cursor else { return 0..<0 }
            return cursor.row..<(cursor.row + max(1, (moving.minutes + grid.slotMinutes - 1) / grid.slotMinutes))
        }()
        for row in first..<min(grid.rows.count, first + visible) {
            let y = rect.y + 1 + row - first
            let minute = grid.rows[row].minutes
            let isNow = today != nil && nowMinutes >= minute && nowMinutes < minute + grid.slotMinutes
            buffer.write(hhmm(minute), x: rect.x, y: y,
                         role: isNow ? .agendaNow : (minute % 60 == 0 ? .normal : .dim))
            if isNow { buffer.write("▸", x: rect.x + 5, y: y, role: .agendaNow) }
            for day in grid.days.indices {
                let width = columns[day] - 1
                var (text, role) = content(grid, day: day, row: row, top: first, width: width, state: state)
                if day == cursor?.day, let moving = state.agenda.moving, ghostRows.contains(row) {
                    (text, role) = (row == ghostRows.lowerBound ? "→ " + moving.contactName : "│", .agendaCursor)
                } else if day == cursor?.day, selected?.contains(row) == true {
                    role = .agendaCursor
                }
                buffer.fill(Rect(x: xs[day], y: y, width: width, height: 1), role: role)
                buffer.write(text, x: xs[day], y: y, role: role, limit: width)
            }
        }
        footer(state, grid, cursor, selected, into: &buffer, in: Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1))
    }

    /// What one cell shows: an appointment's name on its first row (and its type below when
    /// the column is wide), `·` for closed time, the absence's reason on its first row.
    static func content(_ grid: WeekGrid, day: Int, row: Int, top: Int, width: Int,
                        state: AppState) -> (String, StyleRole) {
        let isTop = row == top
        switch grid.cell(day: day, row: row) {
        case .free:
            // Time gone by is never offered: shown apart, like closed time.
            if isPast(grid, day: day, row: row, now: state.now) { return ("-", .agendaClosed) }
            return ("", .agendaFree)
        case .closed:
            let date = grid.days[day]
            guard date.isClosed else { return ("·", .agendaClosed) }
            // A whole closed day says why on its first two rows shown: `holiday`, `Noël`.
            if row == top { return (state.text(date.holiday == nil ? .agendaClosed : .agendaHoliday), .agendaClosed) }
            if row == top + 1, let holiday = date.holiday { return (DisplayWidth.prefix(holiday, columns: width, ellipsis: true), .agendaClosed) }
            return ("", .agendaClosed)
        case .absence(let reason):
            let startsHere = isTop || !isAbsence(grid.cell(day: day, row: row - 1))
            return (startsHere ? (reason.isEmpty ? state.text(.agendaAway) : reason) : "", .agendaAbsence)
        case .appointment(let booking):
            let role = StyleRole.appointment(booking.colour)
            let name = (booking.status == .noShow ? "✗ " : "") + booking.contactName
            if booking.isFirstRow || isTop {
                let withType = name + " · " + booking.typeName
                return (width >= 16 && DisplayWidth.of(withType) <= width ? withType : DisplayWidth.prefix(name, columns: width, ellipsis: true), role)
            }
            let above = grid.cell(day: day, row: row - 1).booking
            if width >= 14, above?.id == booking.id, above?.isFirstRow == true,
               DisplayWidth.of(name + " · " + booking.typeName) > width {
                return (DisplayWidth.prefix(booking.typeName, columns: width, ellipsis: true), role)
            }
            return ("│", role)
        }
    }

    /// True when the slot has begun: a day gone by, or today's slot starting before now.
    static func isPast(_ grid: WeekGrid, day: Int, row: Int, now: Date) -> Bool {
        let today = grid.calendar.localDate(of: now)
        let date = grid.days[day].date
        if date != today { return date < today }
        return grid.rows[row].minutes * 60 < grid.calendar.secondsSinceMidnight(of: now)
    }

    private static func isAbsence(_ cell: WeekGrid.Cell) -> Bool {
        if case .absence = cell { return true }
        return false
    }

    /// The last line: a message for the agenda, the move under way, or what the cursor is on.
    static func footer(_ state: AppState, _ grid: WeekGrid, _ cursor: WeekGrid.Position?, _ selected: ClosedRange<Int>?,
                       into buffer: inout ScreenBuffer, in rect: Rect) {
        var text: String
        // Normal attributes: when the footer changes with a cursor move, the frame ends
        // in them and curses sends no attribute reset.
        var role: StyleRole = .normal
        if state.focus == .agenda, let flash = state.flash {
            text = flash.text
            role = flash.isError ? .warning : .emphasis
        } else if let moving = state.agenda.moving {
            text = state.text(.agendaMoving) + "\(moving.contactName) (\(moving.minutes) min)" + state.text(.agendaMovingHint)
            role = .emphasis
        } else if let cursor, let selected {
            let day = grid.days[cursor.day]
            let date = dayLabel(day.date, columns: 10, language: state.language)
            // What is selected, with its times: the footer only changes when the cursor
            // moves to something else.
            var stretch: String {
                date + " " + hhmm(grid.rows[selected.lowerBound].minutes) + "-"
                    + hhmm(grid.rows[selected.upperBound].minutes + grid.slotMinutes) + " · "
            }
            switch grid.cell(cursor) {
            case .free where isPast(grid, day: cursor.day, row: cursor.row, now: state.now):
                text = date + " " + hhmm(grid.rows[cursor.row].minutes) + " · " + state.text(.agendaPast)
            case .free:
                text = date + " " + hhmm(grid.rows[cursor.row].minutes) + " · " + state.text(.agendaFree)
                if let index = agendaTypeIndex(state), let type = state.context?.types[index] {
                    text += " · " + state.text(.agendaTypeForF) + typeLabel(type)
                }
            case .closed:
                text = day.isClosed ? date + " · " + (day.holiday.map { "\(state.text(.agendaHoliday)) — \($0)" } ?? state.text(.agendaClosed))
                                    : stretch + state.text(.agendaClosed)
            case .absence(let reason):
                text = stretch + state.text(.agendaAway) + (reason.isEmpty ? "" : " — \(reason)")
            case .appointment(let booking):
                let minutes = Int(booking.end.timeIntervalSince(booking.start) / 60)
                let start = grid.calendar.timeOfDay(of: booking.start).minutes
                text = date + " " + hhmm(start) + "-" + hhmm(start + minutes)
                    + " · \(booking.contactName) · \(booking.typeName)"
                    + (booking.status == .noShow ? " · " + state.text(.statusNoShow) : "")
            }
        } else {
            return
        }
        buffer.write(text, x: rect.x, y: rect.y, role: role, limit: rect.width)
    }

    /// `09:45` for 585 minutes.
    static func hhmm(_ minutes: Int) -> String {
        TimeOfDay(clamping: minutes).description
    }

    /// The forms of a day's label, longest first: `Monday 23/11`, `Mon 23/11` (`lun. 23/11`,
    /// as `Language.shortDate`), `lun 23/11`, then `23/11` (the date matters more than the
    /// day's name, which the columns' order gives); narrower still, `23`.
    static let dayLabelForms = [0, 1, 2, 3]

    static func dayLabel(_ day: LocalDate, form: Int, language: Language) -> String {
        let date = Digits.two(day.day) + "/" + Digits.two(day.month)
        switch form {
        case 0: return language.weekdayName(day.weekday, short: false) + " " + date
        case 1: return language.shortDate(day)
        case 2: return language.weekdayName(day.weekday, short: true).replacingOccurrences(of: ".", with: "") + " " + date
        case 3: return date
        default: return "\(day.day)"
        }
    }

    /// The longest form of a day's label that fits `columns`.
    static func dayLabel(_ day: LocalDate, columns: Int, language: Language) -> String {
        for form in dayLabelForms {
            let label = dayLabel(day, form: form, language: language)
            if DisplayWidth.of(label) <= columns { return label }
        }
        return "\(day.day)"
    }

    /// Column widths (including one separating space): closed days narrow, open days share the rest.
    static func dayColumns(closed: [Bool], width: Int) -> [Int] {
        let openCount = closed.filter { !$0 }.count
        guard openCount > 0 else { return closed.map { _ in max(3, width / max(1, closed.count)) } }
        let room = width - closedWidth * (closed.count - openCount)
        let wide = max(4, room / openCount)
        // The columns left over go to the first open days, one each, so the grid fills the pane.
        var extra = max(0, room - wide * openCount)
        return closed.map { isClosed in
            if isClosed { return closedWidth }
            defer { extra -= 1 }
            return extra > 0 ? wide + 1 : wide
        }
    }
}
