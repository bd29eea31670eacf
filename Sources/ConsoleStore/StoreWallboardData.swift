import ConsoleUI
import Foundation
import SecretaryCore
import SecretaryStore

/// The wallboard's data source over the shared SQLite store.
public final class StoreWallboardData: WallboardData {
    public let store: Store
    /// The supervisor signed in: resending is done in their name.
    public var identity: Identity?

    /// What tells another terminal's change (the screen loop asks it whether a commit was seen).
    public let changes: ChangeMark

    public init(store: Store) {
        self.store = store
        changes = ChangeMark(store: store)
    }

    public func now() -> Date { store.now }

    /// Moves when another terminal changed something (a heartbeat does not count).
    public func changeCounter() throws -> Int { try changes.current() }

    public func figures(thresholdSeconds: Int) throws -> SupervisorFigures {
        try store.supervisorFigures(thresholdSeconds: thresholdSeconds)
    }

    public func board() throws -> [BoardEntry] {
        guard let identity else { throw StoreError("the board needs the supervisor signed in") }
        return try store.board(by: identity)
    }

    public func resend(message: Int64) throws {
        guard let identity else { throw StoreError("resending needs the supervisor signed in") }
        try store.resend(message: message, by: identity)
    }

    public func reports(_ request: ReportsRequest, thresholdSeconds: Int) throws -> ReportsData {
        let (from, to) = request.days
        let report = try store.callReport(from: from, to: to, by: request.span.granularity, client: request.client,
                                          thresholdSeconds: thresholdSeconds)
        let usage = try store.monthlyUsage(month: request.month, client: request.client, rules: UsageRules())
        let clients = try store.clients().map { ReportsData.ClientChoice(id: $0.id, name: $0.name) }
        return ReportsData(request: request, report: report, usage: usage, clients: clients)
    }
}
