import ArgumentParser
import SecretaryCore
import SecretaryStore

struct OperatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operators", abstract: "List or add the service's operators.",
        subcommands: [List.self, Add.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the operators.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        struct Row: Encodable { let login, name, role: String }

        func run() throws {
            let operators = try global.openStore(.readOnly).operators()
            if json { return try printJSON(operators.map { Row(login: $0.login, name: $0.displayName, role: $0.role.rawValue) }) }
            if operators.isEmpty { return print("No operators.") }
            printTable([["LOGIN", "NAME", "ROLE"]] + operators.map { [$0.login, $0.displayName, $0.role.rawValue] })
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an operator.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login name (lowercase, like claire or j.morel).") var login: String
        @Option(help: "The name shown on screen.") var name: String
        @Option(help: "operator, supervisor or admin.") var role: String

        func run() throws {
            let new = try Operator(login: login, displayName: name, role: Role(parsing: role))
            try global.openStore().addOperator(new, by: Identity("cli"))
            print("Added \(new.role.rawValue) \(new.login) (\(new.displayName)).")
        }
    }
}
