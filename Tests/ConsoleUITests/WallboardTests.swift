import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

/// The wallboard of `WallboardFixture` (a morning counted by hand), as literal screen lines.
@Suite("The supervisor's wallboard drawn into the buffer")
struct WallboardScreenTests {
    func lines(_ state: WallboardState) -> [String] { renderWallboard(state).text.components(separatedBy: "\n") }

    @Test func at120x40EveryFigureShows() {
        let lines = lines(WallboardFixture.state())
        #expect(lines.count == 40)
        #expect(Array(lines[0...17]) == [
            " Sophie Garnier · Supervision · Mon 23/11 10:00:00",
            "┌─ Call queue ─────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
            "│ Waiting now: 2   Longest wait: 02:00   Call-backs: 0   Operators: available 1 · on a call 1 · wrap-up 1 · paused 1   │",
            "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
            "┌─ Clients today · service = answered within 20 s ─────────────────────────────────────────────────────────────────────┐",
            "│Client                           Offered Answered Abandoned Closed Waiting Service Avg wait Avg talk Call-backs       │",
            "│Cabinet du Dr Martin                   5        3         1      1       1     40%    00:29    04:00          0       │",
            "│Kiné Dubois                            3        2         0      0       1    100%    00:04    05:59          0       │",
            "│Étude de Maître Dumont                 0        0         0      0       0       -        -        -          0       │",
            "│All clients                            8        5         1      1       2     57%    00:21    04:59          0       │",
            "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
            "┌─ Operators ──────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
            "│Operator               State                                            Since           Calls today                   │",
            "│Amina Haddad           paused                                           09:45 (15:00)             0                   │",
            "│Claire Dubois          on a call — Cabinet du Dr Martin                 09:59 (00:25)             2                   │",
            "│Julien Morel           available                                        09:40 (20:00)             2                   │",
            "│Lucas Petit            offline                                                                    0                   │",
            "│Marc Lenoir            wrap-up — Kiné Dubois                            09:58 (02:00)             1                   │",
        ])
        #expect(lines[18...37].allSatisfy { $0 == "│" + String(repeating: " ", count: 118) + "│" })
        #expect(lines[38] == "└" + String(repeating: "─", count: 118) + "┘")
        #expect(lines[39] == " r Reports / live  ? Help  Ctrl-L Redraw the screen  q Quit")
    }

    /// 80 columns: the queue on two lines, the "Waiting" column left out, names cut.
    /// Who is signed in, since when and from where; someone shown at work with no console
    /// open is flagged.
    @Test func signedInOperatorsShowWhereFromAndAGoneConsoleIsFlagged() {
        let f = WallboardFixture.self
        let since = f.now.addingTimeInterval(-3600)
        let figures = SupervisorFigures.compute(
            day: try! LocalDate(parsing: "2026-11-23"), now: f.now, clients: [f.martin, f.dubois, f.dumont], calls: f.calls,
            operators: f.operators, presences: f.presences, serviceCalendar: f.calendar,
            sessions: ["claire": .init(since: since, place: "10.0.0.7")])
        var state = WallboardState(width: 160, height: 40, language: .en, user: f.sophie, now: f.now)
        _ = updateWallboard(&state, .figuresLoaded(figures))
        let screen = renderWallboard(state).text
        #expect(screen.contains("signed in 09:00 from 10.0.0.7"), "\(screen)")
        let julien = screen.components(separatedBy: "\n").first { $0.contains("Julien Morel") } ?? ""
        #expect(julien.contains("no console open"), "\(julien)")
    }

    @Test func at80x24TheTablesNarrow() {
        #expect(lines(WallboardFixture.state(width: 80, height: 24)) == [
            " Sophie Garnier · Supervision · Mon 23/11 10:00:00",
            "┌─ Call queue ─────────────────────────────────────────────────────────────────┐",
            "│ Waiting now: 2   Longest wait: 02:00   Call-backs: 0                         │",
            "│ Operators: available 1 · on a call 1 · wrap-up 1 · paused 1                  │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            "┌─ Clients today · service = answered within 20 s ─────────────────────────────┐",
            "│Client             Offered Answered Abandoned Closed Service Avg wait Avg talk│",
            "│Cabinet du Dr Mar…       5        3         1      1     40%    00:29    04:00│",
            "│Kiné Dubois              3        2         0      0    100%    00:04    05:59│",
            "│Étude de Maître D…       0        0         0      0       -        -        -│",
            "│All clients              8        5         1      1     57%    00:21    04:59│",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            "┌─ Operators ──────────────────────────────────────────────────────────────────┐",
            "│Operator        State                              Since           Calls today│",
            "│Amina Haddad    paused                             09:45 (15:00)             0│",
            "│Claire Dubois   on a call — Cabinet du Dr Martin   09:59 (00:25)             2│",
            "│Julien Morel    available                          09:40 (20:00)             2│",
            "│Lucas Petit     offline                                                      0│",
            "│Marc Lenoir     wrap-up — Kiné Dubois              09:58 (02:00)             1│",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            " r Reports / live  ? Help  Ctrl-L Redraw the screen  q Quit",
        ])
    }

    @Test func inFrenchAt80x24() {
        #expect(lines(WallboardFixture.state(width: 80, height: 24, language: .fr)) == [
            " Sophie Garnier · Supervision · lun. 23/11 10:00:00",
            "┌─ Appels en attente ──────────────────────────────────────────────────────────┐",
            "│ En attente : 2   Attente la plus longue : 02:00   Rappels : 0                │",
            "│ Opérateurs : disponible 1 · en ligne 1 · fin d'appel 1 · en pause 1          │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            "┌─ Clients aujourd'hui · service = répondus en 20 s ───────────────────────────┐",
            "│Client               Reçus Répondus Perdus Fermés Service Att. moy. Conv. moy.│",
            "│Cabinet du Dr Martin     5        3      1      1     40%     00:29      04:00│",
            "│Kiné Dubois              3        2      0      0    100%     00:04      05:59│",
            "│Étude de Maître Dum…     0        0      0      0       -         -          -│",
            "│Tous les clients         8        5      1      1     57%     00:21      04:59│",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            "┌─ Opérateurs ─────────────────────────────────────────────────────────────────┐",
            "│Opérateur       État                            Depuis          Appels du jour│",
            "│Amina Haddad    en pause                        09:45 (15:00)                0│",
            "│Claire Dubois   en ligne — Cabinet du Dr Martin 09:59 (00:25)                2│",
            "│Julien Morel    disponible                      09:40 (20:00)                2│",
            "│Lucas Petit     hors ligne                                                   0│",
            "│Marc Lenoir     fin d'appel — Kiné Dubois       09:58 (02:00)                1│",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            " r Rapports / direct  ? Aide  Ctrl-L Redessiner l'écran  q Quitter",
        ])
    }

    @Test func coloursFollowTheThresholds() {
        let screen = renderWallboard(WallboardFixture.state())
        #expect(screen.role(of: "02:00   Call-backs") == .waitLate, "a 2-minute wait is late, as in the queue")
        #expect(screen.role(of: "40%") == .waitLate)
        #expect(screen.role(of: "100%") == .waitOK)
        #expect(screen.role(of: "paused  ") == .waitWarn)
        #expect(screen.role(of: "available    ") == .success)
        #expect(screen.role(of: "offline") == .dim)
        #expect(screen.role(of: "on a call — Cabinet") == .emphasis)
    }

    /// Between two loads the waits and the operators' times count on with the clock.
    @Test func waitsAndTimesTickWithoutReloading() {
        var state = WallboardFixture.state()
        let effects = updateWallboard(&state, .tick(WallboardFixture.now.addingTimeInterval(3)))
        #expect(effects.isEmpty, "3 s after loading, nothing to reload")
        let text = renderWallboard(state).text
        #expect(text.contains("Longest wait: 02:03"))
        #expect(text.contains("09:59 (00:28)"))
        #expect(text.contains("10:00:03"))
    }

    /// A short screen keeps the busy clients and the operators at work; rows say what is left out.
    @Test func aCrowdedDayOnASmallScreenSaysWhatIsLeftOut() throws {
        let idle = try (1...8).map { index in
            try Client(id: ClientID("idle-\(index)"), name: "Cabinet \(index)", profession: "Médecin",
                       line: PhoneNumber("01 40 00 00 1\(index)"), country: .fr, plan: Plan(callsPerMonth: 10, smsPerMonth: 0),
                       isMedical: true)
        }
        let figures = SupervisorFigures.compute(
            day: try LocalDate(parsing: "2026-11-23"), now: WallboardFixture.now,
            clients: idle + [WallboardFixture.martin, WallboardFixture.dubois], calls: WallboardFixture.calls,
            operators: WallboardFixture.operators, presences: WallboardFixture.presences,
            serviceCalendar: WallboardFixture.calendar)
        var state = WallboardState(width: 80, height: 20, language: .en, user: WallboardFixture.sophie, now: WallboardFixture.now)
        _ = updateWallboard(&state, .figuresLoaded(figures))
        let lines = renderWallboard(state).text.components(separatedBy: "\n")
        // Busy clients before idle ones, operators at work before those offline.
        #expect(Array(lines[6...17]) == [
            "│Client             Offered Answered Abandoned Closed Service Avg wait Avg talk│",
            "│Cabinet du Dr Mar…       5        3         1      1     40%    00:29    04:00│",
            "│Kiné Dubois              3        2         0      0    100%    00:04    05:59│",
            "│+8 more clients (make the terminal taller)                                    │",
            "│All clients              8        5         1      1     57%    00:21    04:59│",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            "┌─ Operators ──────────────────────────────────────────────────────────────────┐",
            "│Operator        State                              Since           Calls today│",
            "│Amina Haddad    paused                             09:45 (15:00)             0│",
            "│Claire Dubois   on a call — Cabinet du Dr Martin   09:59 (00:25)             2│",
            "│Julien Morel    available                          09:40 (20:00)             2│",
            "│+2 more operators                                                             │",
        ])
    }

    @Test func tooSmallSaysSo() {
        let text = renderWallboard(WallboardFixture.state(width: 50, height: 12)).text
        #expect(text.contains("Terminal too small"))
        #expect(text.contains("50×12 < 60×15"))
    }

    @Test func helpListsTheKeysAndExplainsTheColumns() {
        var state = WallboardFixture.state(width: 80, height: 24)
        _ = updateWallboard(&state, .key(.character("?")))
        let text = renderWallboard(state).text
        #expect(text.contains("Help — keys"))
        #expect(text.contains("Ctrl-L       Redraw the screen"))
        #expect(text.contains("Closed: arrived outside opening hours, logged, never offered"))
        _ = updateWallboard(&state, .key(.escape))
        #expect(!renderWallboard(state).text.contains("Help — keys"))
    }
}

@Suite("The wallboard's update and session")
struct WallboardUpdateTests {
    @Test func keysComeFromTheKeymap() {
        let keys = Keymap.bindings(for: .wallboard).flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
        var state = WallboardFixture.state()
        #expect(updateWallboard(&state, .key(.control("l"))) == [.redraw])
        #expect(updateWallboard(&state, .key(.character("a"))).isEmpty, "the wallboard answers no call")
        _ = updateWallboard(&state, .key(.character("q")))
        #expect(!state.isRunning)
    }

    @Test func reloadsOnAnotherTerminalsWriteAndWhileCallersWait() {
        var state = WallboardFixture.state()
        #expect(updateWallboard(&state, .externalChange) == [.loadFigures])
        // Two callers wait: the service level moves as they pass the threshold.
        #expect(updateWallboard(&state, .tick(WallboardFixture.now.addingTimeInterval(4))).isEmpty)
        #expect(updateWallboard(&state, .tick(WallboardFixture.now.addingTimeInterval(5))) == [.loadFigures])
    }

    @Test func readsNothingWhenNobodyWaitsAndNothingChanges() {
        var state = WallboardState(width: 120, height: 40, language: .en, user: WallboardFixture.sophie, now: WallboardFixture.now)
        let quiet = SupervisorFigures.compute(
            day: try! LocalDate(parsing: "2026-11-23"), now: WallboardFixture.now, clients: [WallboardFixture.martin],
            calls: [], operators: WallboardFixture.operators, presences: [], serviceCalendar: WallboardFixture.calendar)
        _ = updateWallboard(&state, .figuresLoaded(quiet))
        #expect(updateWallboard(&state, .tick(WallboardFixture.now.addingTimeInterval(3600))).isEmpty)
        // Midnight starts a new day: reload.
        #expect(updateWallboard(&state, .tick(WallboardFixture.at("2026-11-24T00:00"))) == [.loadFigures])
    }

    final class FakeData: WallboardData {
        var counter = 1
        var loads = 0
        var clock = WallboardFixture.now
        func now() -> Date { clock }
        func changeCounter() throws -> Int { counter }
        func figures(thresholdSeconds: Int) throws -> SupervisorFigures {
            loads += 1
            return WallboardFixture.figures
        }
        func reports(_ request: ReportsRequest, thresholdSeconds: Int) throws -> ReportsData {
            ReportsFixture.data(request)
        }
    }

    @Test func sessionLoadsAtStartThenOnlyWhenTheDatabaseMoved() {
        let data = FakeData()
        var state = WallboardState(width: 120, height: 40, language: .en, user: WallboardFixture.sophie, now: WallboardFixture.now)
        state.thresholdSeconds = 30
        let session = WallboardSession(state: state, data: data)
        session.start()
        #expect(data.loads == 1)
        #expect(session.state.figures != nil)
        session.poll()
        session.poll()
        #expect(data.loads == 1, "nothing changed: nothing read")
        data.counter += 1
        session.poll()
        #expect(data.loads == 2)
    }
}

@Suite("The console follows its own call in the store")
struct OwnCallSyncTests {
    @Test func theCallerHangingUpMovesTheCallToWrapUp() {
        var state = Fixture.answered()
        let effects = update(&state, .externalChange)
        #expect(effects.contains(.loadOwnCall))
        var ended = state.call!
        ended.endedAt = Fixture.now.addingTimeInterval(60)
        _ = update(&state, .ownCallLoaded(ended))
        #expect(state.presence == .wrapUp)
        #expect(state.flash?.text == "The caller hung up: e to finish the call.")
        // 83 s after the answer, 23 s after the hang-up.
        let text = render(state).text
        #expect(text.contains("► WRAP-UP 00:23  Marie Lefèvre"), "\(text)")
        #expect(text.contains("wrap-up"))
    }

    @Test func aCallFinishedElsewhereLeavesTheConsole() {
        var state = Fixture.answered()
        _ = update(&state, .key(.character("e")))
        let effects = update(&state, .ownCallLoaded(nil))
        #expect(state.call == nil)
        #expect(state.overlay == nil)
        #expect(state.presence == .available)
        #expect(effects == [.loadQueue])
        #expect(!render(state).text.contains("ON CALL"))
    }

    @Test func nothingChangesWhileTheCallGoesOn() {
        var state = Fixture.answered()
        let before = state
        #expect(update(&state, .ownCallLoaded(before.call)).isEmpty)
        #expect(state == before)
    }
}
