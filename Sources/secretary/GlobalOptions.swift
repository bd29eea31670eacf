import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// Options every subcommand takes: where the database is, and when "now" is.
struct GlobalOptions: ParsableArguments {
    /// The option names `Secretary.main` accepts before the subcommand.
    static let names = ["--db", "--clock-start"]

    @Option(name: .long, help: ArgumentHelp(
        "The database file (env SECRETARY_DB; default $XDG_DATA_HOME/secretary/secretary.sqlite).",
        valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(
        "Start the clock at this Europe/Paris local time and run it forward (env SECRETARY_CLOCK_START).",
        valueName: "YYYY-MM-DDTHH:MM"))
    var clockStart: String?

    /// The database path: `--db`, then `SECRETARY_DB`, then the XDG data folder.
    var databasePath: String {
        if let db { return db }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["SECRETARY_DB"], !path.isEmpty { return path }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (data as NSString).appendingPathComponent("secretary/secretary.sqlite")
    }

    /// True when the user named a database, on the command line or in the environment.
    var databaseGiven: Bool {
        db != nil || !(ProcessInfo.processInfo.environment["SECRETARY_DB"] ?? "").isEmpty
    }

    /// The local time the clock was asked to start at, if any.
    var clockStartText: String? {
        clockStart ?? ProcessInfo.processInfo.environment["SECRETARY_CLOCK_START"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Where "now" comes from: `--clock-start` read in the service's home zone (Europe/Paris).
    func makeClock() throws -> any SecretaryCore.Clock {
        guard let text = clockStartText else { return SystemClock() }
        let local = try LocalDateTime(parsing: text)
        return StartedClock(start: try LocalCalendar(identifier: "Europe/Paris").instant(local))
    }

    /// Opens the database for a command: `.readOnly` for one that only reads (one
    /// read-only connection, never waiting behind a writer, the file left as it was),
    /// `.readWrite` for one that writes (waiting at most `Store.writeWait` for another
    /// writer), `.create` for init, demo and generate. Warnings (loose permissions) go to stderr.
    func openStore(_ mode: OpenMode = .readWrite, busyTimeout: TimeInterval = Store.writeWait) throws -> Store {
        let store = try Store(path: databasePath, clock: makeClock(), mode: mode, busyTimeout: busyTimeout)
        for warning in store.warnings { printError(warning) }
        return store
    }
}
