import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// Options of the full-screen console.
struct ConsoleOptions: ParsableArguments {
    @Option(help: "The operator's login (see `secretary operators`).") var `operator`: String?
    @Option(help: "Colour theme: default, high-contrast, monochrome, or a file in $XDG_CONFIG_HOME/secretary/themes.")
    var theme: String?
    @Option(help: "Language of the interface: fr or en (default from LC_ALL, LC_MESSAGES, LANG).") var lang: String?
}

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console", abstract: "Open the operator's full-screen console.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var console: ConsoleOptions

    func run() throws {
        guard console.operator != nil else {
            throw ValidationError("--operator LOGIN is required (see `secretary operators`)")
        }
        let store = try global.openStore()
        try ConsoleLauncher(global: global, options: console, store: store, defaultOperator: nil).run()
    }
}

/// Wires the store, the clock and the terminal into a running console. Until the console
/// lands, prints what it would show.
struct ConsoleLauncher {
    let global: GlobalOptions
    let options: ConsoleOptions
    let store: Store
    let defaultOperator: String?

    func run() throws {
        let login = options.operator ?? defaultOperator ?? ""
        let user = try store.operator(login: login)
        let clients = try store.clients()
        print("secretary: \(clients.count) clients, \(try store.contactCount()) contacts in \(store.path)")
        print("operator: \(user.displayName) (\(user.role.rawValue))")
        for client in clients {
            print("  \(client.id.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)) \(client.name) — \(client.line.national)")
        }
    }
}
