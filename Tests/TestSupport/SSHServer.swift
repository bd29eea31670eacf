import Foundation

/// A real OpenSSH server on a loopback port, in a folder of its own, whose one account runs a
/// forced command: the team deployment, as the README describes it. Started once per suite.
public final class SSHServer {
    public let folder: URL
    public let port: Int
    public let key: String

    /// `forcedCommand` runs for every connection, whatever the client asks.
    public init(forcedCommand: String) throws {
        folder = Binaries.temporaryFolder()
        key = folder.appendingPathComponent("client_key").path
        let hostKey = folder.appendingPathComponent("host_key").path
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        for (path, comment) in [(hostKey, "host"), (key, "client")] {
            let made = try Binaries.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path])
            guard made.status == 0 else { throw SSHError(description: "ssh-keygen: \(made.stderr)") }
        }
        let authorized = folder.appendingPathComponent("authorized_keys").path
        try FileManager.default.copyItem(atPath: key + ".pub", toPath: authorized)
        var lastError = ""
        for _ in 0..<5 {
            let port = Int.random(in: 20_000...60_000)
            let config = folder.appendingPathComponent("sshd_config").path
            try """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(hostKey)
                PidFile \(folder.appendingPathComponent("sshd.pid").path)
                AuthorizedKeysFile \(authorized)
                StrictModes no
                UsePAM no
                PasswordAuthentication no
                PermitRootLogin prohibit-password
                ForceCommand \(forcedCommand)

                """.write(toFile: config, atomically: true, encoding: .utf8)
            // sshd daemonises itself (no -D), like the tmux servers: a long-lived child of the
            // test process would confuse Foundation's reaping of the others. `--default-signal`:
            // the test runner blocks SIGTERM and SIGHUP, and sshd would inherit the mask.
            let started = try Binaries.run("/usr/bin/env", ["--default-signal", "/usr/sbin/sshd", "-f", config,
                                                            "-E", folder.appendingPathComponent("sshd.log").path],
                                           detached: true)
            let deadline = Date().addingTimeInterval(3)
            while started.status == 0 && Date() < deadline && !SSHServer.listening(port) { Thread.sleep(forTimeInterval: 0.02) }
            if SSHServer.listening(port) {
                self.port = port
                return
            }
            _ = try? Binaries.run("/usr/bin/pkill", ["-f", config])
            lastError = (try? String(contentsOf: folder.appendingPathComponent("sshd.log"), encoding: .utf8)) ?? ""
        }
        throw SSHError(description: "sshd did not start: \(lastError)")
    }

    /// Stops the listener and the sessions it started (their consoles hang up with them).
    deinit {
        _ = try? Binaries.run("/usr/bin/pkill", ["-f", folder.appendingPathComponent("sshd_config").path])
    }

    /// The client command line, for a terminal (tmux) to run: a pseudo-terminal is asked for.
    public var clientCommand: String {
        "ssh -tt -i \(key) -p \(port) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes "
            + "-o LogLevel=ERROR root@127.0.0.1"
    }

    static func listening(_ port: Int) -> Bool {
        let hex = String(format: ":%04X", port)
        let table = (try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)) ?? ""
        return table.split(separator: "\n").contains { $0.contains("0100007F\(hex) 00000000:0000 0A") }
    }

    public struct SSHError: Error, CustomStringConvertible { public let description: String }
}
