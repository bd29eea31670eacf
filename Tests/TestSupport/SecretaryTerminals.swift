import Foundation

/// The real binary's screens as the end-to-end tests open them: at a fixed clock (Monday 23
/// November 2026, 10:00 in Paris: lines open, the demo's queue waiting), in UTF-8.
extension Tmux {
    public static let clock = "2026-11-23T10:00"

    /// `secretary ARGUMENTS --db DB --clock-start clock` in a terminal of its own. A console
    /// or a live wallboard opens on its sign-in screen: `signIn` types the demo password
    /// there (the login comes from the arguments' `--operator`), as a person would.
    public static func secretary(_ arguments: String, db: String, width: Int = 120, height: Int = 40,
                                 environment: [String: String] = [:], signIn: Bool = true) throws -> Tmux {
        let terminal = try Tmux("\(Binaries.secretary) \(arguments) --db \(db) --clock-start \(clock)", width: width,
                                height: height, environment: ["LANG": "C.UTF-8"].merging(environment) { $1 })
        let words = arguments.split(separator: " ")
        let asks = ["console", "supervisor"].contains(words.first.map(String.init) ?? "")
            && !words.contains("--once") && !words.contains("--json")
        if signIn && asks { try terminal.signIn() }
        return terminal
    }

    /// Types the password at the sign-in screen and waits for it to go.
    public func signIn(password: String = Binaries.demoPassword) throws {
        let form = try waitFor(timeout: 15) { $0.contains("Password:") || $0.contains("Mot de passe:") }
        guard form.contains("Password:") || form.contains("Mot de passe:") else { return }
        try type(password)
        try send("Enter")
        try waitFor(timeout: 15) { !$0.contains("Password:") && !$0.contains("Mot de passe:") }
    }

    /// `secretary demo` on a fresh database of its own, without simulated traffic: the tests
    /// expect the demo's first queue.
    public static func demo(width: Int = 120, height: Int = 40, extra: String = "",
                            environment: [String: String] = [:]) throws -> Tmux {
        let db = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        return try secretary("demo --no-simulate \(extra)", db: db, width: width, height: height, environment: environment)
    }
}
