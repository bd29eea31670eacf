import Foundation
import Testing
import TestSupport

/// The real components the dispatch tests send through: Debian's aiosmtpd as the SMTP server
/// on a free loopback port (started once for the suite, gone with the test process), msmtp
/// as the sendmail program, and an SMS command that records what it is given.
final class DispatchFixture: @unchecked Sendable {
    static let shared = DispatchFixture()

    let root: URL
    let mailFolder: URL
    let port: Int
    /// A sendmail for `dispatch --sendmail`: msmtp with this suite's configuration.
    let sendmail: String
    let server: Process?
    private let serverInput = Pipe()

    static var scripts: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts")
    }

    private init() {
        root = Binaries.temporaryFolder()
        mailFolder = root.appendingPathComponent("mail")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [DispatchFixture.scripts.appendingPathComponent("smtp-sink").path, "0", mailFolder.path,
                             "--until-stdin-closes"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = serverInput
        var port = 0
        if (try? process.run()) != nil {
            // `ready PORT` within seconds, or the tests fail saying the server did not start.
            let line = DispatchFixture.readLine(output.fileHandleForReading, timeout: 20)
            port = line.split(separator: " ").last.flatMap { Int($0) } ?? 0
            server = process
        } else {
            server = nil
        }
        self.port = port
        let config = root.appendingPathComponent("msmtprc")
        try? """
            account default
            host 127.0.0.1
            port \(port)
            auth off
            tls off
            tls_starttls off
            from service@example.fr
            """.write(to: config, atomically: true, encoding: .utf8)
        chmod(config.path, 0o600)
        sendmail = DispatchFixture.script(in: root, named: "sendmail", """
            #!/bin/sh
            exec /usr/bin/msmtp -C '\(config.path)' "$@"
            """)
    }

    static func readLine(_ handle: FileHandle, timeout: TimeInterval) -> String {
        let done = DispatchSemaphore(value: 0)
        final class Line: @unchecked Sendable { var text = "" }
        let line = Line()
        Thread {
            var bytes = Data()
            while let byte = try? handle.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { bytes += byte }
            line.text = String(decoding: bytes, as: UTF8.self)
            done.signal()
        }.start()
        _ = done.wait(timeout: .now() + timeout)
        return line.text
    }

    /// Writes an executable script.
    static func script(in folder: URL, named name: String, _ text: String) -> String {
        let path = folder.appendingPathComponent(name).path
        try? (text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    struct Mail: Decodable {
        let from, to, subject, date, messageID, contentType, transferEncoding, body: String
        let charset: String?
        let recipients: [String]
    }

    /// The mails received so far whose From holds `token` (each test sends from its own address).
    func mails(from token: String) throws -> [Mail] {
        let result = try Binaries.run("/usr/bin/python3", [DispatchFixture.scripts.appendingPathComponent("read-mail").path,
                                                            mailFolder.path])
        return try JSONDecoder().decode([Mail].self, from: Data(result.stdout.utf8)).filter { $0.from.contains(token) }
    }

    /// Waits (at most `timeout` seconds) until `count` mails from `token` arrived.
    func waitForMails(from token: String, count: Int, timeout: TimeInterval = 30) throws -> [Mail] {
        let deadline = Date().addingTimeInterval(timeout)
        var mails = try self.mails(from: token)
        while mails.count < count, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            mails = try self.mails(from: token)
        }
        return mails
    }
}

/// One test's own corner: a demo database, a From address no other test uses, a folder.
struct DispatchCase {
    let folder = Binaries.temporaryFolder()
    let token = "t\(UInt32.random(in: 0...UInt32.max))"
    var from: String { "Secrétariat Test <\(token)@example.fr>" }
    let db: String

    init() throws {
        db = folder.appendingPathComponent("demo.sqlite").path
        let made = try secretary(["init", "--demo", "--clock-start", "2026-11-23T10:00"], db: db)
        #expect(made.status == 0, "\(made.stderr)")
    }

    /// `secretary dispatch --once` at a given local time, with msmtp and optionally an SMS command.
    func dispatchOnce(at clock: String = "2026-11-23T10:00", sms: String? = nil) throws -> Binaries.Result {
        try secretary(["dispatch", "--once", "--sendmail", DispatchFixture.shared.sendmail, "--from", from,
                       "--clock-start", clock] + (sms.map { ["--sms-command", $0] } ?? []), db: db)
    }

    func addMessage(_ arguments: [String], at clock: String = "2026-11-23T10:00") throws -> Int {
        let result = try secretary(["messages", "add", "--clock-start", clock] + arguments, db: db)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? -1
    }

    func messagesJSON() throws -> [[String: Any]] {
        let list = try secretary(["messages", "--json"], db: db)
        return try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
    }

    /// An SMS command that appends its argument count, its arguments and its text to files,
    /// and exits with the status written in `status` (0 when absent).
    func recordingSms() -> String {
        DispatchFixture.script(in: folder, named: "sms", """
            #!/bin/sh
            printf '%s\\n' "$#" >> '\(folder.path)/sms.argc'
            for argument in "$@"; do printf '%s\\n' "$argument" >> '\(folder.path)/sms.args'; done
            cat >> '\(folder.path)/sms.text'
            printf '\\n' >> '\(folder.path)/sms.text'
            [ -f '\(folder.path)/status' ] && exit "$(cat '\(folder.path)/status')"
            exit 0
            """)
    }

    func file(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }
}
