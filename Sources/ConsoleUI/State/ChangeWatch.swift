import Foundation

/// What every live screen (the console, the wallboard) checks on each loop turn: the time in
/// whole seconds (the screen shows seconds, so the state changes at most once a second when
/// nothing else happens), and whether another terminal wrote since the last look.
struct ChangeWatch {
    private var lastCounter: Int?

    /// Remembers the counter as it is now, so the first poll reloads nothing.
    mutating func start(_ counter: Int?) { lastCounter = counter }

    /// True when `counter` moved since the last look (an unreadable counter changes nothing).
    mutating func changed(_ counter: Int?) -> Bool {
        guard let counter, counter != lastCounter else { return false }
        lastCounter = counter
        return true
    }

    static func wholeSecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
