import Foundation
import Testing
import TestSupport

@Suite("Contacts in and out as CSV", .serialized)
struct ContactsTransferTests {
    func write(_ text: String, encoding: String.Encoding = .utf8, name: String = "patients.csv") throws -> String {
        let url = Binaries.temporaryFolder().appendingPathComponent(name)
        try #require(text.data(using: encoding)).write(to: url)
        return url.path
    }

    @Test func aFrenchWindows1252SemicolonFileImportsThenChangesNothingTheSecondTime() throws {
        let db = try freshDemo()
        let file = try write("""
            Nom;Prénom;Téléphone;Portable;E-mail;Date de naissance;Notes;Adresse\r
            Dàvïdsen-Ørsted;Hélène;01 45 67 89 10;06 11 22 33 44;helene@example.fr;12/05/1980;"allergie; pénicilline\r
            suite";12 rue X\r
            Lefèvre;Marie;;06 12 34 56 78;marie@example.fr;;;\r

            """, encoding: .windowsCP1252)
        let first = try at10(["contacts", "import", "--client", "dr-martin", file], db)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("(Windows-1252, ';' separated): 1 new, 1 updated, 0 unchanged."), "\(first.stdout)")
        #expect(first.stdout.contains("Columns left out: Adresse."))
        // Marie Lefèvre shares the demo's number: updated (her e-mail), not duplicated.
        let marie = try at10(["contacts", "find", "06 12 34 56 78", "--client", "dr-martin", "--json"], db)
        let found = try #require(try json(marie.stdout) as? [[String: Any]])
        #expect(found.count == 1 && found[0]["email"] as? String == "marie@example.fr")
        // The name search finds the new contact at once, accent-blind.
        let helene = try at10(["contacts", "find", "davidsen", "--client", "dr-martin", "--json"], db)
        let row = try #require((try json(helene.stdout) as? [[String: Any]])?.first)
        #expect(row["firstName"] as? String == "Hélène" && row["lastName"] as? String == "Dàvïdsen-Ørsted")
        #expect(row["notes"] as? String == "allergie; pénicilline\r\nsuite" || row["notes"] as? String == "allergie; pénicilline\nsuite")
        #expect((row["phones"] as? [String])?.sorted() == ["+33145678910", "+33611223344"])

        let again = try at10(["contacts", "import", "--client", "dr-martin", file], db)
        #expect(again.stdout.contains("0 new, 0 updated, 2 unchanged."), "\(again.stdout)")
    }

    /// New contacts go in by batches of hundreds: a later row sharing a number with a contact
    /// still waiting in the batch, or already inserted from an earlier one, updates it; a row
    /// without numbers finds the one of the same name and birth date either way.
    @Test func laterRowsUpdateContactsNewInTheSameLargeFile() throws {
        let db = try freshDemo()
        func number(_ i: Int) -> String { String(format: "04 99 %02d %02d %02d", i / 10000 % 100, i / 100 % 100, i % 100) }
        var lines = ["nom;prénom;téléphone;email;date de naissance;notes"]
        for i in 0..<1200 {
            switch i {
            case 250: lines.append("Lot;240;\(number(240));lot240@example.fr;;")
            case 1100: lines.append("Lot;3;\(number(3));;;seconde visite")
            case 1101: lines.append("Sansnuméro;Paul;;;01/02/1990;")
            case 1102: lines.append("Sansnuméro;Paul;;;01/02/1990;rappeler")
            case 1199: lines.append("Dernièrelot;Zoé;\(number(i));;;")
            default: lines.append("Lot;\(i);\(number(i));;;")
            }
        }
        let file = try write(lines.joined(separator: "\r\n") + "\r\n")
        let imported = try at10(["contacts", "import", "--client", "dr-martin", file], db)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1197 new, 3 updated, 0 unchanged."), "\(imported.stdout)")
        func found(_ text: String) throws -> [[String: Any]] {
            try #require(try json(try at10(["contacts", "find", text, "--client", "dr-martin", "--json"], db).stdout) as? [[String: Any]])
        }
        let sameBatch = try found(number(240))
        #expect(sameBatch.count == 1 && sameBatch.first?["email"] as? String == "lot240@example.fr", "\(sameBatch)")
        let earlierBatch = try found(number(3))
        #expect(earlierBatch.count == 1 && earlierBatch.first?["notes"] as? String == "seconde visite", "\(earlierBatch)")
        let withoutNumber = try found("sansnumero")
        #expect(withoutNumber.count == 1 && withoutNumber.first?["notes"] as? String == "rappeler", "\(withoutNumber)")
        #expect(try found("dernierelot").first?["firstName"] as? String == "Zoé")
        #expect(try at10(["contacts", "import", "--client", "dr-martin", file], db).stdout.contains("0 new, 0 updated, 1200 unchanged."))
    }

    @Test func exportThenImportIsTheIdentity() throws {
        let db = try freshDemo()
        let exported = try at10(["contacts", "export", "--client", "dr-martin"], db)
        #expect(exported.status == 0, "\(exported.stderr)")
        let lines = exported.stdout.split(separator: "\n")
        #expect(lines.first == "nom;prénom;téléphone;portable;email;date de naissance;notes;liste noire")
        #expect(lines.count > 100)
        let file = try write(exported.stdout)
        let imported = try at10(["contacts", "import", "--client", "dr-martin", file], db)
        #expect(imported.stdout.contains("0 new, 0 updated"), "\(imported.stdout)")
        #expect(try at10(["contacts", "export", "--client", "dr-martin"], db).stdout == exported.stdout)
        let asJSON = try at10(["contacts", "export", "--client", "dr-martin", "--format", "json"], db)
        let rows = try #require(try json(asJSON.stdout) as? [[String: Any]])
        #expect(rows.count > 100 && rows.allSatisfy { ($0["lastName"] as? String)?.isEmpty == false })
    }

    /// A patient list or an agenda leaving the service is a read of people's data: audited,
    /// with who, which client or agenda, and how.
    @Test func exportsOfContactsAndAgendasAreAudited() throws {
        let db = try freshDemo()
        #expect(try at10(["contacts", "export", "--client", "dr-martin"], db).status == 0)
        #expect(try at10(["agenda", "export", "--client", "dr-martin", "--privacy", "full"], db).status == 0)
        let audit = try at10(["audit", "--action", "view", "--json"], db)
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stdout.contains("contacts export of dr-martin"), "\(audit.stdout.suffix(2000))")
        #expect(audit.stdout.contains("iCalendar export") && audit.stdout.contains("privacy full"), "\(audit.stdout.suffix(2000))")
    }

    @Test func aBadRowStopsEverythingUnlessSkipBadWhichWritesTheRejects() throws {
        let db = try freshDemo()
        let file = try write("""
            last name\tfirst name\tphone\temail
            Smith\tJohn\t01 23 45 67 89\t
            Secretname\tRow\t01 23 xx\t
            Nomail\tAnn\t\tnot-a-mail

            """)
        let before = try contentsBesidesSignIns(db)
        let refused = try at10(["contacts", "import", "--client", "dr-martin", file], db)
        #expect(refused.status != 0)
        #expect(refused.stderr == "Error: \(file): line 3: phone: unexpected character 'x'\n", "\(refused.stderr)")
        #expect(!refused.stderr.contains("Secretname"))
        let dry = try at10(["contacts", "import", "--client", "dr-martin", file, "--skip-bad", "--dry-run"], db)
        #expect(dry.stdout.contains("Would import") && dry.stdout.contains("1 new"), "\(dry.stdout)")
        #expect(try contentsBesidesSignIns(db) == before, "a refused import and a dry run write nothing")

        let skipped = try at10(["contacts", "import", "--client", "dr-martin", file, "--skip-bad"], db)
        #expect(skipped.status == 0 && skipped.stdout.contains("1 new"), "\(skipped.stdout)\(skipped.stderr)")
        let rejects = try String(contentsOfFile: file + ".rejects.csv", encoding: .utf8)
        #expect(rejects == """
            line\tlast name\tfirst name\tphone\temail\treason
            3\tSecretname\tRow\t01 23 xx\t\tphone: unexpected character 'x'
            4\tNomail\tAnn\t\tnot-a-mail\temail: not an email address

            """, "\(rejects)")
        let header = try write("prénom;téléphone\nJean;01 02 03 04 05\n")
        let noName = try at10(["contacts", "import", "--client", "dr-martin", header], db)
        #expect(noName.status != 0 && noName.stderr.contains("line 1: header: no last name column"), "\(noName.stderr)")
    }
}
