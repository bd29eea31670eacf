import Foundation
import Testing
@testable import SecretaryCore

@Suite("The week grid")
struct WeekGridTests {
    typealias F = AgendaFixture

    func grid(_ monday: String, entries: [AppointmentDetails] = [], absences: [Absence] = [], client: Client = F.client(),
              agenda: Agenda = F.agenda()) -> WeekGrid {
        WeekGrid(schedule: F.schedule(from: monday, days: 7, client: client, agenda: agenda, entries: entries, absences: absences),
                 week: F.date(monday))
    }

    func row(_ grid: WeekGrid, _ time: String) -> Int { grid.rows.firstIndex(of: try! TimeOfDay(parsing: time))! }

    @Test func sixDaysAndRowsFromEarliestOpeningToLatestClosing() {
        let week = grid("2026-11-25")  // any day of the week lays out its Monday-Saturday
        #expect(week.monday == F.date("2026-11-23"))
        #expect(week.days.map(\.date.description) == ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28"])
        #expect(week.rows.first?.description == "08:00")
        #expect(week.rows.last?.description == "18:45")
        #expect(week.rows.count == 44)
        #expect(week.days[0].ranges.map(\.description) == ["08:00-12:00", "14:00-19:00"])
        #expect(week.days[5].ranges.map(\.description) == ["08:00-13:00"])
        #expect(!week.days.contains { $0.isClosed })
    }

    @Test func cellsShowClosedFreeAbsenceAndAppointments() {
        let week = grid("2026-11-23", entries: [F.entry(9, "2026-11-23T10:00", 20, "Jean Dupont")],
                        absences: [F.absence("2026-11-26T14:00", "2026-11-26T16:00", "Formation")])
        #expect(week.cell(day: 0, row: row(week, "08:00")) == .free)
        #expect(week.cell(day: 0, row: row(week, "12:00")) == .closed)
        #expect(week.cell(day: 0, row: row(week, "13:45")) == .closed)
        #expect(week.cell(day: 5, row: row(week, "12:45")) == .free)
        #expect(week.cell(day: 5, row: row(week, "13:00")) == .closed)
        let first = week.cell(day: 0, row: row(week, "10:00")).booking
        let second = week.cell(day: 0, row: row(week, "10:15")).booking
        #expect(first?.id == 9 && first?.contactName == "Jean Dupont" && first?.colour == 2 && first?.isFirstRow == true)
        #expect(second?.id == 9 && second?.isFirstRow == false, "a 20-minute appointment spans two quarter-hour rows")
        #expect(week.cell(day: 0, row: row(week, "10:30")) == .free)
        #expect(week.cell(day: 3, row: row(week, "14:00")) == .absence("Formation"))
        #expect(week.cell(day: 3, row: row(week, "15:45")) == .absence("Formation"))
        #expect(week.cell(day: 3, row: row(week, "16:00")) == .free)
        #expect(week.cell(day: 3, row: row(week, "11:45")) == .free)
    }

    @Test func aHolidayIsAClosedDayWithItsName() {
        let week = grid("2026-12-21")
        let christmas = week.days[4]
        #expect(christmas.date == F.date("2026-12-25"))
        #expect(christmas.isClosed && christmas.holiday == "Noël")
        #expect(week.rows.indices.allSatisfy { week.cell(day: 4, row: $0) == .closed })
        #expect(week.days[3].holiday == nil && !week.days[3].isClosed)
        #expect(week.rows.count == 44, "a holiday does not change the week's shape")
    }

    @Test func anAgendaOffDayIsClosedAndAnAppointmentOutsideTheHoursIsStillShown() {
        let agenda = F.agenda(hours: "mon-fri 09:00-12:00")
        let week = grid("2026-11-23", entries: [F.entry(4, "2026-11-24T17:00", 30, "Paul Roux")], agenda: agenda)
        #expect(week.days[5].isClosed && week.days[5].holiday == nil)
        #expect(week.rows.first?.description == "09:00")
        #expect(week.rows.last?.description == "17:15", "rows reach the appointment booked before the hours changed")
        #expect(week.cell(day: 1, row: row(week, "17:00")).booking?.id == 4)
        #expect(week.cell(day: 1, row: row(week, "16:45")) == .closed)
    }

    @Test func positionsAndIntervalsAgree() throws {
        let week = grid("2026-11-23")
        let position = try #require(week.position(of: instant("2026-11-24T10:07")))
        #expect(position == WeekGrid.Position(day: 1, row: row(week, "10:00")))
        #expect(week.interval(at: position) == DateInterval(start: instant("2026-11-24T10:00"), end: instant("2026-11-24T10:15")))
        #expect(week.position(of: instant("2026-11-29T10:00")) == nil, "Sunday is not in the grid")
        #expect(week.position(of: instant("2026-11-24T07:00")) == nil, "before the first row")
        #expect(week.dayIndex(of: F.date("2026-11-28")) == 5)
    }

    @Test func theCursorSelectsAFreeSlotOrAWholeAppointmentAbsenceOrClosedStretch() {
        let week = grid("2026-11-23", entries: [F.entry(9, "2026-11-23T10:00", 45, "Jean Dupont"),
                                                F.entry(10, "2026-11-23T10:45", 20, "Paul Roux")],
                        absences: [F.absence("2026-11-26T14:00", "2026-11-26T16:00", "Formation")])
        func selected(_ day: Int, _ time: String) -> String {
            let rows = week.rowsSelected(at: WeekGrid.Position(day: day, row: row(week, time)))
            return "\(week.rows[rows.lowerBound])-\(week.rows[rows.upperBound])"
        }
        #expect(selected(0, "09:45") == "09:45-09:45", "a free slot alone")
        #expect(selected(0, "10:15") == "10:00-10:30", "the appointment's three rows, from any of them")
        #expect(selected(0, "10:45") == "10:45-11:00", "the next one, back to back, apart")
        #expect(selected(3, "15:00") == "14:00-15:45", "the absence")
        #expect(selected(0, "12:30") == "12:00-13:45", "lunch, closed")
        #expect(selected(5, "13:00") == "13:00-18:45", "Saturday afternoon, to the grid's last row")
        #expect(selected(0, "08:00") == "08:00-08:00", "the first row")
    }
}

/// Daylight saving: the last Sundays of March and October. The grid is laid out in local
/// time, so the week before and the week after a change look alike and an appointment at
/// 09:00 stays on the 09:00 row, though its UTC instant moves by an hour.
@Suite("The week grid across daylight saving changes")
struct WeekGridDaylightSavingTests {
    typealias F = AgendaFixture
    static let paris = try! LocalCalendar(identifier: "Europe/Paris")

    @Test("The weeks either side of a change lay out alike", arguments: [
        ("2026-03-29", "2026-03-27", "2026-03-30"),  // spring forward: +01:00 to +02:00
        ("2026-10-25", "2026-10-23", "2026-10-26"),  // fall back: +02:00 to +01:00
        ("2027-03-28", "2027-03-26", "2027-03-30"),  // spring forward on Easter Sunday; Monday is a holiday
    ])
    func weeksAroundAChange(sunday: String, fridayBefore: String, dayAfter: String) throws {
        let changeDay = F.date(sunday)
        #expect(changeDay.weekday == .sunday)
        let before = instant("\(fridayBefore)T09:00"), after = instant("\(dayAfter)T09:00")
        // The same local time is an hour apart in UTC (seconds between them are not whole days).
        let days = F.date(dayAfter).dayNumber - F.date(fridayBefore).dayNumber
        #expect(abs(after.timeIntervalSince(before) - Double(days * 86_400)) == 3_600)

        let entries = [F.entry(1, "\(fridayBefore)T09:00", 20, "Avant Changement"),
                       F.entry(2, "\(dayAfter)T09:00", 20, "Après Changement")]
        let schedule = F.schedule(from: changeDay.adding(days: -6).description, days: 14, entries: entries)
        let weekBefore = WeekGrid(schedule: schedule, week: changeDay.adding(days: -6))
        let weekAfter = WeekGrid(schedule: schedule, week: changeDay.adding(days: 1))
        #expect(weekBefore.days.last?.date == changeDay.adding(days: -1))
        #expect(weekAfter.monday == changeDay.adding(days: 1))
        #expect(weekBefore.rows == weekAfter.rows)
        #expect(weekBefore.rows.first?.description == "08:00" && weekBefore.rows.count == 44)

        let nine = weekBefore.rows.firstIndex(of: try TimeOfDay(parsing: "09:00"))!
        let fridayColumn = weekBefore.dayIndex(of: F.date(fridayBefore))!
        let afterColumn = weekAfter.dayIndex(of: F.date(dayAfter))!
        #expect(weekBefore.cell(day: fridayColumn, row: nine).booking?.id == 1)
        #expect(weekAfter.cell(day: afterColumn, row: nine).booking?.id == 2)
        #expect(weekBefore.cell(day: fridayColumn, row: nine + 1).booking?.isFirstRow == false)
        #expect(weekBefore.cell(day: fridayColumn, row: nine - 1) == .free)
        #expect(weekAfter.cell(day: afterColumn, row: nine + 2) == .free)
        #expect(weekAfter.interval(at: WeekGrid.Position(day: afterColumn, row: nine)).start == after)
        #expect(weekAfter.position(of: after) == WeekGrid.Position(day: afterColumn, row: nine))
        #expect(Self.paris.timeOfDay(of: after).description == "09:00")

        // Every open cell is exactly one slot long on both sides.
        for week in [weekBefore, weekAfter] {
            for day in week.days.indices where !week.days[day].isClosed {
                for row in week.rows.indices {
                    #expect(week.interval(at: WeekGrid.Position(day: day, row: row)).duration == 900)
                }
            }
        }
    }

    @Test func easterMondayAfterTheSpringChangeOf2027IsClosed() {
        let schedule = F.schedule(from: "2027-03-29", days: 7)
        let week = WeekGrid(schedule: schedule, week: F.date("2027-03-29"))
        #expect(week.days[0].holiday == "Lundi de Pâques" && week.days[0].isClosed)
        #expect(week.rows.indices.allSatisfy { week.cell(day: 0, row: $0) == .closed })
        #expect(week.cell(day: 1, row: 4) == .free)
    }

    @Test func freeSlotsAcrossAChangeStayOnLocalTime() {
        let schedule = F.schedule(from: "2026-10-19", days: 14)
        let slots = FreeSlots.next(2, minutes: 30, from: instant("2026-10-24T12:45"), in: schedule, now: instant("2026-10-01T00:00"))
        #expect(slots.map { Self.paris.localDateTime(of: $0.start).description } == ["2026-10-26T08:00", "2026-10-26T08:15"])
        #expect(slots.first?.duration == 1_800)
    }
}
