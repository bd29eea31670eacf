import ConsoleUI
import Foundation
import SecretaryCore
import SecretaryStore

/// The wallboard's data source over the shared SQLite store.
public final class StoreWallboardData: WallboardData {
    public let store: Store

    public init(store: Store) { self.store = store }

    public func now() -> Date { store.now }

    public func changeCounter() throws -> Int { try store.dataVersion() }

    public func figures(thresholdSeconds: Int) throws -> SupervisorFigures {
        try store.supervisorFigures(thresholdSeconds: thresholdSeconds)
    }
}
