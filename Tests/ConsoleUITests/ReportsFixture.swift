import Foundation
@testable import ConsoleUI
import SecretaryCore

/// The reports screen's data: the wallboard's Monday (see `WallboardFixture`) plus, the
/// Tuesday before, two calls to Kiné Dubois at 09:00 answered in 10 and 50 s; the month's
/// usage: Dr Martin 412 calls counted of 400 (12 over the plan), Kiné Dubois 120 of 200,
/// Maître Dumont none of 100.
enum ReportsFixture {
    static let clients = [WallboardFixture.martin, WallboardFixture.dubois, WallboardFixture.dumont]

    static var calls: [ReportCall] {
        let monday = WallboardFixture.calls.map { call in
            ReportCall(clientID: call.clientID, operatorID: call.operatorID, status: call.status,
                       arrivedAt: seconds(call.arrivedAt), answeredAt: call.answeredAt.map(seconds),
                       endedAt: call.endedAt.map(seconds), doneAt: call.doneAt.map(seconds))
        }
        let tuesday = [("2026-11-17T09:00:00", "2026-11-17T09:00:10"), ("2026-11-17T09:10:00", "2026-11-17T09:10:50")].map {
            ReportCall(clientID: WallboardFixture.dubois.id, operatorID: 2, status: .done,
                       arrivedAt: seconds(WallboardFixture.at($0.0)), answeredAt: seconds(WallboardFixture.at($0.1)),
                       endedAt: seconds(WallboardFixture.at($0.1)) + 120, doneAt: seconds(WallboardFixture.at($0.1)) + 150)
        }
        return tuesday + monday
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970) }

    static func usage(_ client: Client, counted: Int, month: LocalMonth) -> ClientUsage {
        var facts = UsageFacts()
        facts.callGroups = [UsageCallGroup(status: .done, calls: counted, talkSeconds: counted * 120)]
        return ClientUsage.compute(client: client, month: month, facts: facts, rules: try! UsageRules(), now: WallboardFixture.now)
    }

    static func data(_ request: ReportsRequest) -> ReportsData {
        let (from, to) = request.days
        let report = CallReport.compute(
            from: from, to: to, by: request.span.granularity, calls: calls, clients: clients.map { ($0.id, $0.name) },
            people: WallboardFixture.operators.map { CallReport.Person(id: $0.id, login: $0.login, name: $0.displayName) },
            now: WallboardFixture.now, calendar: WallboardFixture.calendar, thresholdSeconds: 20, clientID: request.client)
        let usage = [usage(WallboardFixture.martin, counted: 412, month: request.month),
                     usage(WallboardFixture.dubois, counted: 120, month: request.month),
                     usage(WallboardFixture.dumont, counted: 0, month: request.month)]
            .filter { request.client == nil || $0.clientID == request.client }
        return ReportsData(request: request, report: report, usage: usage,
                           clients: clients.map { ReportsData.ClientChoice(id: $0.id, name: $0.name) })
    }

    /// The wallboard switched to reports (`r`) and the week's report loaded.
    static func state(width: Int = 120, height: Int = 40, language: Language = .en) -> WallboardState {
        var state = WallboardFixture.state(width: width, height: height, language: language)
        let effects = updateWallboard(&state, .key(.character("r")))
        for case .loadReport(let request) in effects { _ = updateWallboard(&state, .reportLoaded(data(request))) }
        return state
    }
}
