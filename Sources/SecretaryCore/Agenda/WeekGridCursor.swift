import Foundation

// What the agenda's cursor selects in a week grid. The console moves the cursor (by slot
// and by day, loading other weeks); the grid says how far a selection reaches.

extension WeekGrid {
    /// The rows selected with `position`: the whole appointment, absence or closed
    /// stretch there, or the one free slot. The cursor moves between such selections, so
    /// nothing under it changes while it stays inside one.
    public func rowsSelected(at position: Position) -> ClosedRange<Int> {
        let here = cell(position)
        guard !here.isFree, rows.indices.contains(position.row) else { return position.row...position.row }
        func continues(_ row: Int) -> Bool {
            guard rows.indices.contains(row) else { return false }
            let other = cell(day: position.day, row: row)
            if let booking = here.booking { return other.booking?.id == booking.id }
            return other == here
        }
        var first = position.row
        var last = position.row
        while continues(first - 1) { first -= 1 }
        while continues(last + 1) { last += 1 }
        return first...last
    }
}
