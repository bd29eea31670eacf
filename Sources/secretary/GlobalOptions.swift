import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// Options every subcommand takes: where the database is, who acts, and when "now" is.
/// Parsed by swift-argument-parser; `QuickStart` reads the same three for its commands.
struct GlobalOptions: ParsableArguments, CommandEnvironment {
    /// The option names `Secretary.main` accepts before the subcommand.
    static let names = ["--db", "--clock-start", "--operator"]

    @Option(name: .long, help: ArgumentHelp(
        "The database file (env SECRETARY_DB; default $XDG_DATA_HOME/secretary/secretary.sqlite).",
        valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(
        "Start the clock at this Europe/Paris local time and run it forward (env SECRETARY_CLOCK_START).",
        valueName: "YYYY-MM-DDTHH:MM"))
    var clockStart: String?

    @Option(name: .long, help: ArgumentHelp(
        "Who runs the command (env SECRETARY_OPERATOR); the password is asked on the terminal, or read from SECRETARY_PASSWORD_FILE (mode 0600).",
        valueName: "login"))
    var `operator`: String?
}

/// A one-shot command's read-only connection stays open until the process exits: closing it
/// frees nothing the exit does not, and GRDB's close starts a dispatch thread (issue 20).
/// (A writer is closed as before: as the last connection it checkpoints the log.)
private var readersOpenUntilExit: [Store] = []

/// What the global options decide, whoever read them from the command line.
protocol CommandEnvironment {
    var db: String? { get }
    var clockStart: String? { get }
    var `operator`: String? { get }
}

/// The global options as `QuickStart` scans them.
struct ScannedGlobalOptions: CommandEnvironment {
    var db: String?
    var clockStart: String?
    var `operator`: String?
}

extension CommandEnvironment {
    /// The database path: `--db`, then `SECRETARY_DB`, then the XDG data folder.
    var databasePath: String {
        if let db { return db }
        if let path = environmentValue("SECRETARY_DB") { return path }
        let data = environmentValue("XDG_DATA_HOME")
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (data as NSString).appendingPathComponent("secretary/secretary.sqlite")
    }

    /// True when the user named a database, on the command line or in the environment.
    var databaseGiven: Bool {
        db != nil || environmentValue("SECRETARY_DB") != nil
    }

    /// The local time the clock was asked to start at, if any.
    var clockStartText: String? {
        clockStart ?? environmentValue("SECRETARY_CLOCK_START")
    }

    /// The training clock asked for with `--clock-start`, read in the service's home zone.
    func trainingClock() throws -> (any SecretaryCore.Clock)? {
        guard let text = clockStartText else { return nil }
        let local = try LocalDateTime(parsing: text)
        return StartedClock(start: try LocalCalendar(identifier: "Europe/Paris").instant(local))
    }

    /// Opens the database for a command, with its clock (`--clock-start` on demo and
    /// generated databases only, or the demo's shared clock, or the system's; `applyClock:
    /// false` for the commands that first mark a new database as demo or generated data).
    /// `.readOnly` for a command that only reads (one read-only connection, never waiting
    /// behind a writer, the file left as it was), `.readWrite` for one that writes (waiting
    /// at most `Store.writeWait` for another writer), `.create` for init, demo and generate.
    /// Warnings (loose permissions) go to stderr. `oneShot`: a command that runs and exits
    /// opens one connection; the console, the wallboard and the workers keep a pool.
    func openStore(_ mode: OpenMode = .readWrite, busyTimeout: TimeInterval = Store.writeWait,
                   applyClock: Bool = true, oneShot: Bool = false) throws -> Store {
        let store = try Store(path: databasePath, mode: mode, busyTimeout: busyTimeout, oneShot: oneShot)
        if oneShot, mode == .readOnly { readersOpenUntilExit.append(store) }
        for warning in store.warnings { printError(warning) }
        if applyClock { try self.applyClock(to: store) }
        return store
    }

    func applyClock(to store: Store) throws {
        if let training = try trainingClock() {
            try store.useTrainingClock(training)
        } else {
            try store.useSharedTrainingClock()
        }
    }

    /// The database and the person running `command`, signed in with their password.
    /// `.readOnly` for a command that only reads: a successful sign-in writes nothing, and
    /// what the command reads of people's data is audited through the access journal, so
    /// the database stays as it was and the command never waits for a writer.
    func signedIn(_ command: String, _ mode: OpenMode = .readWrite) throws -> (Store, SignedIn) {
        let store = try openStore(mode, oneShot: true)
        return (store, try signIn(to: store, command: command))
    }

    func signIn(to store: Store, command: String) throws -> SignedIn {
        let login = try Credentials.givenLogin(self.operator) ?? Credentials.ask("Login: ", echo: true)
        let password = try Credentials.actingPassword(for: login)
        // A script's password file: its next commands within minutes skip the slow hash.
        let passwordFile = environmentValue("SECRETARY_PASSWORD_FILE")
        let kept = passwordFile.map { _ in TicketFile(databasePath: databasePath, login: login) }
        let ticket = passwordFile.flatMap(TicketFile.source(ofPasswordFile:)).map {
            CommandTicket(source: $0, presented: kept?.read())
        }
        let signedIn = try store.signIn(login: login, password: password,
                                        at: Credentials.place(.command, command: command), ticket: ticket)
        if let issued = ticket?.issued { kept?.write(issued) }
        return signedIn
    }
}
