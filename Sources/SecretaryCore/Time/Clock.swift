import Foundation

/// Where "now" comes from. The console, the rules and the command line ask a `Clock`,
/// never `Date()`, so tests, training sessions and demos can run at a chosen instant.
public protocol Clock: Sendable {
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that reads `start` when created and then runs forward in real time: what
/// `--clock-start` gives, so a demo on a Sunday evening can live on a Tuesday morning.
public struct StartedClock: Clock {
    public let start: Date
    private let realStart: Date
    private let reference: any Clock

    public init(start: Date, reference: any Clock = SystemClock()) {
        self.start = start
        self.reference = reference
        realStart = reference.now()
    }

    public func now() -> Date { start.addingTimeInterval(reference.now().timeIntervalSince(realStart)) }
}

/// A clock that moves only when told to, for tests.
public final class ManualClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }

    public func set(_ date: Date) { lock.withLock { current = date } }

    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// The system's clock moved by a fixed offset: the demo's clock shared by every process on
/// one database, so that they all show the same waits.
public struct OffsetClock: Clock {
    public let offset: TimeInterval
    public init(offset: TimeInterval) { self.offset = offset }
    public func now() -> Date { Date().addingTimeInterval(offset) }
}
