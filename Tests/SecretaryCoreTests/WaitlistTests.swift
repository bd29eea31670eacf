import Foundation
import Testing
@testable import SecretaryCore

@Suite("The waiting list")
struct WaitlistTests {
    typealias F = AgendaFixture
    let paris = try! LocalCalendar(identifier: "Europe/Paris")

    @Test func preferencesReadAndWriteDaysAndTimes() throws {
        let preferences = try WaitlistPreferences(parsing: "fri, mon-wed 08:00-12:00")
        #expect(preferences.days == [.monday, .tuesday, .wednesday, .friday])
        #expect(preferences.times.map(\.description) == ["08:00-12:00"])
        #expect(preferences.description == "mon tue wed fri 08:00-12:00")
        #expect(try WaitlistPreferences(parsing: preferences.description) == preferences)
        #expect(try WaitlistPreferences(parsing: "") == .any)
        #expect(throws: ValidationError(field: "preferences", value: "matin", reason: "expected days (mon, tue-thu) and times (08:00-12:00)")) {
            try WaitlistPreferences(parsing: "matin")
        }
    }

    func entry(_ id: Int64, minutes: Int?, _ preferences: String, createdAt: String = "2026-11-01T10:00") -> WaitlistEntry {
        WaitlistEntry(id: id, agendaID: 1, contactID: id, contactName: "P\(id)", minutes: minutes,
                      preferences: try! WaitlistPreferences(parsing: preferences), createdAt: instant(createdAt))
    }

    @Test func anEntryFitsAFreedSlotThatSuitsItsLengthDaysAndTimes() {
        // Thursday 26/11 10:00-11:00 is freed.
        let freed = DateInterval(start: instant("2026-11-26T10:00"), end: instant("2026-11-26T11:00"))
        func fit(_ entry: WaitlistEntry) -> String? {
            entry.firstFit(in: freed, slotMinutes: 15, calendar: paris).map { paris.spokenSpan($0) }
        }
        #expect(fit(entry(1, minutes: 45, "")) == "10:00-10:45")
        #expect(fit(entry(2, minutes: 45, "thu 08:00-12:00")) == "10:00-10:45")
        #expect(fit(entry(3, minutes: 20, "mon")) == nil, "wrong day")
        #expect(fit(entry(4, minutes: 75, "")) == nil, "too long")
        #expect(fit(entry(5, minutes: 20, "14:00-19:00")) == nil, "wrong time")
        #expect(fit(entry(6, minutes: 20, "10:30-12:00")) == "10:30-10:50", "the first slot inside the preferred times")
        #expect(fit(entry(7, minutes: nil, "")) == "10:00-11:00", "no type: the whole freed time")
    }

    @Test func matchesAreFirstComeFirstServed() {
        let freed = DateInterval(start: instant("2026-11-26T10:00"), end: instant("2026-11-26T10:30"))
        let entries = [entry(1, minutes: 20, "", createdAt: "2026-11-10T10:00"),
                       entry(2, minutes: 45, "", createdAt: "2026-11-01T10:00"),
                       entry(3, minutes: 30, "thu", createdAt: "2026-11-05T10:00")]
        #expect(WaitlistMatch.matches(entries, freed: freed, slotMinutes: 15, calendar: paris).map(\.entry.id) == [3, 1])
    }
}
