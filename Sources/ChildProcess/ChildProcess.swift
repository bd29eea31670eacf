import Foundation

/// Runs a program directly (never through a shell, so no argument is ever interpreted),
/// gives it `input` on standard input, and waits at most `timeout` seconds.
public enum ChildProcess {
    public struct Result: Sendable {
        public let status: Int32
        /// Its standard output (with its standard error when they were merged), at most `outputLimit` bytes.
        public let output: Data
        /// Its standard error when kept apart, at most 2,000 bytes.
        public let errors: Data
        public let timedOut: Bool

        /// The output as text, its first 2,000 bytes: for a delivery attempt's record.
        public var outputText: String { String(decoding: output.prefix(2000), as: UTF8.self) }
    }

    /// - Parameters:
    ///   - mergingErrors: standard error into the same pipe as the output (a mail program's
    ///     answer is whatever it printed); otherwise apart, in `errors`.
    ///   - outputLimit: what is kept of the output; the rest is read and dropped.
    public static func run(_ path: String, arguments: [String], input: Data, timeout: TimeInterval,
                           mergingErrors: Bool = true, outputLimit: Int = 2000) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe(), output = Pipe(), errors = mergingErrors ? output : Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = errors
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
        let collectedOutput = Collected(), collectedErrors = Collected()
        let reading = DispatchSemaphore(value: 0)
        collectedOutput.drain(output, limit: outputLimit, then: reading)
        if !mergingErrors { collectedErrors.drain(errors, limit: 2000, then: reading) }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        // A grandchild holding a pipe open must not hold the caller: the output is best effort.
        let readers = mergingErrors ? 1 : 2
        var complete = true
        for _ in 0..<readers where reading.wait(timeout: .now() + 1) == .timedOut { complete = false }
        return Result(status: process.terminationStatus, output: complete ? collectedOutput.data : Data(),
                      errors: complete ? collectedErrors.data : Data(), timedOut: timedOut)
    }

    /// The output's first non-empty lines, on one line, printable only: for a record or an error.
    public static func summary(_ output: String) -> String {
        let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let text = lines.prefix(3).joined(separator: " / ")
        let printable = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        return String(printable.prefix(300))
    }

    private final class Collected: @unchecked Sendable {
        var data = Data()

        func drain(_ pipe: Pipe, limit: Int, then done: DispatchSemaphore) {
            Thread {
                let handle = pipe.fileHandleForReading
                while let chunk = try? handle.read(upToCount: 65536), !chunk.isEmpty {
                    if self.data.count < limit { self.data.append(chunk.prefix(limit - self.data.count)) }
                }
                done.signal()
            }.start()
        }
    }
}
