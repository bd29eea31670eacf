import ConsoleUI
import Foundation
import SecretaryCore
import SecretaryStore

/// The wallboard's data source over the shared SQLite store.
public final class StoreWallboardData: WallboardData {
    public let store: Store
    /// The supervisor signed in: resending is done in their name.
    public var identity: Identity?

    public init(store: Store) { self.store = store }

    public func now() -> Date { store.now }

    public func changeCounter() throws -> Int { try store.dataVersion() }

    public func figures(thresholdSeconds: Int) throws -> SupervisorFigures {
        try store.supervisorFigures(thresholdSeconds: thresholdSeconds)
    }

    public func board() throws -> [BoardEntry] { try store.board() }

    public func resend(message: Int64) throws {
        guard let identity else { throw StoreError("resending needs the supervisor signed in") }
        try store.resend(message: message, by: identity)
    }
}
