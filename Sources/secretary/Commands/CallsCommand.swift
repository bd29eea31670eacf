import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct CallsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls", abstract: "List calls, newest first.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this client's calls (see `secretary clients`).") var client: String?
    @Option(help: ArgumentHelp("Only calls in this state: \(CallStatus.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "status"))
    var status: String?
    @Option(help: "At most this many calls.") var limit: String = "200"
    @Flag(help: "Print JSON for scripts.") var json = false

    struct Row: Encodable {
        let id: Int64
        let client: String
        let clientName: String
        let from: String?
        let contactID: Int64?
        let contactName: String?
        let status: String
        let urgent: Bool
        let arrivedAt: Date
        let answeredAt: Date?
        let endedAt: Date?
        let doneAt: Date?
        let waitSeconds: Int
        let talkSeconds: Int?
        let wrapUpSeconds: Int?
        let operatorLogin: String?
        let outcome: String?
        let note: String
    }

    func run() throws {
        let clientID = try client.map(ClientID.init)
        let wanted = try status.map(CallStatus.init(parsing:))
        guard let limit = Int(limit), limit > 0 else {
            throw ValidationError(field: "limit", value: limit, reason: "expected a number of calls, at least 1")
        }
        let (store, me) = try global.signedIn(Self.auditName, .readOnly)
        let now = store.now
        let calls = try store.calls(client: clientID, status: wanted, limit: limit)
        try store.recordRead(by: me.identity, objectType: "calls", objectIDs: [],
                             details: "calls list: \(clientID?.rawValue ?? "all clients"), \(calls.count) shown")
        if json {
            return try printJSON(calls.map {
                let call = $0.call
                return Row(id: call.id, client: call.clientID.rawValue, clientName: $0.clientName, from: call.from?.e164,
                           contactID: call.contactID, contactName: $0.contactName, status: call.status.rawValue,
                           urgent: call.isUrgent, arrivedAt: call.arrivedAt, answeredAt: call.answeredAt,
                           endedAt: call.endedAt, doneAt: call.doneAt, waitSeconds: call.waitSeconds(now: now),
                           talkSeconds: call.talkSeconds(now: now), wrapUpSeconds: call.wrapUpSeconds(now: now),
                           operatorLogin: $0.operatorLogin, outcome: call.outcome?.rawValue, note: call.note)
            })
        }
        if calls.isEmpty { return print("No calls.") }
        let calendars = Dictionary(try store.clients().map { ($0.id, $0.calendar) }, uniquingKeysWith: { a, _ in a })
        printTable([["ID", "ARRIVED", "CLIENT", "CALLER", "STATUS", "WAIT", "TALK", "OPERATOR", "OUTCOME"]] + calls.map {
            let call = $0.call
            let calendar = calendars[call.clientID] ?? SupervisorFigures.serviceCalendar
            return ["\(call.id)", CallFormat.localTime(call.arrivedAt, calendar), call.clientID.rawValue,
                    $0.callerLabel, call.status.rawValue + (call.isUrgent ? " (urgent)" : ""),
                    call.status == .closed ? "-" : CallFormat.duration(call.waitSeconds(now: now)),
                    CallFormat.duration(call.talkSeconds(now: now)), $0.operatorLogin ?? "-",
                    call.outcome?.rawValue ?? "-"]
        })
    }
}
