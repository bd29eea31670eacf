import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// Where a command's acting person and their password come from: `--operator` (or
/// `SECRETARY_OPERATOR`) and the terminal, asked without echo, or `SECRETARY_PASSWORD_FILE`
/// (a file only its owner may read). A password never comes from an argument, and the
/// acting person's never from standard input (that is for a new password only).
enum Credentials {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The login given on the command line or in the environment, checked for shape.
    static func givenLogin(_ option: String?) throws -> String? {
        guard let login = option ?? environmentValue("SECRETARY_OPERATOR") else { return nil }
        guard login.count <= 64, login.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7f }) else {
            throw Failure(description: "--operator: a login is 2–32 lowercase letters, digits, '.', '_' or '-'")
        }
        return login
    }

    /// The acting person's password: from `SECRETARY_PASSWORD_FILE`, else asked on the terminal.
    static func actingPassword(for login: String) throws -> String {
        if let path = environmentValue("SECRETARY_PASSWORD_FILE") {
            return try passwordFile(path)
        }
        return try ask("Password for \(login): ", echo: false)
    }

    /// The first line of a password file that only its owner can read.
    static func passwordFile(_ path: String) throws -> String {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw Failure(description: "SECRETARY_PASSWORD_FILE: cannot read \(path)")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw Failure(description: "SECRETARY_PASSWORD_FILE: \(path) may be read by others (mode \(String(status.st_mode & 0o777, radix: 8))); make it mode 0600 (chmod 600)")
        }
        guard status.st_uid == geteuid() else {
            throw Failure(description: "SECRETARY_PASSWORD_FILE: \(path) belongs to another user")
        }
        guard status.st_size <= 4096, let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "SECRETARY_PASSWORD_FILE: \(path) is not a small UTF-8 text file")
        }
        return firstLine(of: text)
    }

    /// A new password from standard input (`--password-stdin`): its first line.
    static func passwordFromStandardInput() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw Failure(description: "--password-stdin: standard input gave no password")
        }
        return line
    }

    /// A new password asked twice on the terminal.
    static func newPassword(for login: String) throws -> String {
        let first = try ask("New password for \(login): ", echo: false)
        try PasswordPolicy.check(first, login: login)
        let second = try ask("The same again: ", echo: false)
        guard first == second else { throw Failure(description: "the two passwords differ; nothing was changed") }
        return first
    }

    /// Asks on the controlling terminal (never standard input, which scripts may use), with
    /// echo off for a password; the terminal's settings are put back whatever happens.
    static func ask(_ prompt: String, echo: Bool) throws -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else {
            throw Failure(description: "no terminal to ask for a password: set SECRETARY_PASSWORD_FILE (a 0600 file) or run from a terminal")
        }
        defer { close(fd) }
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var saved = termios()
        let hasSettings = tcgetattr(fd, &saved) == 0
        if hasSettings && !echo {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(fd, TCSAFLUSH, &quiet)
        }
        defer {
            if hasSettings && !echo {
                tcsetattr(fd, TCSAFLUSH, &saved)
                _ = write(fd, "\n", 1)
            }
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1, byte != 10, bytes.count < 4096 { bytes.append(byte) }
        return firstLine(of: String(decoding: bytes, as: UTF8.self))
    }

    /// Where this process runs, for the session and the audit log.
    static func place(_ kind: SignInPlace.Kind, command: String) -> SignInPlace {
        var terminal = ""
        if isatty(STDIN_FILENO) != 0, let name = ttyname(STDIN_FILENO) { terminal = String(cString: name) }
        // SSH_CONNECTION is "client-address client-port server-address server-port".
        let ssh = environmentValue("SSH_CONNECTION").map { String($0.split(separator: " ").first ?? "") } ?? ""
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count)
        return SignInPlace(kind: kind, command: command, terminal: plainLine(terminal, limit: 64),
                           sshClient: plainLine(ssh, limit: 64),
                           host: plainLine(String(cString: host), limit: 64), pid: getpid())
    }

    /// A password's (or a ticket's) line: up to the first line feed, without carriage returns
    /// at its ends (a file saved on Windows). Plain Swift: Foundation's trimming is slow to start (issue 20).
    static func firstLine(of text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix { $0 != "\n" })).trimmed(of: "\r")
    }

    /// Text from the environment kept as one plain, bounded line (it goes to the audit log).
    static func plainLine(_ text: String, limit: Int) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !($0.value < 0x20 || (0x7f...0x9f).contains($0.value))
        }).prefix(limit))
    }
}

extension ParsableCommand {
    /// The command as the audit log names it (`clients`, `find`, `import`...).
    static var auditName: String { _commandName }
}
