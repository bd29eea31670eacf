import Foundation

/// Runs a program directly (never through a shell, so no argument is ever interpreted),
/// gives it `input` on standard input, and waits at most `timeout` seconds.
enum ChildProcess {
    struct Result {
        let status: Int32
        /// Its standard output and error, first lines only.
        let output: String
        let timedOut: Bool
    }

    static func run(_ path: String, arguments: [String], input: Data, timeout: TimeInterval) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe(), output = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = output
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // Written and read on their own threads: a child that writes a lot before reading, or
        // reads nothing, must not block the other side.
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        final class Collected: @unchecked Sendable { var data = Data() }
        let collected = Collected()
        let reading = DispatchSemaphore(value: 0)
        let reader = Thread {
            collected.data = output.fileHandleForReading.readDataToEndOfFile()
            reading.signal()
        }
        reader.start()
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        // A grandchild holding the pipe open must not hold the worker: the output is best effort.
        let text = reading.wait(timeout: .now() + 1) == .success ? String(decoding: collected.data.prefix(2000), as: UTF8.self) : ""
        return Result(status: process.terminationStatus, output: text, timedOut: timedOut)
    }

    /// The output's first non-empty lines, on one line, for the attempt's record.
    static func summary(_ output: String) -> String {
        let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let text = lines.prefix(3).joined(separator: " / ")
        let printable = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        return String(printable.prefix(300))
    }
}
