import Foundation
import Testing
@testable import SecretaryCore

@Suite("Booking rules: what may be booked, and why not")
struct BookingRulesTests {
    typealias F = AgendaFixture
    /// Early enough that every date these tests book is still ahead.
    let mondayMorning = instant("2026-11-02T07:00")

    func rules(_ schedule: AgendaSchedule = F.schedule(), now: Date? = nil) -> BookingRules {
        BookingRules(schedule: schedule, now: now ?? mondayMorning)
    }

    /// The violation a booking of `minutes` at `start` meets, or nil.
    func refusal(_ start: String, _ minutes: Int, _ rules: BookingRules, contact: Contact = F.contact(),
                 moving: Int64? = nil) -> RuleViolation? {
        do {
            try rules.check(start: instant(start), minutes: minutes, contact: contact, moving: moving)
            return nil
        } catch let violation as RuleViolation {
            return violation
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func aFreeSlotInsideTheHoursIsAccepted() {
        #expect(refusal("2026-11-23T10:00", 20, rules()) == nil)
        #expect(refusal("2026-11-23T11:40", 20, rules()) == nil, "ending exactly at noon fits")
        #expect(refusal("2026-11-28T12:15", 45, rules()) == nil, "Saturday 12:15 + 45 min ends at 13:00")
    }

    @Test func saturdayAtHalfPastTwelveForFortyFiveMinutesIsRefused() throws {
        let violation = try #require(refusal("2026-11-28T12:30", 45, rules()))
        #expect(violation.rule == .outsideOpeningHours)
        #expect(violation.reason == "a 45-minute appointment at Saturday 28/11/2026 at 12:30 would end at 13:15, "
                + "after 13:00 (Dr Test's hours on Saturday: 08:00-13:00)")
    }

    @Test func anAppointmentAcrossTheLunchBreakIsRefused() throws {
        let across = try #require(refusal("2026-11-23T11:45", 30, rules()))
        #expect(across.rule == .outsideOpeningHours)
        #expect(across.reason.contains("would end at 12:15, after 12:00"))
        #expect(across.reason.contains("08:00-12:00 14:00-19:00"))
        let inside = try #require(refusal("2026-11-23T12:30", 15, rules()))
        #expect(inside.rule == .outsideOpeningHours)
        #expect(inside.reason == "Monday 23/11/2026 at 12:30 is outside Dr Test's hours (Monday: 08:00-12:00 14:00-19:00)")
        #expect(refusal("2026-11-23T18:50", 15, rules())?.rule == .outsideOpeningHours, "past the evening closing")
        #expect(refusal("2026-11-23T07:45", 15, rules())?.rule == .outsideOpeningHours, "before opening")
    }

    @Test func sundayIsRefused() throws {
        let violation = try #require(refusal("2026-11-29T10:00", 20, rules()))
        #expect(violation.rule == .outsideOpeningHours)
        #expect(violation.reason == "Dr Test has no hours on Sunday 29/11/2026: nothing is booked that day")
    }

    @Test func anOverlapWithABookedAppointmentIsRefusedButTouchingIsFine() throws {
        let schedule = F.schedule(entries: [F.entry(1, "2026-11-23T10:00", 20, "Jean Dupont")])
        let overlap = try #require(refusal("2026-11-23T10:10", 20, rules(schedule)))
        #expect(overlap.rule == .overlapsAppointment)
        #expect(overlap.reason.contains("the slot is taken"))
        #expect(overlap.reason.contains("Jean Dupont's appointment 10:00-10:20"))
        #expect(refusal("2026-11-23T09:50", 20, rules(schedule))?.rule == .overlapsAppointment, "runs into it")
        #expect(refusal("2026-11-23T09:40", 20, rules(schedule)) == nil, "ends as it starts")
        #expect(refusal("2026-11-23T10:20", 20, rules(schedule)) == nil, "starts as it ends")
    }

    @Test func cancelledAppointmentsFreeTheirTimeButNoShowsDoNot() {
        let schedule = F.schedule(entries: [F.entry(1, "2026-11-23T10:00", 20, "Jean Dupont", status: .cancelled),
                                            F.entry(2, "2026-11-23T11:00", 20, "Paul Roux", status: .noShow)])
        #expect(refusal("2026-11-23T10:00", 20, rules(schedule)) == nil)
        #expect(refusal("2026-11-23T11:00", 20, rules(schedule))?.rule == .overlapsAppointment)
    }

    @Test func aMovedAppointmentDoesNotCollideWithItself() {
        let schedule = F.schedule(entries: [F.entry(1, "2026-11-23T10:00", 20, "Jean Dupont")])
        #expect(refusal("2026-11-23T10:10", 20, rules(schedule), moving: 1) == nil)
        #expect(refusal("2026-11-23T10:10", 20, rules(schedule), moving: 2)?.rule == .overlapsAppointment)
    }

    @Test func anAbsenceOfTheAgendaIsRefused() throws {
        let schedule = F.schedule(absences: [F.absence("2026-11-24T08:00", "2026-11-25T12:00", "Congrès de cardiologie")])
        let violation = try #require(refusal("2026-11-24T15:00", 20, rules(schedule)))
        #expect(violation.rule == .inAbsence)
        #expect(violation.reason == "Dr Test is away from Tuesday 24/11/2026 at 08:00 to Wednesday 25/11/2026 at 12:00 "
                + "(Congrès de cardiologie): Tuesday 24/11/2026 at 15:00 cannot be booked")
        #expect(refusal("2026-11-25T14:00", 20, rules(schedule)) == nil, "the afternoon after it is free")
        #expect(refusal("2026-11-23T18:40", 20, rules(schedule)) == nil, "the evening before it is free")
    }

    @Test("Public holidays are refused", arguments: [("2026-12-25T10:00", "Noël"), ("2026-11-11T10:00", "Armistice"),
                                                     ("2027-03-29T10:00", "Lundi de Pâques")])
    func publicHolidaysAreRefused(start: String, name: String) throws {
        let violation = try #require(refusal(start, 20, rules(F.schedule(from: String(start.prefix(10)), days: 1))))
        #expect(violation.rule == .onPublicHoliday)
        #expect(violation.reason.contains("is a public holiday (\(name))"))
    }

    @Test func theBelgianNationalDayIsAHolidayForABelgianClientOnly() {
        let belgian = F.client(country: .be)
        let brussels = instant("2026-07-21T10:00", "Europe/Brussels")
        let schedule = F.schedule(from: "2026-07-20", days: 3, client: belgian)
        let now = instant("2026-07-01T10:00")
        #expect(throws: RuleViolation(.onPublicHoliday, "Tuesday 21/07/2026 is a public holiday (Fête nationale): nothing is booked that day")) {
            try BookingRules(schedule: schedule, now: now).check(start: brussels, minutes: 20, contact: F.contact())
        }
        #expect(refusal("2026-07-21T10:00", 20, rules(F.schedule(from: "2026-07-20", days: 3), now: now)) == nil)
    }

    @Test func aStartInThePastIsRefused() throws {
        let now = instant("2026-11-23T10:30")
        let violation = try #require(refusal("2026-11-23T10:15", 15, rules(now: now)))
        #expect(violation.rule == .inThePast)
        #expect(violation.reason == "Monday 23/11/2026 at 10:15 is in the past: it is now Monday 23/11/2026 at 10:30")
        #expect(refusal("2026-11-23T10:30", 15, rules(now: now)) == nil, "starting now is allowed")
    }

    @Test func aBlacklistedContactIsRefused() throws {
        let violation = try #require(refusal("2026-11-23T10:00", 20, rules(), contact: F.contact("Paul Roux", blacklisted: true)))
        #expect(violation.rule == .blacklistedContact)
        #expect(violation.reason == "Paul Roux is on Cabinet du Dr Test's blacklist: no appointment may be booked for this contact")
    }

    @Test func anAgendaWithItsOwnHoursIsNarrowerThanTheClient() throws {
        // Dr Test's associate works Tuesday afternoons, and Thursdays 10:00-16:00, which the
        // practice's lunch break cuts in two.
        let agenda = F.agenda(hours: "tue 14:00-19:00; thu 10:00-16:00")
        let schedule = F.schedule(agenda: agenda)
        #expect(refusal("2026-11-24T15:00", 20, rules(schedule)) == nil)
        #expect(refusal("2026-11-24T10:00", 20, rules(schedule))?.rule == .outsideOpeningHours)
        #expect(refusal("2026-11-23T15:00", 20, rules(schedule))?.reason == "Dr Test has no hours on Monday 23/11/2026: nothing is booked that day")
        #expect(schedule.weeklyRanges(on: .thursday).map(\.description) == ["10:00-12:00", "14:00-16:00"])
        #expect(refusal("2026-11-26T12:30", 20, rules(schedule))?.rule == .outsideOpeningHours, "the practice's lunch break still holds")
    }

    @Test func refusalsComeInAUsefulOrder() {
        // A blacklisted contact at a past time on a holiday: the contact is the first thing to say.
        let now = instant("2026-12-26T10:00")
        #expect(refusal("2026-12-25T10:00", 20, rules(F.schedule(from: "2026-12-21"), now: now),
                        contact: F.contact("Paul Roux", blacklisted: true))?.rule == .blacklistedContact)
        #expect(refusal("2026-12-25T10:00", 20, rules(F.schedule(from: "2026-12-21"), now: now))?.rule == .inThePast)
    }
}
