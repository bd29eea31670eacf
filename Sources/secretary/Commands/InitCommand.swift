import ArgumentParser
import SecretaryCore
import SecretaryStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the database and its first administrator (or fill it with demo data), without opening the console.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Fill the new database with the demo data (every demo account's password is secretary-demo).")
    var demo = false

    @Option(help: "The first administrator's login (asked when not given).") var admin: String?
    @Option(help: "The first administrator's name as shown on screen (default: the login).") var name: String?
    @Flag(help: "Read the first administrator's password from standard input (its first line).") var passwordStdin = false

    func run() throws {
        let store = try global.openStore()
        if demo {
            let summary = try store.seedDemo()
            try store.checkpoint()
            print("Created \(store.path) with demo data: \(summary.describe)")
            print("Every demo account (claire, julien, amina, lucas: operators; sophie: supervisor; admin) has the password \(DemoAccounts.password).")
            return
        }
        guard try !store.hasAccounts() else {
            return print("Database ready: \(store.path) (schema \(Store.schemaVersions.last ?? "?")); it already has accounts.")
        }
        let login = try admin ?? Credentials.ask("First administrator's login: ", echo: true)
        let person = try Operator(login: login, displayName: name ?? login, role: .admin)
        let password = passwordStdin ? try Credentials.passwordFromStandardInput() : try Credentials.newPassword(for: login)
        try store.addFirstAdministrator(person, password: password)
        print("Database ready: \(store.path) (schema \(Store.schemaVersions.last ?? "?")); administrator \(login) created.")
    }
}

extension DemoSummary {
    var describe: String {
        "\(clients) clients, \(contacts) contacts, \(appointments) appointments, \(calls) calls "
            + "(\(waitingCalls) waiting), \(messages) messages, \(operators) operators"
    }
}
