import Foundation
import Testing
@testable import ConsoleUI
import SecretaryCore

/// An idle console draws again, each second, only its status line; whatever it draws in
/// place must be the very screen a whole render gives.
@Suite struct ClockRedrawTests {
    /// Ticks `state` second by second for `seconds`, drawing each in place over the last;
    /// returns the seconds (from the start) whose drawing went beyond the status line.
    static func tick(_ state: AppState, seconds: Int) -> [Int] {
        var drawn = state
        var buffer = render(drawn)
        var redrawnWhole: [Int] = []
        for second in 1...seconds {
            var next = drawn
            _ = update(&next, .tick(state.now.addingTimeInterval(TimeInterval(second))))
            let rows = render(next, over: drawn, into: &buffer)
            let whole = render(next)
            #expect(buffer.text == whole.text, "at +\(second) s")
            let sameCells = buffer == whole
            #expect(sameCells, "the cells at +\(second) s differ from a whole render (text or colours)")
            if rows != 0..<1 { redrawnWhole.append(second) }
            drawn = next
        }
        return redrawnWhole
    }

    static func idle() -> AppState {
        var state = Fixture.state()
        _ = update(&state, .queueLoaded([]))
        return state
    }

    @Test func anIdleSecondRedrawsOnlyTheStatusLineAndAMinuteRedrawsAll() {
        // From 10:00:00: the agenda's 10:00 slot is past from 10:00:01, its line for now
        // moves at 10:01, 10:02.
        #expect(Self.tick(Self.idle(), seconds: 150) == [1, 60, 61, 120, 121])
    }

    @Test func aCallerHistoryItemReachedNowRedrawsAll() {
        var state = Self.idle()
        _ = update(&state, .contactOpened(Fixture.marie, ContactHistory(
            calls: [], appointments: [.init(at: Fixture.now.addingTimeInterval(30), text: "Consultation — Dr Claire Martin")])))
        // Upcoming until 10:00:30, past from 10:00:31; both seconds are drawn whole.
        #expect(Self.tick(state, seconds: 40) == [1, 30, 31])
    }

    @Test func waitsAndTimersRedrawAll() {
        // The queue's waits, then a call's timer, change every second.
        #expect(Self.tick(Fixture.state(), seconds: 5) == [1, 2, 3, 4, 5])
        #expect(Self.tick(Fixture.answered(), seconds: 5) == [1, 2, 3, 4, 5])
    }
}
