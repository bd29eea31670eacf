import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

@main
struct Secretary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secretary",
        abstract: "The console of a telephone answering service (télésecrétariat).",
        discussion: """
            Operators answer calls for many clients from one terminal: whose line it is, who calls, \
            the client's instructions and agenda. All terminals share one SQLite database.
            """,
        subcommands: [
            InitCommand.self, DemoCommand.self, ConsoleCommand.self,
            ClientsCommand.self, ClientCommand.self, ContactsCommand.self, MessagesCommand.self, OperatorsCommand.self,
            AgendaCommand.self, BookCommand.self, MoveCommand.self, CancelCommand.self, NoShowCommand.self,
            FreeSlotsCommand.self, AbsenceCommand.self, WaitlistCommand.self, CalendarCommand.self,
            CallInCommand.self, CallEndCommand.self, CallsCommand.self, SimulateCommand.self, SupervisorCommand.self,
            GenerateCommand.self, AuditCommand.self, SettingsCommand.self, DispatchCommand.self,
            UsageCommand.self, ReportCommand.self, PurgeCommand.self, BackupCommand.self, RestoreCommand.self,
        ]
    )

    /// Exit status of a command that gave up waiting for another program's lock
    /// (EX_TEMPFAIL): a PBX hook tells it from a refusal and falls back.
    static let busyStatus: Int32 = 75

    /// Global options may come before the subcommand (`secretary --db x.sqlite clients`);
    /// every subcommand declares them, so they are moved behind the subcommand's name.
    /// Errors are printed here, escaped and on one line, with their exit status.
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var leading: [String] = []
        while let first = arguments.first, GlobalOptions.names.contains(where: { first == $0 || first.hasPrefix($0 + "=") }) {
            leading.append(arguments.removeFirst())
            if !first.contains("="), let value = arguments.first {
                leading.append(value)
                arguments.removeFirst()
            }
        }
        if !leading.isEmpty {
            let split = arguments.firstIndex { $0.hasPrefix("-") } ?? arguments.endIndex
            arguments = Array(arguments[..<split]) + leading + Array(arguments[split...])
        }
        var damaged = false
        DamagedRows.skipped = { row in
            printError("Error: \(row)")
            damaged = true
        }
        do {
            try refuseControlCharacters(in: arguments)
            if try !QuickStart.run(arguments) {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
        } catch {
            let status = exitCode(for: error)
            // --help and the like: the help text on stdout, status 0.
            if status == .success { exit(withError: error) }
            printError(fullMessage(for: error))
            Foundation.exit((error as? StoreError)?.isBusy == true ? busyStatus : status.rawValue)
        }
        if damaged { Foundation.exit(1) }
    }

    /// Names, identifiers and texts given on the command line are stored and printed to
    /// others' terminals: a control character (an escape sequence) in one is refused.
    /// Line feeds pass (a message's text may have lines).
    static func refuseControlCharacters(in arguments: [String]) throws {
        for (index, argument) in arguments.enumerated() {
            guard let found = TerminalText.firstControl(in: argument, newlines: true) else { continue }
            let option = index > 0 && arguments[index - 1].hasPrefix("--") ? arguments[index - 1] : "argument \(index + 1)"
            throw RefusedArgument(description: "\(option): control character \(found.code) at character \(found.column); "
                             + "names and texts may not hold terminal escapes")
        }
    }
}

/// An argument refused before parsing, said in one line.
struct RefusedArgument: Error, CustomStringConvertible {
    let description: String
}
