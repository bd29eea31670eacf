import ChildProcess
import Foundation
import SecretaryCore

/// The system's sendmail interface (Postfix, Exim or msmtp provide it): the mail on standard
/// input, recipients read from its headers (`-t`), a lone `.` line not taken as the end (`-oi`).
public struct Sendmail: Sendable {
    public let path: String
    public let timeout: TimeInterval

    public init(path: String, timeout: TimeInterval = 60) {
        self.path = path
        self.timeout = timeout
    }

    public func send(_ mail: MailText) -> DeliveryOutcome {
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(path, arguments: ["-t", "-oi"], input: Data(mail.text.utf8), timeout: timeout)
        } catch {
            return .retry("cannot run \(path): \(error.localizedDescription)")
        }
        if result.timedOut { return .retry("\(path) took more than \(Int(timeout)) s") }
        let answer = "exit \(result.status)" + (result.output.isEmpty ? "" : ": " + ChildProcess.summary(result.outputText))
        return Sendmail.outcome(status: result.status, answer: answer)
    }

    /// sysexits.h: the server away, a local or network trouble are tried again later; a
    /// refused address, bad data or a configuration error are failures for a person to fix.
    static func outcome(status: Int32, answer: String) -> DeliveryOutcome {
        switch status {
        case 0: .sent(answer)
        case 69, 70, 71, 74, 75: .retry(answer)
        default: .failed(answer)
        }
    }
}

/// An SMS gateway's command (its own tool, or a script calling its API): run with the number
/// as its one argument and the text on standard input; its exit status says sent (0), later
/// (75, EX_TEMPFAIL) or failed for good (anything else).
public struct SmsCommand: Sendable {
    public let path: String
    public let timeout: TimeInterval

    public init(path: String, timeout: TimeInterval = 60) {
        self.path = path
        self.timeout = timeout
    }

    public func send(text: String, to number: String) -> DeliveryOutcome {
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(path, arguments: [number], input: Data(text.utf8), timeout: timeout)
        } catch {
            return .retry("cannot run \(path): \(error.localizedDescription)")
        }
        if result.timedOut { return .retry("\(path) took more than \(Int(timeout)) s") }
        let answer = "exit \(result.status)" + (result.output.isEmpty ? "" : ": " + ChildProcess.summary(result.outputText))
        return DeliveryOutcome.fromExitStatus(result.status, answer: answer)
    }
}
