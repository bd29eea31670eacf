import Foundation
import SecretaryCore

/// The reports screen's keys: change the span, step through periods and clients. Each
/// change asks for the report again.
func handleReportsKey(_ state: inout WallboardState, _ action: Action) -> [WallboardEffect] {
    var request = state.reports.request
    switch action {
    case .previousPeriod: request = request.moved(by: -1)
    case .nextPeriod: request = request.moved(by: 1)
    case .spanDay: request.span = .day
    case .spanWeek: request.span = .week
    case .spanMonth: request.span = .month
    case .today: request.anchor = SupervisorFigures.serviceCalendar.localDate(of: state.now)
    case .nextClient, .previousClient:
        let ids: [ClientID?] = [nil] + (state.reports.data?.clients.map(\.id) ?? [])
        let index = ids.firstIndex(of: request.client) ?? 0
        request.client = ids[(index + (action == .nextClient ? 1 : ids.count - 1)) % ids.count]
    default:
        return []
    }
    guard request != state.reports.request else { return [] }
    state.reports.request = request
    return [.loadReport(request)]
}

extension Keymap {
    /// The action of `key` on the reports screen: its own bindings, then the wallboard's.
    public static func reportsAction(for key: Key) -> Action? {
        bindings(for: .reports).first { $0.keys.contains(key) }?.action ?? wallboardAction(for: key)
    }
}
