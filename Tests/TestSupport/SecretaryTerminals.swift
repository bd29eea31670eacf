import Foundation

/// The real binary's screens as the end-to-end tests open them: at a fixed clock (Monday 23
/// November 2026, 10:00 in Paris: lines open, the demo's queue waiting), in UTF-8.
extension Tmux {
    public static let clock = "2026-11-23T10:00"

    /// `secretary ARGUMENTS --db DB --clock-start clock` in a terminal of its own.
    public static func secretary(_ arguments: String, db: String, width: Int = 120, height: Int = 40,
                                 environment: [String: String] = [:]) throws -> Tmux {
        try Tmux("\(Binaries.secretary) \(arguments) --db \(db) --clock-start \(clock)", width: width, height: height,
                 environment: ["LANG": "C.UTF-8"].merging(environment) { $1 })
    }

    /// `secretary demo` on a fresh database of its own, without simulated traffic: the tests
    /// expect the demo's first queue.
    public static func demo(width: Int = 120, height: Int = 40, extra: String = "",
                            environment: [String: String] = [:]) throws -> Tmux {
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        return try secretary("demo --no-simulate \(extra)", db: db, width: width, height: height, environment: environment)
    }
}
