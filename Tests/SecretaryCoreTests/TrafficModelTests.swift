import Foundation
import Testing
@testable import SecretaryCore

@Suite("Simulated traffic")
struct TrafficModelTests {
    let busy = TrafficLine(clientID: try! ClientID("dr-busy"), line: try! PhoneNumber("01 40 00 00 01"), country: .fr,
                           weight: 3, knownCallers: [try! PhoneNumber("06 12 34 56 78"), try! PhoneNumber("06 00 00 00 01")])
    let quiet = TrafficLine(clientID: try! ClientID("kine-quiet"), line: try! PhoneNumber("+3221234567"), country: .be,
                            weight: 1, knownCallers: [])

    func model(_ perHour: Double = 60) throws -> TrafficModel {
        try TrafficModel(rate: CallRate(perHour: perHour), lines: [busy, quiet],
                         calendar: LocalCalendar(identifier: "Europe/Paris"))
    }

    /// A whole simulated Monday (midnight to midnight) from `seed`.
    func monday(seed: UInt64, perHour: Double = 60) throws -> [SimulatedCall] {
        let model = try model(perHour)
        var random = SeededRandom(seed: seed)
        var calls: [SimulatedCall] = []
        var at = instant("2026-11-23T00:00")
        let end = instant("2026-11-24T00:00")
        while true {
            let call = model.nextCall(after: at, random: &random)
            guard call.at < end else { return calls }
            calls.append(call)
            at = call.at
        }
    }

    @Test func theSameSeedGivesTheSameCalls() throws {
        #expect(try monday(seed: 7) == monday(seed: 7))
        #expect(try monday(seed: 7) != monday(seed: 8))
    }

    @Test func aDayHasAboutTheExpectedNumberOfCallsBusiestInTheMorning() throws {
        let calls = try monday(seed: 1)
        // Expected: 60/h × (7×0.05 + 0.4 + 4×1.5 + 2×0.6 + 4×1 + 2×0.6 + 4×0.15) = 60 × 13.75 = 825.
        #expect((745...905).contains(calls.count), "calls: \(calls.count)")
        let calendar = try LocalCalendar(identifier: "Europe/Paris")
        func perHour(_ hours: Range<Int>) -> Double {
            Double(calls.filter { hours.contains(calendar.timeOfDay(of: $0.at).hour) }.count) / Double(hours.count)
        }
        #expect(perHour(8..<12) > perHour(14..<18) * 1.2)
        #expect(perHour(14..<18) > perHour(20..<24) * 3)
        #expect(perHour(0..<7) > 0, "a trickle at night: those calls will be closed")
    }

    @Test func linesGetCallsInProportionToTheirWeight() throws {
        let calls = try monday(seed: 2, perHour: 200)
        let share = Double(calls.filter { $0.clientID == busy.clientID }.count) / Double(calls.count)
        #expect(abs(share - 0.75) < 0.04, "busy share: \(share)")
    }

    @Test func someCallersAreKnownOthersNotAndPatienceVaries() throws {
        let calls = try monday(seed: 3, perHour: 200)
        let onBusy = calls.filter { $0.clientID == busy.clientID }
        let knownShare = Double(onBusy.filter(\.isKnownCaller).count) / Double(onBusy.count)
        #expect(abs(knownShare - 0.6) < 0.05)
        #expect(onBusy.filter(\.isKnownCaller).allSatisfy { busy.knownCallers.contains($0.from!) })
        #expect(calls.filter { $0.clientID == quiet.clientID }.allSatisfy { !$0.isKnownCaller })
        #expect(calls.filter { $0.clientID == quiet.clientID && $0.from != nil }.allSatisfy { $0.from!.e164.hasPrefix("+324") },
                "Belgian mobiles for a Belgian line")
        let patience = calls.map(\.patience)
        #expect(patience.allSatisfy { $0 >= 3 })
        let mean = patience.reduce(0, +) / Double(patience.count)
        #expect(abs(mean - 90) < 8, "mean patience: \(mean)")
        #expect(patience.filter { $0 < 30 }.count > calls.count / 5, "some hang up quickly")
    }

    @Test func ratesAndDurationsAsTyped() throws {
        #expect(try CallRate(parsing: "120/h").perHour == 120)
        #expect(try CallRate(parsing: "2/min").perHour == 120)
        #expect(try CallRate(parsing: "90").perHour == 90)
        #expect(throws: ValidationError.self) { try CallRate(parsing: "fast") }
        #expect(throws: ValidationError.self) { try CallRate(parsing: "0/h") }
        #expect(throws: ValidationError.self) { try CallRate(parsing: "10/day") }
        #expect(try TimeSpan(parsing: "30s").seconds == 30)
        #expect(try TimeSpan(parsing: "5m").seconds == 300)
        #expect(try TimeSpan(parsing: "1h").seconds == 3600)
        #expect(try TimeSpan(parsing: "1h30m").seconds == 5400)
        for bad in ["", "30", "5x", "m", "-5m", "0s"] {
            #expect(throws: ValidationError.self, "\(bad)") { try TimeSpan(parsing: bad) }
        }
    }
}
