import Foundation

/// The demo's live traffic: `secretary simulate` in a child process on the demo's database
/// and clock, so calls arrive in the queue, wait, and hang up while the console is open.
/// A separate process writes through its own connection, exactly as a PBX would, so the
/// console sees its calls the way it sees every other terminal's.
final class DemoTraffic {
    static let rate = "60/h"

    private let process = Process()

    /// Starts the simulator. `--while-parent-lives` makes it stop by itself should this
    /// process die without stopping it (a crash, SIGKILL).
    /// It runs on the demo's clock, which the database shares with every process.
    init(executable: String, database: String) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["simulate", "--rate", DemoTraffic.rate, "--db", database, "--while-parent-lives"]
        // Its output would scribble over the console's screen.
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Stops the simulator and waits for it (at most two seconds, then SIGKILL).
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// This executable's own path, to start it again as the simulator.
    static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
