import Foundation
import SecretaryCore

/// Each client's day, one row each, and the total: offered, answered, abandoned, closed,
/// waiting, service level, average wait and talk. Columns that do not fit are left out, the
/// least useful first, so that a client's name keeps room enough to be read.
enum WallboardClientsTable {
    struct Column {
        let title: Text
        /// Lower is kept first when the screen is narrow.
        let priority: Int
        /// A day's tally, and the call-backs waiting.
        let value: (CallTally, Int) -> (String, StyleRole)
    }

    static let minimumNameWidth = 16
    static let maximumNameWidth = 32

    static let columns: [Column] = [
        Column(title: .columnOffered, priority: 0) { tally, _ in count(tally.offered) },
        Column(title: .columnAnswered, priority: 1) { tally, _ in count(tally.answered) },
        Column(title: .columnAbandoned, priority: 2) { tally, _ in count(tally.abandoned, role: .waitWarn) },
        Column(title: .columnClosed, priority: 4) { tally, _ in count(tally.closed) },
        Column(title: .columnWaiting, priority: 7) { tally, _ in count(tally.waitingNow, role: .emphasis) },
        Column(title: .columnService, priority: 3) { tally, _ in serviceLevel(tally.serviceLevel) },
        Column(title: .columnAverageWait, priority: 5) { tally, _ in duration(tally.averageWaitSeconds) },
        Column(title: .columnAverageTalk, priority: 6) { tally, _ in duration(tally.averageTalkSeconds) },
        Column(title: .columnCallbacks, priority: 8) { _, callbacks in count(callbacks, role: .waitWarn) },
    ]

    /// `Clients today · service = answered within 20 s`
    static func title(_ state: WallboardState, _ figures: SupervisorFigures) -> String {
        "\(state.text(.wallboardClientsToday)) · \(state.text(.wallboardServiceWithin)) \(figures.thresholdSeconds) s"
    }

    /// The columns shown in `width`, in display order, each with its width; and the name's width.
    static func layout(width: Int, language: Language) -> (name: Int, columns: [(Column, Int)]) {
        var chosen: [Int] = []
        var used = 0
        for index in columns.indices.sorted(by: { columns[$0].priority < columns[$1].priority }) {
            let columnWidth = max(5, DisplayWidth.of(columns[index].title(language)))
            guard width - (used + columnWidth + 1) >= minimumNameWidth else { break }
            chosen.append(index)
            used += columnWidth + 1
        }
        let shown = chosen.sorted().map { (columns[$0], max(5, DisplayWidth.of(columns[$0].title(language)))) }
        return (min(maximumNameWidth, width - used), shown)
    }

    static func render(_ state: WallboardState, _ figures: SupervisorFigures, into buffer: inout ScreenBuffer, in rect: Rect) {
        guard rect.height >= 2 else { return }
        let (nameWidth, shown) = layout(width: rect.width, language: state.language)
        func row(_ y: Int, name: String, nameRole: StyleRole, cells: [(String, StyleRole)]) {
            var x = rect.x + buffer.write(DisplayWidth.fit(name, columns: nameWidth), x: rect.x, y: y, role: nameRole)
            for ((_, width), cell) in zip(shown, cells) {
                let text = String(repeating: " ", count: max(0, width - DisplayWidth.of(cell.0))) + cell.0
                x += buffer.write(" ", x: x, y: y)
                x += buffer.write(text, x: x, y: y, role: cell.1)
            }
        }
        row(rect.y, name: state.text(.columnClient), nameRole: .emphasis,
            cells: shown.map { ($0.0.title(state.language), .emphasis) })
        let rows = visibleClients(figures.clients, rows: rect.height - 2)
        var y = rect.y + 1
        for client in rows.clients {
            row(y, name: client.clientName, nameRole: .normal, cells: shown.map { $0.0.value(client.tally, client.callbacksWaiting) })
            y += 1
        }
        if rows.hidden > 0 {
            buffer.write("+\(rows.hidden) \(state.text(.wallboardMoreClients))", x: rect.x, y: y, role: .dim, limit: rect.width)
            y += 1
        }
        row(y, name: state.text(.wallboardAllClients), nameRole: .heading, cells: shown.map { $0.0.value(figures.total, figures.callbacksWaiting) })
    }

    /// The clients that fit in `rows` (in their usual order), busy ones first, and how many
    /// are left out (a last row says so).
    static func visibleClients(_ clients: [SupervisorFigures.ClientFigures], rows: Int)
        -> (clients: [SupervisorFigures.ClientFigures], hidden: Int) {
        guard clients.count > rows else { return (clients, 0) }
        let room = max(0, rows - 1)
        let busy = clients.indices.filter { clients[$0].tally.offered + clients[$0].tally.closed > 0 }
        let idle = clients.indices.filter { !busy.contains($0) }
        let kept = Set((busy + idle).prefix(room))
        return (clients.indices.filter(kept.contains).map { clients[$0] }, clients.count - kept.count)
    }

    static func count(_ value: Int, role: StyleRole = .normal) -> (String, StyleRole) {
        ("\(value)", value == 0 ? .dim : role)
    }

    static func duration(_ seconds: Int?) -> (String, StyleRole) {
        (seconds.map(Language.duration) ?? "-", seconds == nil ? .dim : .normal)
    }

    /// 80 % and more answered in time is good; under 60 % is bad.
    static func serviceLevel(_ share: Double?) -> (String, StyleRole) {
        guard let share else { return ("-", .dim) }
        let role: StyleRole = share >= 0.8 ? .waitOK : share >= 0.6 ? .waitWarn : .waitLate
        return ("\(Int((share * 100).rounded()))%", role)
    }
}
