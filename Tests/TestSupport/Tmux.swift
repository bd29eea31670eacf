import Foundation

/// Drives a program in a real terminal, as a person would: tmux runs it, `send` types,
/// `screen` reads what is shown. Each instance has its own tmux server.
public final class Tmux {
    public let socket = "secretary-test-\(UUID().uuidString.prefix(8))"
    public let session = "t"

    /// Starts `command` (a shell command line) in a `width`×`height` terminal.
    public init(_ command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        let exports = environment.map { "export \($0.key)='\($0.value)'; " }.joined()
        try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                  "bash --norc --noprofile -c \"\(exports)\(command.replacingOccurrences(of: "\"", with: "\\\""))\""])
        try waitForServer()
    }

    /// A plain interactive shell, to check what a program leaves behind.
    public init(shellWidth width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        var env = "env PS1='$ ' "
        for (key, value) in environment { env += "\(key)='\(value)' " }
        try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", env + "bash --norc --noprofile -i"])
        try waitForServer()
    }

    /// The server may still be starting when the client that launched it returns.
    private func waitForServer() throws {
        let deadline = Date().addingTimeInterval(10)
        while (try? tmux(["has-session", "-t", session])) == nil {
            guard Date() < deadline else { throw TmuxError(description: "tmux did not start") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    deinit { try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        // The tmux server outlives the command that starts it: it must not hold our pipes.
        let detached = ["new-session", "kill-server"].contains(arguments.first ?? "")
        // `--default-signal`: the test runner's threads block SIGTERM and SIGHUP, and a tmux
        // server inheriting that mask never dies on kill-server (it signals itself), leaving
        // its programs running after the test.
        let result = try Binaries.run("/usr/bin/env", ["--default-signal", "tmux", "-L", socket, "-f", "/dev/null"] + arguments,
                                      detached: detached)
        guard result.status == 0 else {
            throw TmuxError(description: "tmux \(arguments.first ?? ""): \(result.stderr)")
        }
        return result.stdout
    }

    /// Sends keys in tmux's notation (`a`, `Enter`, `Escape`, `C-c`, `Tab`).
    public func send(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

    /// Types `text` literally.
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }

    /// The screen as text.
    public func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Copies everything the program writes to the terminal into `file`.
    public func record(to file: String) throws { try tmux(["pipe-pane", "-t", session, "-o", "cat >> \(file)"]) }

    /// The PID of the program running in the pane.
    public func panePID() throws -> Int32 {
        Int32(try tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Waits until the screen satisfies `condition` (checked every 50 ms); returns the last
    /// screen either way, so the caller's assertion shows it.
    @discardableResult
    public func waitFor(timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try screen()
        while !condition(last) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            last = try screen()
        }
        return last
    }

    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }

    public struct TmuxError: Error, CustomStringConvertible { public let description: String }
}
