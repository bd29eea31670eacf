import Foundation
import GRDB
import SecretaryCore

/// What kind of database this is: the training clock runs only on demo and generated ones.
public enum DatabaseKind: String, Sendable {
    case production, demo, generated
}

/// Settings kept in the database rather than in a process's environment, so that nobody can
/// loosen the lock on accounts by starting a command differently.
public enum SettingKey: String, CaseIterable, Sendable {
    case databaseKind = "database-kind"
    /// The demo's shared clock: seconds the training time is ahead of the system's.
    case trainingOffset = "training-offset"
    case lockAfterFailures = "lock-after-failures"
    case lockSeconds = "lock-seconds"
    case idleLockSeconds = "idle-lock-seconds"

    /// Which keys an administrator sets with `secretary settings`, and their bounds.
    public var adjustableRange: ClosedRange<Int>? {
        switch self {
        case .lockAfterFailures: return 3...20
        case .lockSeconds: return 1...86_400
        case .idleLockSeconds: return 0...86_400
        case .databaseKind, .trainingOffset: return nil
        }
    }

    public var defaultValue: Int {
        switch self {
        case .lockAfterFailures: return 5
        case .lockSeconds: return 15 * 60
        case .idleLockSeconds: return 15 * 60
        case .databaseKind, .trainingOffset: return 0
        }
    }
}

extension Store {
    public func setting(_ key: SettingKey) throws -> String? {
        try read { try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key.rawValue]) }
    }

    /// A numeric setting, or its default when unset or unreadable.
    public func number(_ key: SettingKey) throws -> Int {
        try setting(key).flatMap { Int($0) } ?? key.defaultValue
    }

    /// An administrator changes a setting (`secretary settings KEY VALUE`).
    public func set(_ key: SettingKey, to value: Int, by identity: Identity) throws {
        guard let range = key.adjustableRange else { throw StoreError("the setting \(key.rawValue) is not adjustable") }
        guard range.contains(value) else {
            throw StoreError("\(key.rawValue) must be between \(range.lowerBound) and \(range.upperBound)")
        }
        try write(by: identity, needs: .administer) { db, trail in
            try Store.saveSetting(key, "\(value)", in: db)
            trail.record("setting", "setting", key.rawValue, "\(value)")
        }
    }

    static func saveSetting(_ key: SettingKey, _ value: String, in db: Database) throws {
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       arguments: [key.rawValue, value])
    }

    public func databaseKind() throws -> DatabaseKind {
        try setting(.databaseKind).flatMap(DatabaseKind.init(rawValue:)) ?? .production
    }

    /// Marks a new database as demo or generated data (`init --demo`, `demo`, `generate`).
    public func markKind(_ kind: DatabaseKind) throws {
        try write(by: .system, needs: nil) { db, trail in
            try Store.saveSetting(.databaseKind, kind.rawValue, in: db)
            trail.record("mark", "database", kind.rawValue)
        }
    }

    /// Starts the training clock: only on a demo or generated database, since on real data
    /// a forged "now" would date real records (and their audit) wrongly.
    public func useTrainingClock(_ training: any Clock) throws {
        let kind = try databaseKind()
        // A new, empty file is about to be filled by `init --demo`, `demo` or `generate`.
        let empty = try read {
            try Bool.fetchOne($0, sql: "SELECT NOT EXISTS (SELECT 1 FROM operator) AND NOT EXISTS (SELECT 1 FROM client)")
        } ?? false
        guard kind != .production || empty else {
            throw StoreError("--clock-start is for training and demos: \(path) is not a demo or generated database")
        }
        clock = training
        isTraining = true
    }

    /// The demo's clock, shared by every process on the database: recorded by `demo` and
    /// `init --demo`, so a second console and the wallboard show the same waits.
    public func shareTrainingClock() throws {
        let offset = Int((clock.now().timeIntervalSince(Date())).rounded())
        try write(by: .system, needs: nil) { db, trail in
            try Store.saveSetting(.trainingOffset, "\(offset)", in: db)
            trail.record("training-clock", "database", "offset", "\(offset) s")
        }
    }

    /// Uses the demo's shared clock when one is recorded (a demo database opened without
    /// `--clock-start`).
    public func useSharedTrainingClock() throws {
        guard try databaseKind() == .demo, let offset = try setting(.trainingOffset).flatMap({ Int($0) }) else { return }
        clock = OffsetClock(offset: TimeInterval(offset))
        isTraining = true
    }
}
