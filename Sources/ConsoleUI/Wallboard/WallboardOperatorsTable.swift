import Foundation
import SecretaryCore

/// Each operator: what they are doing (with which client), since when and for how long,
/// and how many calls they answered today.
enum WallboardOperatorsTable {
    static let sinceWidth = 15

    static func role(_ presence: Presence) -> StyleRole {
        switch presence {
        case .available: .success
        case .onCall: .emphasis
        case .wrapUp, .paused: .waitWarn
        case .offline: .dim
        }
    }

    /// `on a call — Cabinet du Dr Martin · since 09:58 from 10.0.0.7`; a person shown at work
    /// with no console open is flagged (their terminal died), so the supervisor follows it up.
    static func stateText(_ person: SupervisorFigures.OperatorFigures, tracksSessions: Bool, language: Language) -> String {
        var text = Text(person.state)(language)
        if [.onCall, .wrapUp].contains(person.state), let client = person.clientName { text += " — \(client)" }
        if let session = person.session {
            let since = SupervisorFigures.serviceCalendar.timeOfDay(of: session.since).description
            text += language == .fr ? " · connecté \(since) depuis \(session.place)" : " · signed in \(since) from \(session.place)"
        } else if tracksSessions && person.state != .offline {
            text += language == .fr ? " · aucune console" : " · no console open"
        }
        return text
    }

    /// `09:58 (02:02)`: since when, and for how long; nothing for someone offline.
    static func sinceText(_ person: SupervisorFigures.OperatorFigures, now: Date) -> String {
        guard person.state != .offline, let since = person.since else { return "" }
        let time = SupervisorFigures.serviceCalendar.timeOfDay(of: since).description
        return "\(time) (\(Language.duration(Int(now.timeIntervalSince(since)))))"
    }

    static func render(_ state: WallboardState, _ figures: SupervisorFigures, into buffer: inout ScreenBuffer, in rect: Rect) {
        guard rect.height >= 1 else { return }
        let handledTitle = state.text(.columnHandled)
        let handledWidth = DisplayWidth.of(handledTitle)
        let nameWidth = min(22, max(10, rect.width / 5))
        // Wider when it also says where each person signed in from.
        let stateWidth = min(figures.tracksSessions ? 80 : 48, max(8, rect.width - nameWidth - sinceWidth - handledWidth - 3))
        func row(_ y: Int, _ cells: [(String, StyleRole)]) {
            let widths = [nameWidth, stateWidth, sinceWidth]
            var x = rect.x
            for (cell, width) in zip(cells, widths) {
                buffer.write(DisplayWidth.fit(cell.0, columns: width), x: x, y: y, role: cell.1)
                x += width + 1
            }
            let count = cells[3].0
            buffer.write(String(repeating: " ", count: max(0, handledWidth - DisplayWidth.of(count))) + count,
                         x: x, y: y, role: cells[3].1, limit: max(0, rect.maxX - x))
        }
        row(rect.y, [(state.text(.columnOperator), .emphasis), (state.text(.columnState), .emphasis),
                     (state.text(.columnSince), .emphasis), (handledTitle, .emphasis)])
        guard !figures.operators.isEmpty else {
            buffer.write(state.text(.wallboardNoOperator), x: rect.x, y: rect.y + 1, role: .dim, limit: rect.width)
            return
        }
        let room = rect.height - 1
        let shown = visibleOperators(figures.operators, rows: room)
        var y = rect.y + 1
        for person in shown {
            row(y, [(person.name, .normal), (stateText(person, tracksSessions: figures.tracksSessions, language: state.language), role(person.state)),
                    (sinceText(person, now: state.now), .normal),
                    ("\(person.handled)", person.handled == 0 ? .dim : .normal)])
            y += 1
        }
        if shown.count < figures.operators.count {
            buffer.write("+\(figures.operators.count - shown.count) \(state.text(.wallboardMoreOperators))",
                         x: rect.x, y: y, role: .dim, limit: rect.width)
        }
    }

    /// The operators that fit in `rows` (in their usual order), those at work before those
    /// offline; a last row says how many are left out.
    static func visibleOperators(_ people: [SupervisorFigures.OperatorFigures], rows: Int) -> [SupervisorFigures.OperatorFigures] {
        guard people.count > rows else { return people }
        let present = people.indices.filter { people[$0].state != .offline }
        let offline = people.indices.filter { people[$0].state == .offline }
        let kept = Set((present + offline).prefix(max(0, rows - 1)))
        return people.indices.filter(kept.contains).map { people[$0] }
    }
}
