import Foundation

/// Remembers the results of a pure function for values read over and over: a client's
/// hours are parsed on every week load, a year's holidays asked for every day drawn.
/// Thread-safe; errors are not remembered; emptied when full, so it cannot grow unbounded.
public final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()
    private let limit: Int

    public init(limit: Int = 1024) { self.limit = limit }

    public func value(for key: Key, computing compute: (Key) throws -> Value) rethrows -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let value = try compute(key)
        lock.withLock {
            if values.count >= limit { values.removeAll(keepingCapacity: true) }
            values[key] = value
        }
        return value
    }
}
