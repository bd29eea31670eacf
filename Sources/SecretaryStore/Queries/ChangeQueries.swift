import GRDB

/// What a live screen (a console, the wallboard) compares on each wake to know whether
/// another terminal changed something it may show: the newest audit entry's id.
///
/// Every change goes through the audited write path, except a session's heartbeat: with 40
/// consoles open, each beating every 5 s, `PRAGMA data_version` alone moved 8 times a second
/// and every console reloaded its panes each time. The audit id is read only when
/// `data_version` moved (another connection committed), both with statements prepared once.
public final class ChangeMark {
    private let store: Store
    private var version: Int?
    private var mark = 0
    /// Whether the last look found another connection's commit (a heartbeat's too). A wake on
    /// a write to the log that found none came before the commit's end: look again shortly.
    public private(set) var sawCommit = false

    public init(store: Store) { self.store = store }

    /// The id of the newest audit entry, as of now.
    public func current() throws -> Int {
        try store.mapped {
            try store.pool.writeWithoutTransaction { db in
                // Per connection: it moves when another connection commits, and the writer is
                // always the same connection.
                let version = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
                sawCommit = version != self.version
                if sawCommit {
                    self.version = version
                    mark = try Int.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM audit")) ?? 0
                }
                return mark
            }
        }
    }
}
