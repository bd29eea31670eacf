import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// What a PBX dialplan or a telephony webhook runs when a call arrives.
struct CallInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call-in",
        abstract: "Record a call arriving on a client's line; prints its id and state (waiting or closed).",
        discussion: """
            For a PBX dialplan or a telephony webhook. The line identifies the client; the caller is \
            matched to the client's contacts by number. A call outside the client's opening hours is \
            recorded as closed and never offered to operators. When another program holds the database \
            for more than 5 s, it gives up with one line and exit status 75, so the PBX can fall back.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The client's dedicated number that was dialled.", valueName: "number"))
    var line: String
    @Option(help: ArgumentHelp("The caller's number, or 'withheld' (also 'anonymous') when the PBX has none; empty is refused.",
                               valueName: "number"))
    var from: String
    @Option(help: ArgumentHelp("When the call arrived, in the client's local time (default: now).",
                               valueName: "YYYY-MM-DDTHH:MM:SS"))
    var at: String?
    @Flag(help: "The caller chose the emergency option: answered before the others.")
    var urgent = false
    @Flag(help: "Print JSON for scripts.") var json = false

    static let withheldSpellings: Set<String> = ["anonymous", "withheld", "private", "unknown"]

    struct Output: Encodable {
        let id: Int64
        let status: String
        let client: String
        let contactID: Int64?
    }

    func run() throws { try Self.run(global, line: line, from: from, at: at, urgent: urgent, json: json) }

    static func run(_ global: some CommandEnvironment, line: String, from: String, at: String?,
                    urgent: Bool, json: Bool) throws {
        let lineNumber = try PhoneNumber(line)
        guard !from.trimmedOfSpaces.isEmpty else {
            throw SecretaryCore.ValidationError(field: "from", value: from,
                                                reason: "is empty; give the caller's number, or say --from withheld")
        }
        let caller = CallInCommand.withheldSpellings.contains(from.lowercased()) ? nil : from
        let local = try at.map(LocalDateTime.init(parsing:))
        let store = try global.openStore(oneShot: true)
        let instant = try local.map { local in
            // Read in the client's zone; an unknown line is refused by callIn just after.
            let calendar = try store.client(line: lineNumber)?.calendar ?? SupervisorFigures.serviceCalendar
            return calendar.instant(local)
        }
        let call = try store.callIn(line: lineNumber, from: caller, at: instant, isUrgent: urgent)
        if json {
            return try printJSON(Output(id: call.id, status: call.status.rawValue, client: call.clientID.rawValue,
                                        contactID: call.contactID))
        }
        print("\(call.id) \(call.status.rawValue)")
    }
}

/// What a PBX runs when the caller hangs up.
struct CallEndCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call-end",
        abstract: "Record that the caller hung up: a waiting call is abandoned, an answered one goes to wrap-up.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The call id printed by call-in.", valueName: "id"))
    var id: String

    func run() throws { try Self.run(global, id: id) }

    static func run(_ global: some CommandEnvironment, id: String) throws {
        let callID = try CallFormat.callID(id)
        let call = try global.openStore(oneShot: true).callEnd(callID)
        print("\(call.id) \(call.status.rawValue)")
    }
}
