import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Fill an empty database with realistic data at scale, for benchmarks and load tests.",
        discussion: """
            French and Belgian clients with their agendas, hours and instructions; callers with accented \
            and hyphenated names and E.164 numbers; appointments over two years inside open hours without \
            overlaps; two months of calls (done, abandoned, closed, a few waiting); operators. The same \
            --seed and --clock-start give the same data. Refuses a database that already has data.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Number of clients (practices).") var clients = GenerationSize.fullScale.clients
    @Option(help: "Number of contacts (callers), spread over the clients.") var contacts = GenerationSize.fullScale.contacts
    @Option(help: "Number of appointments, a year back and a year ahead.") var appointments = GenerationSize.fullScale.appointments
    @Option(help: "Number of calls over the last two months.") var calls = GenerationSize.fullScale.calls
    @Option(help: "Seed of the random generator.") var seed: UInt64 = 1

    func run() throws {
        let size = GenerationSize(clients: clients, contacts: contacts, appointments: appointments, calls: calls)
        try size.validate()
        guard global.databaseGiven else {
            throw ValidationError(field: "db", value: "", reason: "name the file to generate with --db PATH")
        }
        let store = try global.openStore(.create)
        let started = Date()
        let bar = ProgressBar(terminal: isatty(STDOUT_FILENO) == 1)
        let summary = try store.generate(size, seed: seed) { bar.show($0) }
        bar.finish()
        let seconds = Date().timeIntervalSince(started)
        print("Generated \(store.path) in \(String(format: "%.1f", seconds)) s: \(summary)")
    }
}

/// Shows progress (generation, an import): a bar redrawn in place on a terminal, plain lines at each
/// tenth otherwise (for logs and CI).
final class ProgressBar {
    let terminal: Bool
    private var lastPhase = ""
    private var lastTenth = -1
    private var lastDraw = Date.distantPast

    init(terminal: Bool) { self.terminal = terminal }

    func show(_ progress: GenerationProgress) { show(phase: progress.phase, done: progress.done, total: progress.total) }

    func show(phase: String, done: Int, total: Int) {
        let progress = (phase: phase, done: done, total: total)
        let fraction = progress.total > 0 ? Double(progress.done) / Double(progress.total) : 1
        if terminal {
            let phaseChanged = progress.phase != lastPhase
            guard phaseChanged || Date().timeIntervalSince(lastDraw) > 0.1 || progress.done == progress.total else { return }
            if phaseChanged && !lastPhase.isEmpty { FileHandle.standardOutput.write(Data("\n".utf8)) }
            let width = 30
            let filled = Int(fraction * Double(width))
            let line = "\r\(progress.phase.padding(toLength: 13, withPad: " ", startingAt: 0)) ["
                + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
                + "] \(String(format: "%3d", Int(fraction * 100)))%  \(progress.done)/\(progress.total)"
            FileHandle.standardOutput.write(Data(line.utf8))
            lastDraw = Date()
        } else {
            let tenth = Int(fraction * 10)
            guard progress.phase != lastPhase || tenth != lastTenth else { return }
            lastTenth = tenth
            // Written at once, not buffered, so a log shows progress as it happens.
            FileHandle.standardOutput.write(Data("\(progress.phase): \(progress.done)/\(progress.total)\n".utf8))
        }
        lastPhase = progress.phase
    }

    func finish() {
        if terminal && !lastPhase.isEmpty { FileHandle.standardOutput.write(Data("\n".utf8)) }
    }
}
