import ConsoleUI
import Foundation
import SecretaryCore
import SecretaryStore

/// The wallboard's data source over the shared SQLite store.
public final class StoreWallboardData: WallboardData {
    public let store: Store
    /// The supervisor watching: resending is done in their name.
    public let login: String?

    public init(store: Store, login: String? = nil) {
        self.store = store
        self.login = login
    }

    public func now() -> Date { store.now }

    public func changeCounter() throws -> Int { try store.dataVersion() }

    public func figures(thresholdSeconds: Int) throws -> SupervisorFigures {
        try store.supervisorFigures(thresholdSeconds: thresholdSeconds)
    }

    public func board() throws -> [BoardEntry] { try store.board() }

    /// The supervisor watching resends; `login` is theirs.
    public func resend(message: Int64) throws {
        guard let login else { throw StoreError("resending needs the supervisor's login") }
        try store.resend(message: message, by: Identity(login))
    }
}
