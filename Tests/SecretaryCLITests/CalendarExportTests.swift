import Foundation
import Testing
import TestSupport

/// A demo database at Friday 20/03/2026 10:00, with appointments booked on both sides of
/// the three clock changes the issue names (29/03/2026, 25/10/2026, 28/03/2027).
enum DaylightSavingDemo {
    static let clock = "2026-03-20T10:00"
    /// The ISO weeks around each change: the week ending on the Sunday of the change and the next.
    static let weeks = ["2026-W13", "2026-W14", "2026-W43", "2026-W44", "2027-W12", "2027-W13"]

    static let path: String = {
        let path = Binaries.temporaryFolder().appendingPathComponent("dst.sqlite").path
        _ = try? secretary(["init", "--demo", "--clock-start", clock], db: path)
        for from in ["2026-03-27T08:00", "2026-03-30T09:00", "2026-10-23T17:00", "2026-10-26T08:00",
                     "2027-03-26T18:00", "2027-03-30T08:30"] {
            let slot = (try? secretary(["free-slots", "--client", "dr-martin", "--type", "consultation", "--from", from,
                                        "--count", "1", "--json", "--clock-start", clock], db: path).stdout) ?? ""
            let start = ((try? json(slot)) as? [[String: String]])?.first?["start"] ?? ""
            _ = try? secretary(["book", "--client", "dr-martin", "--phone", "06 99 00 11 22", "--name", "Zoé Daylight",
                                "--type", "consultation", "--at", start, "--clock-start", clock], db: path)
        }
        return path
    }()

    /// What `secretary agenda --json` shows for `week`: `2026-10-26 08:00 -> 2026-10-26 08:20 Consultation – Zoé Daylight`.
    static func agendaLines(_ week: String) throws -> [String] {
        let result = try secretary(["agenda", "--client", "dr-martin", "--week", week, "--json", "--clock-start", clock], db: path)
        let entries = (try json(result.stdout) as? [String: Any])?["appointments"] as? [[String: Any]] ?? []
        return entries.map { entry in
            let start = (entry["start"] as? String ?? "").replacingOccurrences(of: "T", with: " ")
            let end = (entry["end"] as? String ?? "").replacingOccurrences(of: "T", with: " ")
            return "\(start) -> \(end) \(entry["type"] as? String ?? "") – \(entry["contact"] as? String ?? "")"
        }
    }

    /// The export of `week`'s Monday to Sunday, names in full.
    static func export(_ week: String, privacy: String = "full") throws -> String {
        let monday = try mondayOf(week)
        let result = try secretary(["agenda", "export", "--client", "dr-martin", "--from", monday, "--to", sunday(after: monday),
                                    "--privacy", privacy, "--clock-start", clock], db: path)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static func mondayOf(_ week: String) throws -> String {
        let result = try secretary(["agenda", "--client", "dr-martin", "--week", week, "--json", "--clock-start", clock], db: path)
        let days = (try json(result.stdout) as? [String: Any])?["days"] as? [[String: Any]] ?? []
        return days.first?["date"] as? String ?? ""
    }

    static func sunday(after monday: String) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        guard let date = formatter.date(from: monday) else { return monday }
        return formatter.string(from: date.addingTimeInterval(6 * 86_400))
    }
}

func run(_ command: [String], environment: [String: String] = [:]) throws -> Binaries.Result {
    try Binaries.run("/usr/bin/env", command, environment: environment)
}

@Suite("The agenda in calendar programs", .serialized)
struct CalendarExportTests {
    @Test func calcurseShowsEveryAppointmentAtTheAgendasLocalTimeAcrossTheClockChanges() throws {
        var booked = 0
        for week in DaylightSavingDemo.weeks {
            let folder = Binaries.temporaryFolder()
            let file = folder.appendingPathComponent("\(week).ics")
            try DaylightSavingDemo.export(week).write(to: file, atomically: true, encoding: .utf8)
            // calcurse shows times in its process's zone, and the machine's is UTC.
            let imported = try run(["calcurse", "-D", folder.path, "-i", file.path], environment: ["TZ": "Europe/Paris"])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("0 skipped"), "\(imported.stdout)")
            let apts = (try? String(contentsOf: folder.appendingPathComponent("apts"), encoding: .utf8)) ?? ""
            // 10/26/2026 @ 08:00 -> 10/26/2026 @ 08:20>NOTEHASH |Consultation – Zoé Daylight
            let pattern = try NSRegularExpression(pattern: #"^(\d\d)/(\d\d)/(\d{4}) @ (\d\d:\d\d) -> (\d\d)/(\d\d)/(\d{4}) @ (\d\d:\d\d)(?:>\S+)? ?\|(.*)$"#)
            let shown = Set(apts.split(separator: "\n").map { line -> String in
                let text = String(line)
                guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return text }
                let f = (1...9).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
                return "\(f[2])-\(f[0])-\(f[1]) \(f[3]) -> \(f[6])-\(f[4])-\(f[5]) \(f[7]) \(f[8])"
            })
            let expected = try DaylightSavingDemo.agendaLines(week)
            #expect(!expected.isEmpty, "\(week) has appointments")
            booked += expected.filter { $0.hasSuffix("Zoé Daylight") }.count
            for line in expected { #expect(shown.contains(line), "\(week): calcurse lacks \(line)\n\(shown.sorted().prefix(5))") }
        }
        #expect(booked == 6, "the six appointments booked on both sides of the changes were exported")
    }

    @Test func khalShowsEveryAppointmentAtTheAgendasLocalTimeAcrossTheClockChanges() throws {
        let folder = Binaries.temporaryFolder()
        let calendar = folder.appendingPathComponent("cal")
        try FileManager.default.createDirectory(at: calendar, withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("khal.conf")
        try """
            [calendars]
            [[agenda]]
            path = \(calendar.path)
            [sqlite]
            path = \(folder.path)/khal.db
            [locale]
            local_timezone = Europe/Paris
            default_timezone = Europe/Paris
            timeformat = %H:%M
            dateformat = %Y-%m-%d
            longdateformat = %Y-%m-%d
            datetimeformat = %Y-%m-%d %H:%M
            longdatetimeformat = %Y-%m-%d %H:%M

            """.write(to: config, atomically: true, encoding: .utf8)
        for week in ["2026-W13", "2026-W14", "2026-W44", "2027-W13"] {
            let file = folder.appendingPathComponent("\(week).ics")
            try DaylightSavingDemo.export(week).write(to: file, atomically: true, encoding: .utf8)
            let imported = try run(["khal", "-c", config.path, "import", "--batch", "-a", "agenda", file.path])
            #expect(imported.status == 0, "\(imported.stderr)")
            let monday = try DaylightSavingDemo.mondayOf(week)
            let listed = try run(["khal", "-c", config.path, "list", monday, "7d", "-f", "{start} -> {end} {title}", "--day-format", ""])
            let shown = Set(listed.stdout.split(separator: "\n").map(String.init))
            let expected = try DaylightSavingDemo.agendaLines(week)
            #expect(!expected.isEmpty)
            for line in expected { #expect(shown.contains(line), "\(week): khal lacks \(line)\n\(listed.stdout.prefix(300))") }
        }
    }

    @Test func pythonsICalendarParsesTheExportAndFindsTheSameTimes() throws {
        let python = ProcessInfo.processInfo.environment["SECRETARY_ICAL_PYTHON"]
            ?? URL(fileURLWithPath: Binaries.secretary).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("ical-venv/bin/python").path
        #expect(FileManager.default.isExecutableFile(atPath: python), "scripts/test installs PyPI's icalendar in \(python)")
        let file = Binaries.temporaryFolder().appendingPathComponent("w44.ics")
        try DaylightSavingDemo.export("2026-W44", privacy: "initials").write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import sys, icalendar, zoneinfo
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            paris = zoneinfo.ZoneInfo('Europe/Paris')
            for e in cal.walk('VEVENT'):
                s = e.decoded('DTSTART').astimezone(paris)
                print(s.strftime('%Y-%m-%d %H:%M'), e.get('SEQUENCE'), e.get('STATUS'), e.get('UID'))
            """
        let parsed = try run([python, "-c", script, file.path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let starts = Set(parsed.stdout.split(separator: "\n").map { String($0.prefix(16)) })
        let expected = try DaylightSavingDemo.agendaLines("2026-W44").map { String($0.prefix(16)) }
        #expect(!expected.isEmpty)
        for start in expected { #expect(starts.contains(start), "icalendar lacks \(start)") }
    }
}

@Suite("What an exported calendar says", .serialized)
struct CalendarExportContentTests {
    /// The VEVENT whose UID is `uid`, unfolded.
    func event(_ uid: String, in text: String) -> String? {
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        return unfolded.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:\(uid)\r\n") }
    }

    @Test func anAppointmentKeepsItsUIDAcrossAMoveWhileSequenceAndLastModifiedChange() throws {
        let db = try freshDemo()
        let start = try #require(try freeStarts(db, type: "consultation", from: "2026-12-01T09:00", count: 2).first)
        let booked = try at10(["book", "--client", "dr-martin", "--phone", "06 55 44 33 22", "--name", "Anne-Sophie Du Pont, dite « Nanou »; test",
                               "--type", "consultation", "--at", start], db)
        let id = try #require(booked.stdout.split(whereSeparator: { !$0.isNumber }).first.map(String.init), "\(booked.stdout)\(booked.stderr)")
        let uid = "appointment-\(id).dr-martin@secretary"
        func export(_ privacy: String = "full", clock: String = "2026-11-23T10:00") throws -> String {
            let result = try secretary(["agenda", "export", "--client", "dr-martin", "--from", "2026-11-23", "--to", "2026-12-31",
                                        "--privacy", privacy, "--clock-start", clock], db: db)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        let first = try export()
        let before = try #require(event(uid, in: first))
        #expect(before.contains("SEQUENCE:0\r\n"))
        #expect(before.contains("SUMMARY:Consultation – Anne-Sophie Du Pont\\, dite « Nanou »\\; test\r\n"), "\(before)")
        #expect(before.contains("DTSTART;TZID=Europe/Paris:"))
        // Every line within 75 octets, CRLF ended; a second export is the same text.
        #expect(first.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(!first.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(try export() == first)

        let later = try #require(try freeStarts(db, type: "consultation", from: "2026-12-08T10:00", count: 1).first)
        let moved = try secretary(["move", id, "--to", later, "--clock-start", "2026-11-24T11:00"], db: db)
        #expect(moved.status == 0, "\(moved.stderr)")
        let after = try #require(event(uid, in: try export()))
        #expect(after.contains("SEQUENCE:1\r\n"))
        #expect(after.contains("LAST-MODIFIED:20261124T10"), "\(after)")  // 11:00 Paris is 10:00 UTC
        let compact = later.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        #expect(after.contains("DTSTART;TZID=Europe/Paris:\(compact)00\r\n"), "\(after)")

        let cancelled = try secretary(["cancel", id, "--reason", "empêchement", "--clock-start", "2026-11-24T12:00"], db: db)
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        let gone = try #require(event(uid, in: try export()))
        #expect(gone.contains("STATUS:CANCELLED\r\n") && gone.contains("SEQUENCE:2\r\n"))
        #expect(!gone.contains("empêchement"), "a cancellation reason never leaves the service")

        // Privacy: initials by default; busy says nothing of who.
        let initials = try #require(event(uid, in: try export("initials")))
        #expect(initials.contains("SUMMARY:Consultation – A.-S. "), "\(initials)")
        #expect(!initials.contains("Pont"))
        let busy = try export("busy")
        #expect(!busy.contains("Pont") && !busy.contains("Consultation") && !busy.contains("Lefèvre"))
        #expect(try #require(event(uid, in: busy)).contains("SUMMARY:Occupé\r\n"))
    }

    @Test func badInputIsOneLineAndNothingIsWritten() throws {
        let db = try freshDemo()
        let unknown = try at10(["agenda", "export", "--client", "nobody"], db)
        #expect(unknown.status != 0 && unknown.stdout.isEmpty)
        #expect(unknown.stderr.split(separator: "\n").count == 1, "\(unknown.stderr)")
        let badDate = try at10(["agenda", "export", "--client", "dr-martin", "--from", "tomorrow"], db)
        #expect(badDate.status != 0 && badDate.stderr.contains("from"), "\(badDate.stderr)")
        let badPrivacy = try at10(["agenda", "export", "--client", "dr-martin", "--privacy", "everything"], db)
        #expect(badPrivacy.status != 0)
        let file = Binaries.temporaryFolder().appendingPathComponent("out.ics")
        let written = try at10(["agenda", "export", "--client", "dr-martin", "--to-file", file.path], db)
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect((try String(contentsOf: file, encoding: .utf8)).hasPrefix("BEGIN:VCALENDAR\r\n"))
    }
}
