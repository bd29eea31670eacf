import Foundation

/// Locates and runs the package's built executables, so tests exercise real processes.
public enum Binaries {
    /// `.build/debug` (or `SECRETARY_BIN`'s folder when set by scripts/test).
    public static var folder: URL {
        if let bin = ProcessInfo.processInfo.environment["SECRETARY_BIN"], !bin.isEmpty {
            return URL(fileURLWithPath: bin).deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug")
    }

    public static var secretary: String { folder.appendingPathComponent("secretary").path }
    public static var stress: String { folder.appendingPathComponent("secretary-stress").path }

    public struct Result {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs `executable` with `arguments` and waits for it.
    /// Runs `executable` with `arguments` and waits for it. `detached`: its output is not
    /// read (for a program that leaves a daemon behind holding its output open).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           detached: Bool = false, input: String? = nil) throws -> Result {
        if detached {
            // Foundation notices a child's exit when an inherited pipe closes; a daemon that
            // keeps every descriptor would hold it forever. So the daemon gets none.
            let closeAll = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; exec "$@""#
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", closeAll, "detached", executable] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return Result(status: process.terminationStatus, stdout: "", stderr: "")
        }
        let process = try start(executable, arguments, environment: environment, input: input)
        return process.wait()
    }

    public final class Running {
        let process: Process
        let out: Pipe
        let err: Pipe
        init(process: Process, out: Pipe, err: Pipe) {
            self.process = process
            self.out = out
            self.err = err
        }

        /// Sends `signal` (SIGINT, SIGTERM...) to the process, as Ctrl-C or `kill` would.
        public func send(_ signal: Int32) {
            if process.isRunning { kill(process.processIdentifier, signal) }
        }

        public func wait() -> Result {
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                          stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    /// Starts `executable` without waiting, for tests that run several at once.
    public static func start(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                             input: String? = nil) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["SECRETARY_DB"] = nil
        env["SECRETARY_CLOCK_START"] = nil
        env.merge(signedInAs(demoAdministrator)) { $1 }
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = input.map { _ in Pipe() }
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        if let stdin, let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        return Running(process: process, out: out, err: err)
    }

    /// The demo data's administrator: commands in tests act as this account unless a test
    /// says otherwise (`environment` wins).
    public static let demoAdministrator = "admin"
    /// Every demo account's password (the README's).
    public static let demoPassword = "secretary-demo"

    /// A 0600 file holding the demo password, made once per test process.
    public static let demoPasswordFile: String = {
        passwordFile(demoPassword)
    }()

    /// A password file (mode 0600) holding `password`.
    public static func passwordFile(_ password: String) -> String {
        let path = temporaryFolder().appendingPathComponent("password").path
        FileManager.default.createFile(atPath: path, contents: Data((password + "\n").utf8),
                                       attributes: [.posixPermissions: 0o600])
        return path
    }

    /// The environment that signs a command in as `login` with the demo password.
    public static func signedInAs(_ login: String) -> [String: String] {
        ["SECRETARY_OPERATOR": login, "SECRETARY_PASSWORD_FILE": demoPasswordFile]
    }

    /// A fresh temporary folder for one test.
    public static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("secretary-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
