import ArgumentParser
import SecretaryStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the database (empty, or with demo data) without opening the console.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Fill the new database with the demo data.")
    var demo = false

    func run() throws {
        let store = try global.openStore(.create)
        if demo {
            let summary = try store.seedDemo()
            try store.checkpoint()
            print("Created \(store.path) with demo data: \(summary.describe)")
        } else {
            print("Database ready: \(store.path) (schema \(Store.schemaVersions.last ?? "?"))")
        }
    }
}

extension DemoSummary {
    var describe: String {
        "\(clients) clients, \(contacts) contacts, \(appointments) appointments, \(calls) calls "
            + "(\(waitingCalls) waiting), \(messages) messages, \(operators) operators"
    }
}
