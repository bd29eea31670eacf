import Foundation

// Cursor moves over a week grid: arrows and hjkl move by slot and by day. The cursor
// stops at the grid's edges; changing week is the console's business (it loads another
// grid and keeps the row).

extension WeekGrid {
    /// `position` moved by `days` columns and `rows` rows, kept inside the grid.
    public func moving(_ position: Position, days dayDelta: Int = 0, rows rowDelta: Int = 0) -> Position {
        guard !days.isEmpty, !rows.isEmpty else { return position }
        return Position(day: min(max(position.day + dayDelta, 0), days.count - 1),
                        row: min(max(position.row + rowDelta, 0), rows.count - 1))
    }

    /// Where the cursor starts: the cell holding `now` when it is in this week, else the
    /// first open cell of the week, else the top-left corner.
    public func initialPosition(now: Date) -> Position {
        if let here = position(of: now) { return here }
        for day in days.indices {
            for row in rows.indices where cell(day: day, row: row) != .closed {
                return Position(day: day, row: row)
            }
        }
        return Position(day: 0, row: 0)
    }

    /// The first row of the appointment under `position` (where `m` and `Enter` act), or
    /// `position` itself when it holds no appointment.
    public func appointmentStart(at position: Position) -> Position {
        guard let booking = cell(position).booking else { return position }
        var row = position.row
        while row > 0, cell(day: position.day, row: row - 1).booking?.id == booking.id { row -= 1 }
        return Position(day: position.day, row: row)
    }

    /// The next free cell after `position`, in reading order of time (down the day, then
    /// the next day), for quick hops; nil when the rest of the week is full or closed.
    public func nextFree(after position: Position) -> Position? {
        var day = position.day, row = position.row + 1
        while day < days.count {
            while row < rows.count {
                if cell(day: day, row: row).isFree { return Position(day: day, row: row) }
                row += 1
            }
            day += 1
            row = 0
        }
        return nil
    }
}
