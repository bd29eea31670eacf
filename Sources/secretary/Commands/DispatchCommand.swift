import ArgumentParser
import Delivery
import Foundation
import SecretaryCore
import SecretaryStore

/// The worker that sends messages: it wakes when any terminal writes (as consoles do, on
/// `PRAGMA data_version`) or when a delivery or an escalation falls due, claims what is due,
/// hands it to the sendmail interface or the SMS command, and records the answer.
struct DispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Send the messages' e-mails and SMS, escalate urgent ones, until stopped (or once, with --once).",
        discussion: """
            SIGTERM or Ctrl-C stop it after the sends in progress. Several workers may run at once on one \
            database: each delivery is claimed by one. E-mail goes through the sendmail interface \
            (`sendmail -t -oi`: Postfix, Exim or msmtp); SMS through --sms-command, run with the number as its \
            one argument and the text on standard input (exit 0 sent, 75 retry later, anything else failed).
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Send what is due now, escalate what is due, and exit (for cron).") var once = false
    @Option(help: ArgumentHelp("The sendmail program (env SECRETARY_SENDMAIL; default /usr/sbin/sendmail).", valueName: "path"))
    var sendmail: String?
    @Option(help: ArgumentHelp("The service's From address (env SECRETARY_MAIL_FROM).", valueName: "address"))
    var from: String?
    @Option(help: ArgumentHelp("The SMS gateway's command (env SECRETARY_SMS_COMMAND); without it SMS wait.", valueName: "path"))
    var smsCommand: String?
    @Option(help: ArgumentHelp("How many sends run at once.", valueName: "n")) var parallel: Int = 8

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        func setting(_ option: String?, _ variable: String) -> String? {
            option ?? environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        }
        let sendmailPath = setting(sendmail, "SECRETARY_SENDMAIL") ?? "/usr/sbin/sendmail"
        let smsPath = setting(smsCommand, "SECRETARY_SMS_COMMAND")
        guard let fromAddress = setting(from, "SECRETARY_MAIL_FROM") else {
            throw ValidationError(field: "from", value: "", reason: "give the service's address: --from ADDRESS or SECRETARY_MAIL_FROM")
        }
        let bareFrom = fromAddress.split(separator: "<").last.map { String($0.prefix { $0 != ">" }) } ?? fromAddress
        guard DispatchSettings.isMailAddress(bareFrom), !fromAddress.contains(where: { $0.isNewline }) else {
            throw ValidationError(field: "from", value: fromAddress, reason: "is not an e-mail address")
        }
        for (name, path) in [("sendmail", sendmailPath), ("sms-command", smsPath)] {
            guard let path else { continue }
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw ValidationError(field: name, value: path, reason: "is not an executable program")
            }
        }
        guard (1...32).contains(parallel) else {
            throw ValidationError(field: "parallel", value: "\(parallel)", reason: "use 1 to 32")
        }
        let store = try global.openStore()
        StopSignal.install()
        let worker = DispatchWorker(store: store, sendmail: Sendmail(path: sendmailPath), from: fromAddress,
                                    sms: smsPath.map { SmsCommand(path: $0) }, parallel: parallel)
        try worker.run(once: once)
    }
}

/// The worker's loop, thin: wake, release what dead workers left, escalate, let the senders
/// claim and send until nothing is due, sleep until the next change or due time.
final class DispatchWorker: @unchecked Sendable {
    let store: Store
    let sendmail: Sendmail
    let from: String
    let sms: SmsCommand?
    let parallel: Int
    /// `host:pid`: a worker on this host whose process is gone has died.
    let name: String
    let channels: [DeliveryChannel]
    private let wake = NSCondition()
    private var generation = 0
    /// The first error a sender met; it stops the worker.
    private var failure: Error?

    init(store: Store, sendmail: Sendmail, from: String, sms: SmsCommand?, parallel: Int) {
        self.store = store
        self.sendmail = sendmail
        self.from = from
        self.sms = sms
        self.parallel = parallel
        name = "\(DispatchWorker.hostName):\(getpid())"
        channels = sms == nil ? [.email] : [.email, .sms]
    }

    static var hostName: String { ProcessInfo.processInfo.hostName }

    /// Alive unless it is a worker of this host whose process has gone.
    static func isAlive(_ worker: String) -> Bool {
        let parts = worker.split(separator: ":")
        guard parts.count == 2, parts[0] == hostName, let pid = pid_t(parts[1]) else { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    func run(once: Bool) throws {
        try store.releaseAbandonedClaims(isAlive: DispatchWorker.isAlive)
        try store.escalateDue()
        if once {
            try sendUntilNothingDue()
            return
        }
        if sms == nil { FileHandle.standardError.write(Data("dispatch: no SMS command configured: SMS deliveries wait\n".utf8)) }
        let senders = DispatchGroup()
        for _ in 0..<parallel {
            senders.enter()
            Thread {
                defer { senders.leave() }
                do { try self.sendLoop() } catch {
                    self.wake.lock()
                    self.failure = self.failure ?? error
                    self.wake.unlock()
                    StopSignal.request()
                }
            }.start()
        }
        var seen = try store.dataVersion()
        var lastRelease = Date()
        while !StopSignal.requested {
            Thread.sleep(forTimeInterval: 0.1)
            let version = try store.dataVersion()
            let due = try store.nextDispatchTime(channels: channels).map { $0 <= store.now } ?? false
            if Date().timeIntervalSince(lastRelease) > 30 {
                try store.releaseAbandonedClaims(isAlive: DispatchWorker.isAlive)
                lastRelease = Date()
            }
            guard version != seen || due else { continue }
            seen = version
            try store.escalateDue()
            signal()
        }
        signal()
        senders.wait()
        if let failure { throw failure }
    }

    private func signal() {
        wake.lock()
        generation += 1
        wake.broadcast()
        wake.unlock()
    }

    /// One sender: sends while something is due, then waits to be woken.
    private func sendLoop() throws {
        while !StopSignal.requested {
            wake.lock()
            let seen = generation
            wake.unlock()
            if try sendOne() { continue }
            wake.lock()
            while generation == seen, !StopSignal.requested {
                _ = wake.wait(until: Date().addingTimeInterval(1))
            }
            wake.unlock()
        }
    }

    private func sendUntilNothingDue() throws {
        while !StopSignal.requested, try sendOne() {}
    }

    /// Claims a due delivery and sends it, then the next, while any is due and no stop is
    /// asked; false when nothing was due.
    private func sendOne() throws -> Bool {
        guard var job = try store.claimDelivery(worker: name, channels: channels) else { return false }
        while true {
            // Recording the answer claims the next in the same transaction, unless stopping.
            guard let next = try send(job, claimingNext: StopSignal.requested ? [] : channels) else { return true }
            job = next
        }
    }

    private func send(_ job: DeliveryJob, claimingNext: [DeliveryChannel]) throws -> DeliveryJob? {
        let outcome: DeliveryOutcome
        var segments: Int?
        switch job.channel {
        case .email:
            outcome = sendmail.send(job.mail(from: from, at: store.now))
        case .sms:
            let text = job.smsText
            segments = Gsm7.segments(text)
            outcome = sms?.send(text: text, to: job.first.address) ?? .retry("no SMS command configured")
        }
        let next = try store.recordDelivery(job, outcome: outcome, worker: name, segments: segments, claimingNext: claimingNext)
        print("delivery \(job.deliveries.map { "\($0.id)" }.joined(separator: ",")) \(job.channel.rawValue): \(outcome.name)")
        fflush(stdout)
        return next
    }
}
