import ArgumentParser
import SecretaryCore
import SecretaryStore

struct ClientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clients", abstract: "List the clients.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    struct Row: Encodable {
        let id, name, profession, line, country, timeZone, hours: String
        let medical: Bool
        let callsPerMonth, smsPerMonth: Int
    }

    func run() throws { try Self.run(global, json: json) }

    static func run(_ global: some CommandEnvironment, json: Bool) throws {
        let (store, _) = try global.signedIn(auditName, .readOnly)
        let clients = try store.clients()
        let rows = clients.map {
            Row(id: $0.id.rawValue, name: $0.name, profession: $0.profession, line: $0.line.e164,
                country: $0.country.rawValue, timeZone: $0.timeZoneIdentifier, hours: $0.hours.description,
                medical: $0.isMedical, callsPerMonth: $0.plan.callsPerMonth, smsPerMonth: $0.plan.smsPerMonth)
        }
        if json { return try printJSON(rows) }
        if clients.isEmpty { return print("No clients.") }
        printTable([["ID", "NAME", "PROFESSION", "LINE", "HOURS"]]
            + clients.map { [$0.id.rawValue, $0.name, $0.profession, $0.line.national, $0.hours.description] })
    }
}
