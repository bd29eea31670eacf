import Foundation
import Testing
import TestSupport

@Suite("A practitioner's own calendar turned into absences", .serialized)
struct AbsenceImportTests {
    static let calendar = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
        BEGIN:VEVENT\r
        UID:tennis@example.com\r
        DTSTART;TZID=Europe/Paris:20261124T090000\r
        DTEND;TZID=Europe/Paris:20261124T100000\r
        RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270409T000000Z\r
        EXDATE;TZID=Europe/Paris:20261126T090000\r
        SUMMARY:Tennis (private)\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        UID:tennis@example.com\r
        RECURRENCE-ID;TZID=Europe/Paris:20261201T090000\r
        DTSTART;TZID=Europe/Paris:20261201T140000\r
        DTEND;TZID=Europe/Paris:20261201T150000\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        UID:school@example.com\r
        DTSTART:20261125T170000Z\r
        DURATION:PT30M\r
        RRULE:FREQ=DAILY;COUNT=3\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        UID:cancelled@example.com\r
        DTSTART;TZID=Europe/Paris:20261130T110000\r
        DTEND;TZID=Europe/Paris:20261130T120000\r
        STATUS:CANCELLED\r
        END:VEVENT\r
        END:VCALENDAR\r

        """

    @Test func recurringEventsBecomeAbsencesAtTheirLocalTimeAndASecondImportChangesNothing() throws {
        let db = try freshDemo()
        let file = Binaries.temporaryFolder().appendingPathComponent("own.ics")
        try Self.calendar.write(to: file, atomically: true, encoding: .utf8)
        let first = try at10(["absence", "import", "--client", "dr-martin", file.path], db)
        #expect(first.status == 0, "\(first.stderr)")
        // Tue/Thu from 24/11 to 08/04 is 40 days, less the EXDATE; the moved one stays one; 3 daily.
        #expect(first.stdout.hasPrefix("Dr Claire Martin: 42 absences added, 0 moved, 0 unchanged"), "\(first.stdout)")
        #expect(first.stdout.contains("Already booked in those times, to move:"))
        let listed = try at10(["absence", "list", "--client", "dr-martin", "--json"], db)
        let absences = try #require(try json(listed.stdout) as? [[String: Any]]).map { $0.compactMapValues { $0 as? String } }
        let starts = Set(absences.map { $0["start"] ?? "" })
        #expect(starts.contains("2026-11-24T09:00") && !starts.contains("2026-11-26T09:00"), "EXDATE honoured")
        #expect(starts.contains("2026-12-01T14:00") && !starts.contains("2026-12-01T09:00"), "the moved occurrence")
        #expect(starts.contains("2027-03-25T09:00") && starts.contains("2027-03-30T09:00"), "09:00 on both sides of 28/03/2027")
        #expect(starts.contains("2026-11-25T18:00") && starts.contains("2026-11-27T18:00") && !starts.contains("2026-11-28T18:00"))
        #expect(!starts.contains("2026-11-30T11:00"), "a cancelled event holds no time")
        #expect(absences.allSatisfy { $0["reason"] == "agenda personnel" }, "the events' titles stay private")

        let again = try at10(["absence", "import", "--client", "dr-martin", file.path], db)
        #expect(again.stdout.hasPrefix("Dr Claire Martin: 0 absences added, 0 moved, 42 unchanged"), "\(again.stdout)")
        #expect(try at10(["absence", "list", "--client", "dr-martin", "--json"], db).stdout == listed.stdout)

        // Nothing is booked over them.
        let booked = try at10(["book", "--client", "dr-martin", "--phone", "06 12 34 56 78", "--type", "consultation",
                               "--at", "2026-12-08T09:15"], db)
        #expect(booked.status != 0 && (booked.stderr.contains("absence") || booked.stderr.contains("away")), "\(booked.stderr)")
    }

    @Test func aBrokenFileIsOneLineNamingTheLine() throws {
        let db = try freshDemo()
        let file = Binaries.temporaryFolder().appendingPathComponent("bad.ics")
        try "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2026-13-45\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let before = try contentsBesidesSignIns(db)
        let refused = try at10(["absence", "import", "--client", "dr-martin", file.path], db)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("bad.ics: line 4: date"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try contentsBesidesSignIns(db) == before)
    }
}

/// The database's rows but for the sign-in's own audit entries: every command signs its
/// person in, and that is recorded even when the command then refuses.
func contentsBesidesSignIns(_ path: String) throws -> String {
    try contents(path).split(separator: "\n").filter { !($0.hasPrefix("INSERT INTO audit") && $0.contains(",'sign-in',")) }
        .joined(separator: "\n")
}
