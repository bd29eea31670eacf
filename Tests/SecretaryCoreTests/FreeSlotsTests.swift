import Foundation
import Testing
@testable import SecretaryCore

@Suite("Next free slots")
struct FreeSlotsTests {
    typealias F = AgendaFixture
    let now = instant("2026-11-02T07:00")

    /// The slots as local `2026-11-23T10:00` strings.
    func next(_ count: Int, _ minutes: Int, from: String, _ schedule: AgendaSchedule = F.schedule(), now: Date? = nil) -> [String] {
        FreeSlots.next(count, minutes: minutes, from: instant(from), in: schedule, now: now ?? self.now)
            .map { schedule.calendar.localDateTime(of: $0.start).description }
    }

    @Test func skipsBookedTimeAndTheLunchBreak() {
        let schedule = F.schedule(entries: [F.entry(1, "2026-11-23T11:00", 30, "Jean Dupont"),
                                            F.entry(2, "2026-11-23T11:30", 20, "Paul Roux")])
        // 11:50 would run into lunch; after lunch, every quarter hour.
        #expect(next(3, 30, from: "2026-11-23T10:50", schedule)
                == ["2026-11-23T14:00", "2026-11-23T14:15", "2026-11-23T14:30"])
        #expect(next(2, 15, from: "2026-11-23T10:30", schedule) == ["2026-11-23T10:30", "2026-11-23T10:45"])
    }

    @Test func skipsSaturdayAfternoonAndSunday() {
        #expect(next(2, 45, from: "2026-11-28T12:30") == ["2026-11-30T08:00", "2026-11-30T08:15"])
        #expect(next(1, 45, from: "2026-11-28T12:15") == ["2026-11-28T12:15"])
    }

    @Test func skipsPublicHolidays() {
        // Thursday 24 December after the last slot; Friday is Christmas.
        #expect(next(1, 45, from: "2026-12-24T18:30") == ["2026-12-26T08:00"])
        // Easter Monday 2027, then Tuesday.
        #expect(next(1, 20, from: "2027-03-27T13:00", F.schedule(from: "2027-03-20")) == ["2027-03-30T08:00"])
    }

    @Test func skipsAbsences() {
        let schedule = F.schedule(absences: [F.absence("2026-11-30T00:00", "2026-12-01T12:00", "Formation")])
        #expect(next(1, 45, from: "2026-11-28T12:30", schedule) == ["2026-12-01T14:00"])
    }

    @Test func neverOffersThePastAndKeepsToTheGrid() {
        let now = instant("2026-11-23T10:07")
        #expect(next(2, 20, from: "2026-11-23T08:00", now: now) == ["2026-11-23T10:15", "2026-11-23T10:30"])
        let tenMinutes = F.schedule(client: F.client(slotMinutes: 10))
        #expect(next(2, 20, from: "2026-11-23T08:00", tenMinutes, now: now) == ["2026-11-23T10:10", "2026-11-23T10:20"])
    }

    @Test func stopsAtTheEndOfTheWindow() {
        let short = F.schedule(from: "2026-11-28", days: 2)
        #expect(next(5, 45, from: "2026-11-28T12:30", short).isEmpty)
    }

    @Test func everySlotFoundPassesTheRules() throws {
        var random = SeededRandom(seed: 5)
        var entries: [AppointmentDetails] = []
        var day = F.date("2026-11-23")
        for id in 1...120 {
            day = day.adding(days: Int.random(in: 0...1, using: &random))
            let minute = 8 * 60 + 5 * Int.random(in: 0..<130, using: &random)
            entries.append(F.entry(Int64(id), "\(day)T\(try TimeOfDay(minutes: minute))", [15, 20, 30, 45].randomElement(using: &random)!, "P\(id)"))
        }
        let schedule = F.schedule(entries: entries, absences: [F.absence("2026-11-25T10:00", "2026-11-26T16:00")])
        let rules = BookingRules(schedule: schedule, now: now)
        let slots = FreeSlots.next(200, minutes: 30, from: instant("2026-11-23T08:00"), in: schedule, now: now)
        #expect(slots.count == 200)
        for slot in slots {
            #expect(rules.violation(start: slot.start, minutes: 30) == nil)
            #expect(schedule.calendar.timeOfDay(of: slot.start).minutes % 15 == 0)
        }
        #expect(slots == slots.sorted { $0.start < $1.start })
    }
}
