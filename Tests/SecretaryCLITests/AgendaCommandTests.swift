import Foundation
import Testing
import TestSupport

/// A fresh demo database at Monday 23/11/2026 10:00 (Paris), for a test that writes.
func freshDemo() throws -> String {
    let path = Binaries.temporaryFolder().appendingPathComponent("agenda.sqlite").path
    let made = try secretary(["init", "--demo", "--clock-start", "2026-11-23T10:00"], db: path)
    #expect(made.status == 0, "\(made.stderr)")
    return path
}

/// `secretary ARGS` at the demo's Monday 10:00.
func at10(_ arguments: [String], _ db: String) throws -> Binaries.Result {
    try secretary(arguments + ["--clock-start", "2026-11-23T10:00"], db: db)
}

func sql(_ db: String, _ query: String) throws -> String {
    try Binaries.run("/usr/bin/env", ["sqlite3", db, query]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
}

func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

/// The next free starts (local `2026-11-23T10:00`) for `type` from `from`, as `free-slots` gives them.
func freeStarts(_ db: String, client: String = "dr-martin", agenda: String? = nil, type: String, from: String, count: Int) throws -> [String] {
    let result = try at10(["free-slots", "--client", client, "--type", type, "--from", from, "--count", "\(count)", "--json"]
                          + (agenda.map { ["--agenda", $0] } ?? []), db)
    return (try json(result.stdout) as? [[String: String]] ?? []).compactMap { $0["start"] }
}

@Suite("The agenda on the command line", .serialized)
struct AgendaCommandTests {
    static let demo: String = (try? freshDemo()) ?? ""

    @Test func aWeekPrintsInEightyColumnsWithItsAppointments() throws {
        let result = try at10(["agenda", "--client", "dr-martin", "--week", "2026-W48"], Self.demo)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        #expect(lines[0].hasPrefix("Cabinet du Dr Martin · Dr Claire Martin · week 2026-W48 (23/11 to 28/11/2026)"))
        #expect(lines[1] == "       *Mon 23/11  Tue 24/11   Wed 25/11   Thu 26/11   Fri 27/11   Sat 28/11")
        #expect(lines[2].hasPrefix("08:00  "))
        #expect(lines.contains { $0.hasPrefix("18:45  ") })
        #expect(lines.contains("12:00"), "12:00 is closed all week: lunch on weekdays, and Saturday closes at noon")
        #expect(result.stdout.contains("Marie Lefèvre, Visite à domicile"))
        // The same week by any of its dates, and the other agenda by part of its name.
        #expect(try at10(["agenda", "--client", "dr-martin", "--week", "2026-11-26"], Self.demo).stdout == result.stdout)
        let hugo = try at10(["agenda", "--client", "dr-martin", "--agenda", "hugo", "--week", "2026-W48"], Self.demo)
        #expect(hugo.stdout.hasPrefix("Cabinet du Dr Martin · Dr Hugo Martin"))
    }

    @Test func helpListsTheAgendaCommands() throws {
        let help = try secretary(["--help"])
        for command in ["agenda", "book", "move", "cancel", "no-show", "free-slots", "absence", "waitlist"] {
            #expect(help.stdout.contains("  \(command) "), "\(command)")
        }
        #expect(try secretary(["help", "book"]).stdout.contains("--phone"))
    }

    @Test func aWeekInJSONHasItsDaysHolidaysAndAppointments() throws {
        let result = try at10(["agenda", "--client", "dr-martin", "--week", "2026-W52", "--json"], Self.demo)
        let week = try #require(try json(result.stdout) as? [String: Any])
        #expect(week["week"] as? String == "2026-W52")
        #expect(week["timeZone"] as? String == "Europe/Paris")
        let days = try #require(week["days"] as? [[String: Any]])
        #expect(days.map { $0["date"] as? String } == ["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24", "2026-12-25", "2026-12-26"])
        #expect(days[4]["holiday"] as? String == "Noël")
        #expect((days[4]["hours"] as? [String])?.isEmpty == true)
        #expect(days[0]["hours"] as? [String] == ["08:00-12:00", "14:00-19:00"])

        let booked = try at10(["agenda", "--client", "dr-martin", "--week", "2026-W48", "--json"], Self.demo)
        let appointments = try #require((try json(booked.stdout) as? [String: Any])?["appointments"] as? [[String: Any]])
        #expect(appointments.count > 20)
        #expect(appointments.allSatisfy { ($0["contact"] as? String)?.isEmpty == false && $0["status"] as? String != "cancelled" })
        #expect(appointments.contains { $0["contact"] as? String == "Marie Lefèvre" })
    }

    @Test func bookMoveAndCancel() throws {
        let db = try freshDemo()
        let evening = try #require(try freeStarts(db, type: "consultation", from: "2026-12-03T18:30", count: 1).first)
        let booked = try at10(["book", "--client", "dr-martin", "--phone", "06 12 34 56 78", "--type", "CONSULTATION",
                               "--at", evening, "--note", "Rappeler la veille"], db)
        #expect(booked.status == 0, "\(booked.stderr)")
        let id = booked.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(id) != nil, "prints the appointment id alone: \(booked.stdout)")
        #expect(booked.stderr.isEmpty)
        // --at is the client's local time: Paris is an hour ahead of UTC in December.
        #expect(try sql(db, "SELECT strftime('%Y-%m-%dT%H:%M', start_at + 3600, 'unixepoch'), status, created_by FROM appointment WHERE id = \(id)")
                == "\(evening)|booked|admin")
        #expect(try sql(db, "SELECT action FROM audit WHERE object_type = 'appointment' AND object_id = '\(id)'") == "book")

        // Free the Friday 08:00 slot first (the demo may have booked it), then move there.
        for other in try sql(db, """
            SELECT id FROM appointment WHERE agenda_id = 1 AND status = 'booked'
            AND start_at < strftime('%s', '2026-12-04 07:20:00') AND end_at > strftime('%s', '2026-12-04 07:00:00')
            """).split(separator: "\n") {
            #expect(try at10(["cancel", String(other), "--reason", "Place libérée pour le test"], db).status == 0)
        }
        let moved = try at10(["move", id, "--to", "2026-12-04T08:00"], db)
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout == "Moved appointment \(id) (Marie Lefèvre) to Friday 04/12/2026 at 08:00.\n")
        #expect(try sql(db, "SELECT datetime(start_at, 'unixepoch'), datetime(end_at, 'unixepoch') FROM appointment WHERE id = \(id)")
                == "2026-12-04 07:00:00|2026-12-04 07:20:00")

        let contact = try sql(db, "SELECT id FROM contact WHERE client_id = 'dr-martin' AND blacklisted = 0 ORDER BY id DESC LIMIT 1")
        let waiting = try at10(["waitlist", "add", "--client", "dr-martin", "--contact", contact, "--type", "renouvellement",
                                "--when", "fri 08:00-12:00"], db)
        #expect(waiting.status == 0, "\(waiting.stderr)")
        let cancelled = try at10(["cancel", id, "--reason", "Empêchement"], db)
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(cancelled.stdout.hasPrefix("Cancelled appointment \(id) (Marie Lefèvre, Friday 04/12/2026 at 08:00)."))
        #expect(cancelled.stdout.contains("Waiting list: "))
        #expect(cancelled.stdout.contains("could take Friday 04/12/2026 at 08:00-08:15, Renouvellement"))
        #expect(try sql(db, "SELECT status, cancel_reason FROM appointment WHERE id = \(id)") == "cancelled|Empêchement")
    }

    @Test func anUnknownNumberWithANameCreatesTheContact() throws {
        let db = try freshDemo()
        let slot = try #require(try freeStarts(db, client: "kine-dubois", agenda: "Lefèvre", type: "bilan", from: "2026-11-24T09:00", count: 1).first)
        let booked = try at10(["book", "--client", "kine-dubois", "--agenda", "Lefèvre", "--phone", "07 98 76 54 32",
                               "--name", "Anaïs Da Costa", "--type", "bilan", "--at", slot], db)
        #expect(booked.status == 0, "\(booked.stderr)")
        let found = try secretary(["contacts", "find", "07 98 76 54 32", "--client", "kine-dubois", "--json"], db: db)
        let contacts = try #require(try json(found.stdout) as? [[String: Any]])
        #expect(contacts.count == 1 && contacts.first?["lastName"] as? String == "Costa")
        #expect(try sql(db, "SELECT a.name FROM appointment JOIN agenda a ON a.id = appointment.agenda_id WHERE appointment.id = \(booked.stdout.trimmingCharacters(in: .newlines))")
                == "Marc-Antoine Lefèvre")
    }

    @Test func freeSlotsSkipClosedAndBookedTime() throws {
        let result = try at10(["free-slots", "--client", "dr-martin", "--type", "visite", "--from", "2026-11-28T11:00",
                               "--count", "3", "--json"], Self.demo)
        #expect(result.status == 0, "\(result.stderr)")
        let slots = try #require(try json(result.stdout) as? [[String: String]])
        #expect(slots.count == 3)
        for slot in slots {
            let start = try #require(slot["start"]), end = try #require(slot["end"])
            #expect(start >= "2026-11-30", "Saturday closes at noon and Sunday is closed: \(start)")
            #expect(!(start.hasSuffix("T12:00") || end > String(start.prefix(11)) + "19:00"))
        }
        let text = try at10(["free-slots", "--client", "dr-martin", "--type", "consultation", "--count", "2"], Self.demo)
        #expect(text.stdout.split(separator: "\n").count == 2)
        #expect(text.stdout.hasPrefix("Monday 23/11/2026  "))
    }

    @Test func anAbsenceIsListedAndRefusesBookings() throws {
        let db = try freshDemo()
        let added = try at10(["absence", "add", "--client", "dr-martin", "--agenda", "Dr Hugo Martin", "--from", "2026-12-07",
                              "--to", "2026-12-08", "--reason", "Formation"], db)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("Absence 1: Dr Hugo Martin away from Monday 07/12/2026 at 00:00 to Wednesday 09/12/2026 at 00:00 (Formation)."))
        #expect(added.stdout.contains("Already booked in it, to move:"))
        let list = try at10(["absence", "list", "--client", "dr-martin", "--agenda", "hugo"], db)
        #expect(list.stdout.contains("Formation"))
        let refused = try at10(["book", "--client", "dr-martin", "--agenda", "hugo", "--contact", "5", "--type", "consultation",
                                "--at", "2026-12-08T18:40"], db)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Dr Hugo Martin is away from Monday 07/12/2026 at 00:00"))
    }

    @Test("A refused agenda command exits non-zero with one line and writes nothing", arguments: [
        (["book", "--client", "dr-martin", "--contact", "5", "--type", "visite", "--at", "2026-11-28T11:30"],
         "a 45-minute appointment at Saturday 28/11/2026 at 11:30 would end at 12:15, after 12:00"),
        (["book", "--client", "dr-martin", "--contact", "5", "--type", "consultation", "--at", "2026-11-30T11:50"],
         "would end at 12:10, after 12:00 (Dr Claire Martin's hours on Monday: 08:00-12:00 14:00-19:00)"),
        (["book", "--client", "dr-martin", "--contact", "5", "--type", "consultation", "--at", "2026-11-29T10:00"],
         "Dr Claire Martin has no hours on Sunday 29/11/2026"),
        (["book", "--client", "dr-martin", "--contact", "5", "--type", "consultation", "--at", "2026-12-25T10:00"],
         "Friday 25/12/2026 is a public holiday (Noël)"),
        (["book", "--client", "dr-martin", "--contact", "5", "--type", "consultation", "--at", "2026-11-23T09:00"],
         "Monday 23/11/2026 at 09:00 is in the past"),
        (["book", "--client", "dr-martin", "--contact", "BLACKLISTED", "--type", "consultation", "--at", "2026-12-03T18:40"],
         "blacklist: no appointment may be booked for this contact"),
        (["book", "--client", "dr-martin", "--contact", "5", "--type", "consultation", "--at", "TAKEN"],
         "the slot is taken: "),
        (["book", "--client", "dr-martin", "--phone", "07 99 99 99 99", "--type", "consultation", "--at", "2026-12-03T18:40"],
         "no contact of dr-martin has the number 07 99 99 99 99; give a name to create one"),
        (["book", "--client", "dr-martin", "--phone", "07 99 99 99 99", "--name", "Zoé Nouvelle", "--type", "consultation",
          "--at", "2026-12-06T10:00"], "has no hours on Sunday"),
        (["book", "--client", "dr-martin", "--contact", "5", "--phone", "0612345678", "--type", "consultation", "--at", "2026-12-03T18:40"],
         "give either --contact ID or --phone NUMBER"),
        (["book", "--client", "dr-martin", "--contact", "5", "--type", "dentiste", "--at", "2026-12-03T18:40"],
         "client 'dr-martin' has no appointment type 'dentiste': its types are Consultation, Première consultation"),
        (["book", "--client", "dr-martin", "--agenda", "zorro", "--contact", "5", "--type", "consultation", "--at", "2026-12-03T18:40"],
         "client 'dr-martin' has no agenda 'zorro': its agendas are Dr Claire Martin (1), Dr Hugo Martin (2)"),
        (["book", "--client", "dr-martin", "--contact", "5", "--type", "consultation", "--at", "2026-12-03 18:40"],
         "invalid date and time '2026-12-03 18:40': expected YYYY-MM-DDTHH:MM"),
        (["book", "--client", "dr-nobody", "--contact", "5", "--type", "consultation", "--at", "2026-12-03T18:40"],
         "unknown client 'dr-nobody'"),
        (["move", "TAKEN_ID", "--to", "2026-11-29T10:00"], "has no hours on Sunday 29/11/2026"),
        (["move", "abc", "--to", "2026-12-03T18:40"], "invalid appointment id 'abc': expected a number"),
        (["move", "999999", "--to", "2026-12-03T18:40"], "there is no appointment 999999"),
        (["cancel", "TAKEN_ID", "--reason", " "], "invalid reason ' ': say why the appointment is cancelled"),
        (["no-show", "TAKEN_ID"], "a no-show is marked once it has started"),
        (["free-slots", "--client", "dr-martin", "--type", "consultation", "--from", "demain"],
         "invalid date and time 'demain': expected YYYY-MM-DDTHH:MM or YYYY-MM-DD"),
        (["agenda", "--client", "dr-martin", "--week", "2026-W60"], "invalid week '2026-W60'"),
        (["absence", "add", "--client", "dr-martin", "--from", "2026-12-10", "--to", "2026-12-01T10:00", "--reason", "Congrès"],
         "invalid absence end"),
        (["absence", "add", "--client", "dr-martin", "--from", "2026-12-10", "--to", "2026-12-11", "--reason", ""],
         "invalid reason '': say why the practitioner is away"),
        (["waitlist", "add", "--client", "dr-martin", "--contact", "5", "--when", "le matin"], "invalid preferences 'le'"),
    ])
    func refusalsWriteNothing(arguments: [String], reason: String) throws {
        let db = Self.demo
        // A booked appointment of Dr Claire Martin in the future, and a blacklisted contact.
        let taken = try sql(db, """
            SELECT id FROM appointment
            WHERE agenda_id = 1 AND status = 'booked' AND start_at > strftime('%s', '2026-11-24') ORDER BY start_at LIMIT 1
            """).split(separator: "|").map(String.init)
        let takenAt = try sql(db, "SELECT strftime('%Y-%m-%dT%H:%M', start_at + 3600, 'unixepoch') FROM appointment WHERE id = \(taken[0])")
        let blacklisted = try sql(db, "SELECT id FROM contact WHERE client_id = 'dr-martin' AND blacklisted = 1 LIMIT 1")
        let filled = arguments.map {
            $0 == "TAKEN" ? takenAt : $0 == "TAKEN_ID" ? taken[0] : $0 == "BLACKLISTED" ? blacklisted : $0
        }
        let before = try contents(db)
        let result = try at10(filled, db)
        #expect(result.status != 0)
        #expect(result.stderr.contains(reason), "stderr: \(result.stderr)")
        #expect(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try contents(db) == before)
    }
}
