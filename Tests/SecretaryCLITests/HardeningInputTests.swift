import Foundation
import Testing
import TestSupport

/// Hostile files and text, and lenient values (issue 19, points 9–13): refused on the way in
/// with the reason and the place, escaped on the way out, and nothing written.
@Suite("Hardening: files and text", .serialized)
struct HardeningInputTests {
    static let escape = "\u{1B}"
    static let bell = "\u{07}"
    static let title = "Jean \u{1B}]0;PWNED\u{07}"

    func write(_ text: String, named name: String) throws -> String {
        let path = Binaries.temporaryFolder().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func exported(_ db: String, _ client: String = "dr-martin") throws -> String {
        try secretary(["client", "export", client], db: db).stdout
    }

    /// Runs a command that must be refused: one line on stderr holding `reasons`, nothing written.
    func refused(_ arguments: [String], _ db: String, _ reasons: String..., status: Int32 = 1) throws {
        // A refused command writes only the audit's record of who tried.
        func contents(_ db: String) throws -> String {
            try TestSupport.Binaries.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 10000", db, ".dump"]).stdout
                .split(separator: "\n").filter { !$0.contains("INSERT INTO audit") }.joined(separator: "\n")
        }
        let before = try contents(db)
        let result = try at10(arguments, db)
        #expect(result.status == status, "\(arguments): status \(result.status), \(result.stdout.prefix(200))")
        for reason in reasons {
            #expect(result.stderr.contains(reason), "\(arguments): \(result.stderr.prefix(300))")
        }
        #expect(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(result.stderr.prefix(300))")
        #expect(!result.stderr.contains(Self.escape) && !result.stderr.contains("\0"))
        #expect(try contents(db) == before, "\(arguments) wrote to the database")
    }

    // 9. A NUL or another control character in a client file is refused with its place.
    @Test func controlCharactersInAClientFileAreRefusedWithLineAndColumn() throws {
        let db = try freshDemo()
        let text = try exported(db)
        let nul = try write(text.replacingOccurrences(of: "name: Cabinet du Dr Martin", with: "name: Cabinet\0Test"),
                            named: "nul.client")
        let nameLine = (text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("name: ") } ?? 0) + 1
        try refused(["client", "import", nul], db, "nul.client", "line \(nameLine)", "column 14", "control character")
        let escape = try write(text + "\nÀ rappeler \u{1B}[2J\n", named: "esc.client")
        try refused(["client", "import", escape], db, "esc.client", "column 12", "control character")
        // A tab is text.
        let tab = try write(text.replacingOccurrences(of: "## greeting\n", with: "## greeting\n\t"), named: "tab.client")
        #expect(try at10(["client", "import", tab], db).status == 0)
    }

    // 10. Sizes no real client file reaches are refused with the limit.
    @Test func anOversizedClientFileOrSectionIsRefusedWithTheLimit() throws {
        let db = try freshDemo()
        let text = try exported(db)
        let line = String(repeating: "Consignes du cabinet, à lire au patient. ", count: 25) + "\n"
        let huge = try write(text + String(repeating: line, count: 2_000), named: "huge.client")
        try refused(["client", "import", huge], db, "1 MB")
        let section = try write(text + String(repeating: line, count: 80), named: "section.client")
        try refused(["client", "import", section], db, "64 KB", "notes")
    }

    // 11. Terminal escapes are refused in names and never printed raw.
    @Test func terminalEscapesAreRefusedOnTheWayIn() throws {
        let db = try freshDemo()
        try refused(["contacts", "find", "lefe", "--client", "\u{1B}[31mRED"], db, "client")
        try refused(["book", "--client", "dr-martin", "--phone", "06 99 88 77 66", "--name", Self.title,
                     "--type", "consultation", "--at", "2026-12-15T15:00"], db, "control character")
        try refused(["operators", "add", "pirate", "--name", Self.title, "--role", "operator"], db, "control character")
        try refused(["messages", "add", "--client", "dr-martin", "--from-name", Self.title, "--phone", "06 11 22 33 44",
                     "--text", "Rappeler"], db, "control character")
        try refused(["absence", "add", "--client", "dr-martin", "--from", "2026-12-21", "--to", "2026-12-22",
                     "--reason", "Congés\u{1B}[2J"], db, "control character")
    }

    @Test func storedTerminalEscapesAreEscapedOnTheWayOut() throws {
        let db = try freshDemo()
        let title = "'Jean ' || char(27) || ']0;PWNED' || char(7) || char(155) || 'x' || char(127)"
        _ = try sql(db, """
            UPDATE contact SET first_name = \(title) WHERE last_name = 'Lefèvre';
            UPDATE message SET caller_name = \(title), reason = \(title);
            UPDATE operator SET display_name = \(title);
            UPDATE client SET name = \(title);
            INSERT INTO absence (agenda_id, start_at, end_at, reason)
                SELECT id, 1797000000, 1797100000, \(title) FROM agenda WHERE client_id = 'dr-martin' LIMIT 1;
            """)
        for arguments in [["contacts", "find", "lefe", "--client", "dr-martin"], ["contacts", "find", "06 12 34 56 78", "--client", "dr-martin"],
                          ["messages"], ["operators"], ["clients"], ["absence", "list", "--client", "dr-martin"], ["calls"]] {
            let result = try at10(arguments, db)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.contains("PWNED"), "\(arguments): \(result.stdout.prefix(300))")
            for raw in [Self.escape, Self.bell, "\u{9B}", "\u{7F}"] {
                #expect(!result.stdout.contains(raw), "\(arguments) printed a raw control character")
            }
        }
    }

    // 12. Lenient values are refused with the reason.
    @Test func secondsAndTimesOffTheSlotGridAreRefused() throws {
        let db = try freshDemo()
        let book = ["book", "--client", "dr-martin", "--phone", "06 12 34 56 78", "--type", "consultation", "--at"]
        try refused(book + ["2026-12-15T15:15:30"], db, "seconds")
        try refused(book + ["2026-12-15T15:17"], db, "15-minute")
        let onTheGrid = try at10(book + ["2026-12-15T15:15"], db)
        #expect(onTheGrid.status == 0, "\(onTheGrid.stderr)")
    }

    @Test func clientFilesWithoutHoursOrTypesOrWithATypeTwiceAreRefused() throws {
        let db = try freshDemo()
        let text = try exported(db)
        let noHours = try write(text.replacingOccurrences(
            of: "hours: mon-fri 08:00-12:00 14:00-19:00; sat 08:00-12:00", with: "hours: ;;;;"), named: "hours.client")
        try refused(["client", "import", noHours], db, "hours")
        let withoutTypes = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("type:") }.joined(separator: "\n")
        try refused(["client", "import", try write(withoutTypes, named: "notype.client")], db, "type", "missing")
        let recased = text.replacingOccurrences(of: "type: Consultation, 20 min", with: "type: consultation, 30 min")
        try refused(["client", "import", try write(recased, named: "recase.client")], db, "Consultation")
        let twice = text.replacingOccurrences(of: "type: Consultation, 20 min, colour 1",
                                              with: "type: Consultation, 20 min, colour 1\ntype: CONSULTATION, 30 min")
        try refused(["client", "import", try write(twice, named: "twice.client")], db, "twice")
    }

    @Test func anEmptyCallerNumberAndAHexadecimalRateAreRefused() throws {
        let db = try freshDemo()
        try refused(["call-in", "--line", "01 42 68 10 01", "--from", ""], db, "from", "withheld")
        #expect(try at10(["call-in", "--line", "01 42 68 10 01", "--from", "withheld"], db).status == 0)
        try refused(["simulate", "--rate", "0x10", "--for", "1s"], db, "rate")
    }

    // 13. Themes: CRLF accepted, a role twice refused, a file that is not a theme never echoed.
    @Test func themeFilesAreReadStrictlyAndNeverEchoed() throws {
        let db = try freshDemo()
        let console = ["console", "--operator", "claire", "--theme"]
        let crlf = try write("normal = white on black\r\nselection = black on cyan bold\r\n", named: "crlf.theme")
        let accepted = try at10(console + [crlf], db)
        #expect(accepted.stderr.contains("needs a terminal"), "\(accepted.stderr)")

        let twice = try write("normal = white\n# comment\nselection = cyan\nnormal = red\n", named: "twice.theme")
        let duplicate = try at10(console + [twice], db)
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("line 4") && duplicate.stderr.contains("line 1") && duplicate.stderr.contains("normal"),
                "\(duplicate.stderr)")

        let passwd = try at10(console + ["/etc/passwd"], db)
        #expect(passwd.status == 1)
        #expect(!passwd.stderr.contains("root:") && !passwd.stderr.contains("/bin/"), "\(passwd.stderr)")
        #expect(passwd.stderr.split(separator: "\n").count == 1)
    }
}
