import ConsoleUI
import Foundation
import SecretaryCore
import SecretaryStore

/// The wallboard's data source over the shared SQLite store.
final class StoreWallboardData: WallboardData {
    let store: Store

    init(store: Store) { self.store = store }

    func now() -> Date { store.now }

    func changeCounter() throws -> Int { try store.dataVersion() }

    func figures(thresholdSeconds: Int) throws -> SupervisorFigures {
        try store.supervisorFigures(thresholdSeconds: thresholdSeconds)
    }
}
