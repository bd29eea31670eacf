import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the console on demo data (in a temporary folder unless --db is given).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var console: ConsoleOptions
    @Flag(help: "No simulated calls: the queue keeps the demo's first calls only (for tests and screenshots).")
    var noSimulate = false

    func run() throws {
        var global = self.global
        var temporaryFolder: String?
        if !global.databaseGiven {
            let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("secretary-demo-\(getpid())")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            temporaryFolder = folder
            global.db = (folder as NSString).appendingPathComponent("demo.sqlite")
        }
        defer { if let temporaryFolder { try? FileManager.default.removeItem(atPath: temporaryFolder) } }
        let explicitClock = global.clockStartText != nil
        if !explicitClock {
            global.clockStart = try DemoCommand.demoClockStart(now: Date())
        }
        try ConsoleLauncher.requireTerminal(global: global, options: console)
        try DemoCommand.refuseRealData(global)
        let store = try global.openStore(.create, busyTimeout: Store.consoleWait, applyClock: false)
        if try store.clients().isEmpty && !store.hasAccounts() {
            try global.applyClock(to: store)
            try store.seedDemo()
        } else {
            guard try store.databaseKind() == .demo else {
                throw ValidationError(field: "db", value: global.databasePath,
                                      reason: "is not a demo database; the demo runs on a new file or on one it made")
            }
            if explicitClock {
                try global.applyClock(to: store)
                try store.shareTrainingClock()
            } else {
                try store.useSharedTrainingClock()
            }
        }
        DemoCommand.printHowToJoin(path: global.databasePath)
        // Stopped before the temporary folder goes, on every way out: q, Ctrl-C, SIGTERM and
        // SIGHUP end the console's loop normally, so this defer runs.
        let traffic = noSimulate ? nil
            : try DemoTraffic(executable: DemoTraffic.currentExecutable, database: global.databasePath)
        defer { traffic?.stop() }
        try ConsoleLauncher(global: global, options: console, store: store, demoLogin: "claire").run()
    }

    /// Another console and the wallboard join the same demo, on the same shared clock.
    static func printHowToJoin(path: String) {
        let message = """
            Demo database: \(path)  (every account's password: \(DemoAccounts.password))
              another console:  secretary console --db \(path) --operator julien
              the wallboard:    secretary supervisor --db \(path) --operator sophie

            """
        FileHandle.standardError.write(Data(message.utf8))
    }

    /// Refuses, read-only and before anything is written, a database with clients that the
    /// demo did not make: the demo's simulated calls would land among real ones.
    static func refuseRealData(_ global: GlobalOptions) throws {
        let path = global.databasePath
        guard let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 else { return }
        let store = try global.openStore(.readOnly, applyClock: false)
        if try !store.clients().isEmpty || store.hasAccounts(), try store.databaseKind() != .demo {
            throw StoreError("\(path) is not a demo database (it was not made by `secretary demo` or `init --demo`): "
                             + "the demo would show and change real data; open it with `secretary console`")
        }
    }

    /// The demo lives in open hours: now when the service answers, otherwise the next
    /// weekday's 10:00 (today's, early in the morning), so the queue and the agenda are
    /// alive whenever it is run.
    static func demoClockStart(now: Date) throws -> String? {
        let calendar = LocalCalendar.serviceHome
        let hours = OpeningHours(weekly: try WeeklyHours(parsing: "mon-fri 09:00-19:00; sat 09:00-12:00"),
                                 country: .fr, calendar: calendar)
        if hours.isOpen(at: now) { return nil }
        let today = calendar.localDate(of: now)
        var day = calendar.timeOfDay(of: now).minutes < 10 * 60 ? today : today.adding(days: 1)
        while day.weekday > .friday || PublicHolidays.name(of: day, country: .fr) != nil { day = day.adding(days: 1) }
        return "\(day)T10:00"
    }
}
