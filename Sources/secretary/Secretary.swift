import ArgumentParser

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
            FreeSlotsCommand.self, AbsenceCommand.self, WaitlistCommand.self,
            CallInCommand.self, CallEndCommand.self, CallsCommand.self, SimulateCommand.self, SupervisorCommand.self,
            GenerateCommand.self, AuditCommand.self, SettingsCommand.self,
        ]
    )

    /// Global options may come before the subcommand (`secretary --db x.sqlite clients`);
    /// every subcommand declares them, so they are moved behind the subcommand's name.
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
        if leading.isEmpty {
            main(nil)
        } else {
            let split = arguments.firstIndex { $0.hasPrefix("-") } ?? arguments.endIndex
            main(Array(arguments[..<split]) + leading + Array(arguments[split...]))
        }
    }
}
