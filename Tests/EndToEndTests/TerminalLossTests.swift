import Foundation
import Testing
import TestSupport

/// A console whose terminal vanishes without a SIGHUP reaching it (it is not the terminal's
/// session leader, or a parent blocked the signal) must stop, not spin reading a dead
/// terminal: such lost consoles were found using a quarter of a core each.
@Suite("A console whose terminal goes away")
struct TerminalLossTests {
    /// A pseudo-terminal (Linux ioctls): the master end, and the path of the terminal end.
    func openPseudoTerminal() throws -> (master: Int32, path: String) {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: CInt = 0, number: CInt = 0
        guard master >= 0, ioctl(master, UInt(0x4004_5431 /* TIOCSPTLCK */), &unlock) == 0,
              ioctl(master, UInt(0x8004_5430 /* TIOCGPTN */), &number) == 0 else {
            throw CocoaError(.fileNoSuchFile)
        }
        return (master, "/dev/pts/\(number)")
    }

    @Test func itStopsInsteadOfSpinning() throws {
        let db = Binaries.temporaryFolder().appendingPathComponent("empty.sqlite").path
        _ = try Binaries.run(Binaries.secretary, ["init", "--db", db, "--admin", "admin", "--password-stdin"],
                             input: Binaries.demoPassword + "\n")
        _ = try Binaries.run(Binaries.secretary, ["operators", "add", "claire", "--name", "Claire Dubois", "--role", "operator",
                                                  "--db", db, "--password-stdin"], input: "dubois-calls-42\n")
        // Not the console's controlling terminal: closing it sends no signal.
        let (master, path) = try openPseudoTerminal()
        let terminal = open(path, O_RDWR | O_NOCTTY)
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(terminal, UInt(TIOCSWINSZ), &size)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binaries.secretary)
        process.arguments = ["console", "--operator", "claire", "--db", db]
        process.environment = ["TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let handle = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        close(terminal)

        // Read what the console draws until its queue shows, then take the terminal away.
        var output = ""
        var buffer = [UInt8](repeating: 0, count: 65536)
        let drawn = Date().addingTimeInterval(10)
        var signedIn = false
        while !output.contains("Call queue") && Date() < drawn {
            if !signedIn && output.contains("Password:") {
                signedIn = true
                _ = "dubois-calls-42\r".withCString { write(master, $0, strlen($0)) }
            }
            var ready = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 100) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            output += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        #expect(output.contains("Call queue"), "the console never drew: \(output.suffix(300))")
        close(master)

        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let stillRunning = process.isRunning
        if stillRunning { process.terminate() }
        #expect(!stillRunning, "the console kept running with no terminal")
        process.waitUntilExit()
    }
}
