import Foundation
import Testing
import TestSupport

/// Debian's Radicale on a free loopback port, storing into a temporary folder.
final class Radicale {
    let folder = Binaries.temporaryFolder()
    let port: Int
    let process = Process()

    init() throws {
        port = Int(try run(["/usr/bin/python3", "-c",
                            "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let config = folder.appendingPathComponent("config")
        try """
            [server]
            hosts = 127.0.0.1:\(port)
            [auth]
            type = none
            [rights]
            type = authenticated
            [storage]
            filesystem_folder = \(folder.path)/storage
            [web]
            type = none

            """.write(to: config, atomically: true, encoding: .utf8)
        // Its log goes to a file: a pipe nobody reads would fill and stop the server.
        let log = folder.appendingPathComponent("radicale.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-m", "radicale", "--config", config.path]
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Ready within ~0.1 s; waited for, at most 10 s.
        for _ in 0..<100 {
            if try run(["curl", "-s", "-o", "/dev/null", "-u", "alice:x", "http://127.0.0.1:\(port)/alice/"]).status == 0 { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Stops it; it takes about a second after SIGTERM, and is killed after ten.
    func stop() {
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The events Radicale stores in the collection: UID → DTSTART value, and how many files.
    func events(_ collection: String) -> (byUID: [String: String], files: Int, texts: [String: String]) {
        let path = folder.appendingPathComponent("storage/collection-root/alice/\(collection)")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path.path)) ?? []).filter { $0.hasSuffix(".ics") }
        var byUID: [String: String] = [:], texts: [String: String] = [:]
        for name in names {
            let text = (try? String(contentsOf: path.appendingPathComponent(name), encoding: .utf8)) ?? ""
            let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
            let lines = unfolded.components(separatedBy: "BEGIN:VEVENT").last?.components(separatedBy: "\r\n") ?? []
            guard let uid = lines.first(where: { $0.hasPrefix("UID:") })?.dropFirst(4) else { continue }
            byUID[String(uid)] = lines.first { $0.hasPrefix("DTSTART") }.map { String($0.split(separator: ":").last ?? "") }
            texts[String(uid)] = text
        }
        return (byUID, names.count, texts)
    }
}

@Suite("Agendas pushed to a real CalDAV server", .serialized)
struct CalendarSyncTests {
    static let clock = "2026-11-23T10:00"

    /// Books the first free slot from `from`.
    func book(_ db: String, from: String, phone: String) throws -> (id: String, start: String) {
        let start = try freeStarts(db, client: "cabinet-dav", type: "consultation", from: from, count: 1).first ?? ""
        let result = try at10(["book", "--client", "cabinet-dav", "--phone", phone, "--name", "Patient \(phone.suffix(2))",
                               "--type", "consultation", "--at", start], db)
        #expect(result.status == 0, "\(result.stderr)")
        return (result.stdout.split(whereSeparator: { !$0.isNumber }).first.map(String.init) ?? "", start)
    }

    func compact(_ local: String) -> String {
        local.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") + "00"
    }

    @Test func syncPushesChangesOnlyNeverDuplicatesAndReportsConflicts() throws {
        let server = try Radicale()
        defer { server.stop() }
        let db = try freshDemo()
        let password = Binaries.temporaryFolder().appendingPathComponent("caldav.password")
        try "x\n".write(to: password, atomically: true, encoding: .utf8)
        chmod(password.path, 0o600)
        let clientFile = Binaries.temporaryFolder().appendingPathComponent("cabinet-dav.client")
        try """
            id: cabinet-dav
            name: Cabinet Dav
            profession: Médecin généraliste
            line: 01 99 98 97 96
            country: FR
            medical: yes
            plan: 100 calls, 10 sms
            agenda: Dr Émile Dav
            type: Consultation, 20 min, colour 1
            caldav url: http://127.0.0.1:\(server.port)/alice/
            caldav user: alice
            caldav password file: \(password.path)
            effective from: 2026-01-05

            ## greeting
            Cabinet Dav, {operator} bonjour.

            """.write(to: clientFile, atomically: true, encoding: .utf8)
        let imported = try at10(["client", "import", clientFile.path], db)
        #expect(imported.status == 0, "\(imported.stderr)")
        let exported = try at10(["client", "export", "cabinet-dav"], db).stdout
        #expect(exported.contains("caldav user: alice\n"), "the client file keeps the CalDAV settings")

        let booked = try (0..<3).map { try book(db, from: "2026-11-25T09:00", phone: "06 70 00 00 0\($0)") }
        let ids = booked.map(\.id), starts = booked.map(\.start)
        let uid = { (id: String) in "appointment-\(id).cabinet-dav@secretary" }
        let collection = "dr-emile-dav"

        let first = try at10(["calendar", "sync", "--client", "cabinet-dav"], db)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "cabinet-dav · Dr Émile Dav: 3 sent, 0 deleted, 0 unchanged\n", "\(first.stdout)")
        var stored = server.events(collection)
        #expect(stored.files == 3)
        for (id, start) in zip(ids, starts) { #expect(stored.byUID[uid(id)] == compact(start), "\(stored.byUID)") }

        let second = try at10(["calendar", "sync", "--client", "cabinet-dav"], db)
        #expect(second.stdout == "cabinet-dav · Dr Émile Dav: 0 sent, 0 deleted, 3 unchanged\n", "\(second.stdout)")
        #expect(server.events(collection).texts == stored.texts)

        // A move and a cancel: exactly the new state after the next sync.
        let later = try #require(try freeStarts(db, client: "cabinet-dav", type: "consultation", from: "2026-12-02T15:00", count: 1).first)
        #expect(try at10(["move", ids[0], "--to", later], db).status == 0)
        #expect(try at10(["cancel", ids[1], "--reason", "empêchement"], db).status == 0)
        let third = try at10(["calendar", "sync", "--client", "cabinet-dav"], db)
        #expect(third.stdout == "cabinet-dav · Dr Émile Dav: 1 sent, 1 deleted, 1 unchanged\n", "\(third.stdout)")
        stored = server.events(collection)
        #expect(stored.files == 2)
        #expect(stored.byUID[uid(ids[0])] == compact(later) && stored.byUID[uid(ids[1])] == nil && stored.byUID[uid(ids[2])] == compact(starts[2]))
        #expect(stored.texts[uid(ids[0])]?.contains("SEQUENCE:1\r\n") == true)

        // Interrupted by SIGKILL in the middle of its PUTs, then run again: no duplicate.
        let moreIDs = try (0..<12).map { try book(db, from: "2026-12-07T09:00", phone: "06 71 00 00 \(10 + $0)").id }
        let killed = try Binaries.start(Binaries.secretary, ["calendar", "sync", "--client", "cabinet-dav", "--db", db,
                                                             "--clock-start", Self.clock])
        let deadline = Date().addingTimeInterval(30)
        while server.events(collection).files < 3, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        killed.send(SIGKILL)
        _ = killed.wait()
        let rerun = try at10(["calendar", "sync", "--client", "cabinet-dav"], db)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        stored = server.events(collection)
        #expect(stored.files == 14 && stored.byUID.count == 14, "\(stored.files) files, \(stored.byUID.count) events")
        for id in moreIDs { #expect(stored.byUID[uid(id)] != nil) }
        #expect(try at10(["calendar", "sync", "--client", "cabinet-dav"], db).stdout.contains(": 0 sent, 0 deleted, 14 unchanged"))

        // --watch pushes a move within seconds, without being asked.
        let watching = try Binaries.start(Binaries.secretary, ["calendar", "sync", "--watch", "--client", "cabinet-dav", "--db", db,
                                                               "--clock-start", Self.clock])
        Thread.sleep(forTimeInterval: 1)
        let evening = try #require(try freeStarts(db, client: "cabinet-dav", type: "consultation", from: "2026-12-04T17:00", count: 1).first)
        #expect(try at10(["move", ids[2], "--to", evening], db).status == 0)
        let watchDeadline = Date().addingTimeInterval(20)
        while server.events(collection).byUID[uid(ids[2])] != compact(evening), Date() < watchDeadline { Thread.sleep(forTimeInterval: 0.1) }
        watching.send(SIGTERM)
        let watched = watching.wait()
        #expect(server.events(collection).byUID[uid(ids[2])] == compact(evening), "\(watched.stdout)\(watched.stderr)")

        // Changed on the server, then moved here: reported, not overwritten.
        let name = "appointment-\(ids[2]).cabinet-dav_secretary.ics"
        let edited = try #require(stored.texts[uid(ids[2])]).replacingOccurrences(of: "SUMMARY:", with: "SUMMARY:Edited by the doctor ")
        let put = try run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-u", "alice:x", "-X", "PUT",
                           "-H", "Content-Type: text/calendar", "--data-binary", edited,
                           "http://127.0.0.1:\(server.port)/alice/\(collection)/\(name)"])
        #expect(put.stdout == "201" || put.stdout == "204", "\(put.stdout)")
        let another = try #require(try freeStarts(db, client: "cabinet-dav", type: "consultation", from: "2026-12-09T10:00", count: 1).first)
        #expect(try at10(["move", ids[2], "--to", another], db).status == 0)
        let conflicted = try at10(["calendar", "sync", "--client", "cabinet-dav"], db)
        #expect(conflicted.status != 0)
        #expect(conflicted.stderr.contains("Conflict: appointment \(ids[2]) was changed on the server since the last sync: not overwritten"),
                "\(conflicted.stderr)")
        #expect(server.events(collection).texts[uid(ids[2])]?.contains("Edited by the doctor") == true)
    }

    @Test func aPasswordFileOthersCanReadIsRefused() throws {
        let db = try freshDemo()
        let password = Binaries.temporaryFolder().appendingPathComponent("open.password")
        try "x\n".write(to: password, atomically: true, encoding: .utf8)
        chmod(password.path, 0o644)
        var file = try at10(["client", "export", "avocat-moreau"], db).stdout
        file = file.replacingOccurrences(of: "effective from:", with: "caldav url: http://127.0.0.1:9/x/\ncaldav user: a\ncaldav password file: \(password.path)\neffective from:")
        let path = Binaries.temporaryFolder().appendingPathComponent("a.client")
        try file.write(to: path, atomically: true, encoding: .utf8)
        #expect(try at10(["client", "import", path.path], db).status == 0)
        let refused = try at10(["calendar", "sync", "--client", "avocat-moreau"], db)
        #expect(refused.status != 0 && refused.stderr.contains("readable by others"), "\(refused.stderr)")
        let bad = file.replacingOccurrences(of: "caldav url: http://127.0.0.1:9/x/", with: "caldav url: ftp://x")
        try bad.write(to: path, atomically: true, encoding: .utf8)
        let refusedFile = try at10(["client", "import", path.path], db)
        #expect(refusedFile.status != 0 && refusedFile.stderr.contains("caldav url"), "\(refusedFile.stderr)")
    }

    /// Issue 17: busy times in from a CalDAV URL, not only a file: a weekly event and a
    /// single one on the practitioner's own calendar become absences, once.
    @Test func busyTimesAreImportedFromACalDAVCalendar() throws {
        let server = try Radicale()
        defer { server.stop() }
        let db = try freshDemo()
        let url = "http://127.0.0.1:\(server.port)/alice/perso/"
        #expect(try run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-u", "alice:x", "-X", "MKCALENDAR", url]).stdout == "201")
        let weekly = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//test//EN\r
            BEGIN:VEVENT\r
            UID:weekly@example.com\r
            DTSTAMP:20261101T000000Z\r
            DTSTART;TZID=Europe/Paris:20261124T140000\r
            DTEND;TZID=Europe/Paris:20261124T160000\r
            RRULE:FREQ=WEEKLY;COUNT=4\r
            SUMMARY:Réunion privée\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let single = weekly.replacingOccurrences(of: "weekly@", with: "single@").replacingOccurrences(of: "RRULE:FREQ=WEEKLY;COUNT=4\r\n", with: "")
            .replacingOccurrences(of: "20261124T140000", with: "20261126T090000").replacingOccurrences(of: "20261124T160000", with: "20261126T100000")
        for (name, text) in [("weekly.ics", weekly), ("single.ics", single)] {
            let file = Binaries.temporaryFolder().appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            let put = try run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-u", "alice:x", "-X", "PUT",
                               "-H", "Content-Type: text/calendar", "--data-binary", "@\(file.path)", url + name])
            #expect(put.stdout == "201", "\(put.stdout)")
        }
        let password = Binaries.temporaryFolder().appendingPathComponent("caldav.password")
        try "x\n".write(to: password, atomically: true, encoding: .utf8)
        chmod(password.path, 0o600)

        let withoutUser = try at10(["absence", "import", "--client", "dr-martin", url], db)
        #expect(withoutUser.status != 0 && withoutUser.stderr.contains("--caldav-user"), "\(withoutUser.stderr)")
        let credentials = ["--caldav-user", "alice", "--caldav-password-file", password.path]
        let first = try at10(["absence", "import", "--client", "dr-martin", url] + credentials, db)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Dr Claire Martin: 5 absences added, 0 moved, 0 unchanged"), "\(first.stdout)")
        let listed = try at10(["absence", "list", "--client", "dr-martin"], db).stdout
        for day in ["24/11", "01/12", "08/12", "15/12"] {
            #expect(listed.contains(day) && listed.contains("14:00"), "\(day) 14:00 in \(listed)")
        }
        #expect(!listed.contains("Réunion privée"), "the event's title stays private")
        let again = try at10(["absence", "import", "--client", "dr-martin", url] + credentials, db)
        #expect(again.stdout.hasPrefix("Dr Claire Martin: 0 absences added, 0 moved, 5 unchanged"), "\(again.stdout)")
    }
}
