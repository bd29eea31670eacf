import Foundation
import SecretaryCore

/// Draws the supervisor's wallboard for `state` into a new buffer.
public func renderWallboard(_ state: WallboardState) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: state.width, height: state.height)
    WallboardView.render(state, into: &buffer)
    return buffer
}

/// The wallboard, top to bottom: a status line, the queue now, each client's day, each
/// operator's state, the key hints. The client table gets the room it needs first; the
/// operators fill the rest (at least half the room when both do not fit).
enum WallboardView {
    static let minimumWidth = 60
    static let minimumHeight = 15

    static func render(_ state: WallboardState, into buffer: inout ScreenBuffer) {
        guard state.width >= minimumWidth, state.height >= minimumHeight else {
            TooSmall.render(state.text(.tooSmall), width: state.width, height: state.height,
                            minimumWidth: minimumWidth, minimumHeight: minimumHeight, into: &buffer)
            return
        }
        statusLine(state, into: &buffer)
        hintLine(state, into: &buffer)
        if state.mode == .reports {
            ReportsView.render(state, into: &buffer)
            if state.showsHelp { help(state, into: &buffer) }
            return
        }
        let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 2)
        guard let figures = state.figures else {
            buffer.write(state.text(.wallboardLoading), x: 1, y: body.y + 1, role: .dim, limit: body.width - 2)
            return
        }
        let queueLines = WallboardQueueLine.lineCount(state, figures, width: body.width - 2)
        let queue = Rect(x: 0, y: body.y, width: body.width, height: 2 + queueLines)
        buffer.box(queue, title: state.text(.paneQueue), focused: false)
        WallboardQueueLine.render(state, figures, into: &buffer, in: queue.inset(by: 1))

        // Each table is a box (2 rows) with a header row.
        let room = body.maxY - queue.maxY - 6
        let clientRows = figures.clients.count + 1
        let operatorRows = max(1, figures.operators.count)
        let clientsShown = clientRows + operatorRows <= room ? clientRows
            : max(2, room - min(operatorRows, max(1, room / 2)))
        let clients = Rect(x: 0, y: queue.maxY, width: body.width, height: clientsShown + 3)
        let operators = Rect(x: 0, y: clients.maxY, width: body.width, height: body.maxY - clients.maxY)
        buffer.box(clients, title: WallboardClientsTable.title(state, figures), focused: false)
        WallboardClientsTable.render(state, figures, into: &buffer, in: clients.inset(by: 1))
        buffer.box(operators, title: state.text(.wallboardOperators), focused: false)
        WallboardOperatorsTable.render(state, figures, into: &buffer, in: operators.inset(by: 1))

        if state.boardSelection != nil { WallboardBoard.render(state, into: &buffer) }
        if state.showsHelp { help(state, into: &buffer) }
    }

    static func statusLine(_ state: WallboardState, into buffer: inout ScreenBuffer) {
        let screen = state.mode == .reports ? " · " + state.text(.reportsTitle) : ""
        let text = " \(state.user.displayName) · \(state.text(.wallboardTitle))\(screen) · "
            + state.language.dateAndClock(state.now, in: SupervisorFigures.serviceCalendar)
            + (state.board.isEmpty ? "" : " · " + state.text(.wallboardBoard) + "\(state.board.count)")
        StatusLine.draw(text, flash: state.flash, into: &buffer, in: Rect(x: 0, y: 0, width: state.width, height: 1))
    }

    static func hintLine(_ state: WallboardState, into buffer: inout ScreenBuffer) {
        HintLine.draw(HintLine.hints(bindings(state), language: state.language), into: &buffer,
                      in: Rect(x: 0, y: state.height - 1, width: state.width, height: 1))
    }

    /// The screen's keys: the reports' own before the wallboard's.
    static func bindings(_ state: WallboardState) -> [Binding] {
        (state.mode == .reports ? Keymap.bindings(for: .reports) : []) + Keymap.bindings(for: .wallboard)
    }

    /// The keys (from the keymap) and what each column means.
    static func help(_ state: WallboardState, into buffer: inout ScreenBuffer) {
        var lines: [(String, StyleRole)] = [(state.text(.wallboardTitle), .heading)]
        for binding in bindings(state) {
            let keys = binding.keys.map { $0.label(state.language) }.joined(separator: " ")
            lines.append(("  " + DisplayWidth.fit(keys, columns: 12, ellipsis: false) + " " + state.text(binding.label), .normal))
        }
        lines.append(("", .normal))
        for legend: Text in [.wallboardLegendOffered, .wallboardLegendClosed, .wallboardLegendAbandoned,
                             .wallboardLegendService, .wallboardLegendAverages] {
            lines.append((state.text(legend), .normal))
        }
        lines.append(("", .normal))
        lines.append((state.text(.helpClose), .dim))
        let width = min(state.width - 2, 76), height = min(state.height - 2, lines.count + 2)
        let rect = Rect(x: (state.width - width) / 2, y: (state.height - height) / 2, width: width, height: height)
        buffer.fill(rect)
        buffer.box(rect, title: state.text(.helpTitle), focused: true)
        for (index, line) in lines.prefix(rect.height - 2).enumerated() {
            buffer.write(line.0, x: rect.x + 2, y: rect.y + 1 + index, role: line.1, limit: rect.width - 4)
        }
    }
}

/// The queue now: how many wait, the longest wait (coloured as in the operators' queue),
/// and how many operators are in each state; on two lines when one is too narrow.
enum WallboardQueueLine {
    typealias Run = (text: String, role: StyleRole)

    static func parts(_ state: WallboardState, _ figures: SupervisorFigures) -> (queue: [Run], operators: [Run]) {
        let longest = state.longestWaitNow
        let queue: [Run] = [
            (state.text(.wallboardWaitingNow), .normal),
            ("\(figures.waitingNow)", longest.map(QueuePane.waitRole) ?? .waitOK),
            ("   " + state.text(.wallboardLongestWait), .normal),
            (longest.map(Language.duration) ?? "—", longest.map(QueuePane.waitRole) ?? .dim),
            ("   " + state.text(.wallboardCallbacksWaiting), .normal),
            ("\(figures.callbacksWaiting)", figures.callbacksWaiting == 0 ? .dim : .waitWarn),
        ]
        var operators: [Run] = [(state.text(.wallboardOperatorsNow), .normal)]
        let counts = Dictionary(grouping: figures.operators, by: \.state).mapValues(\.count)
        for presence in [Presence.available, .onCall, .wrapUp, .paused] {
            let count = counts[presence] ?? 0
            if count == 0 && presence != .available { continue }
            if operators.count > 1 { operators.append((" · ", .normal)) }
            operators.append((state.text(Text(presence)) + " ", .normal))
            operators.append(("\(count)", WallboardOperatorsTable.role(presence)))
        }
        return (queue, operators)
    }

    /// One line when both parts fit side by side in `width`, else two.
    static func lineCount(_ state: WallboardState, _ figures: SupervisorFigures, width: Int) -> Int {
        let (queue, operators) = parts(state, figures)
        return 1 + columns(of: queue) + 3 + columns(of: operators) <= width ? 1 : 2
    }

    static func render(_ state: WallboardState, _ figures: SupervisorFigures, into buffer: inout ScreenBuffer, in rect: Rect) {
        let (queue, operators) = parts(state, figures)
        var x = rect.x + 1, y = rect.y
        for run in queue { x += buffer.write(run.text, x: x, y: y, role: run.role, limit: max(0, rect.maxX - x)) }
        if rect.height > 1 {
            x = rect.x + 1
            y += 1
        } else {
            x += 3
        }
        for run in operators { x += buffer.write(run.text, x: x, y: y, role: run.role, limit: max(0, rect.maxX - x)) }
    }

    private static func columns(of runs: [Run]) -> Int { runs.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
