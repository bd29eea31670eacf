import Foundation
import Testing
import TestSupport

@Suite("Messages and client files on the command line", .serialized)
struct MessagesAndClientFileTests {
    /// A demo database that only refused commands touch (its own, so that suites running
    /// side by side never share a file).
    static let untouched: String = {
        let path = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        _ = try? secretary(["init", "--demo", "--clock-start", "2026-11-23T10:00"], db: path)
        return path
    }()

    /// A fresh demo database for each test that writes.
    func demo() throws -> String {
        let path = Binaries.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let result = try secretary(["init", "--demo", "--clock-start", "2026-11-23T10:00"], db: path)
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    @Test func addListAndTransmitAMessage() throws {
        let db = try demo()
        let add = try secretary(["messages", "add", "--client", "dr-martin", "--from-name", "Marie Lefèvre",
                                 "--phone", "06 12 34 56 78", "--text", "Demande « est-ce une grippe ? », rappeler avant midi",
                                 "--urgent", "--reason", "Question médicale", "--tag", "medical question",
                                 "--clock-start", "2026-11-23T10:05"], db: db)
        #expect(add.status == 0, "\(add.stderr)")
        let id = try #require(add.stdout.split(separator: " ").dropFirst().first.flatMap { Int($0) })
        let list = try secretary(["messages", "--client", "dr-martin", "--status", "new", "--json"], db: db)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let mine = try #require(rows.first { $0["id"] as? Int == id })
        #expect(mine["urgent"] as? Bool == true)
        #expect(mine["callbackNumber"] as? String == "+33612345678")
        #expect(mine["tags"] as? [String] == ["medical question"])
        #expect(rows.allSatisfy { $0["client"] as? String == "dr-martin" && $0["status"] as? String == "new" })

        let transmit = try secretary(["messages", "mark-transmitted", "\(id)"], db: db)
        #expect(transmit.status == 0, "\(transmit.stderr)")
        let transmitted = try secretary(["messages", "--status", "transmitted", "--client", "dr-martin"], db: db)
        #expect(transmitted.stdout.contains("Marie Lefèvre"))
        #expect(transmitted.stdout.contains("URGENT transmitted"))
        #expect(try secretary(["messages", "acknowledge", "\(id)"], db: db).status == 0)
    }

    @Test("Refused input exits non-zero, names the reason in one line and writes nothing", arguments: [
        (["messages", "add", "--client", "dr-martin", "--from-name", "Paul", "--phone", "06 11 22 33 44",
          "--text", "Je lui ai dit de prendre deux comprimés. Ce n'est sûrement rien."],
         "'prendre deux comprimés' is medical advice (dosage or medication instruction, rule 'conseil-rapporte-prise')"),
        // Issue 13, point 9: an emergency term needs --urgent on the command line.
        (["messages", "add", "--client", "dr-martin", "--from-name", "Paul", "--phone", "06 11 22 33 44",
          "--text", "Il a une douleur thoracique"],
         "message refused: 'douleur thoracique' is an emergency term; the console would have opened the emergency script "
            + "(the caller told to call 15 (SAMU) or 112 (numéro d'urgence européen) at once) and sent the client an urgent "
            + "message: give --urgent to save it as urgent"),
        (["messages", "add", "--client", "dr-martin", "--from-name", "Paul", "--phone", "06 11 22 33 44",
          "--reason", "Ne respire plus", "--text", "Rappeler"],
         "message refused: 'Ne respire plus' is an emergency term"),
        (["messages", "add", "--client", "dr-martin", "--from-name", "Paul", "--phone", "06 11 22 33 44",
          "--text", "Take two tablets and call back"],
         "message text refused: 'Take two tablets' is medical advice (dosage or medication instruction, rule 'take-medicine')"),
        (["messages", "add", "--client", "dr-nobody", "--from-name", "Paul", "--phone", "06 11 22 33 44", "--text", "Rappeler"],
         "unknown client 'dr-nobody'"),
        (["messages", "add", "--client", "dr-martin", "--from-name", "Paul", "--phone", "06 11", "--text", "Rappeler"],
         "invalid phone number '06 11'"),
        (["messages", "--status", "lost"], "invalid status 'lost'"),
        (["messages", "mark-transmitted", "99999"], "unknown message 99999"),
        (["client", "export", "dr-nobody"], "unknown client 'dr-nobody'"),
    ])
    func refusedInputWritesNothing(arguments: [String], reason: String) throws {
        let db = Self.untouched
        let before = try contents(db)
        let result = try secretary(arguments, db: db)
        #expect(result.status != 0)
        #expect(result.stderr.contains(reason), "stderr: \(result.stderr)")
        #expect(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(try contents(db) == before)
    }

    /// Issue 13, point 8: each of these was saved by `messages add`.
    @Test("Advice the command line used to save is refused, written plainly or disguised", arguments: [
        "il peut prendre un doliprane", "je lui ai conseillé de prendre du paracétamol", "qu'il prenne un doliprane",
        "Doliprane 1000 toutes les 6h", "mettez de la glace", "appliquez une crème", "vous pouvez attendre demain",
        "prenez votre traitement habituel",
        "pre\u{200B}nez deux comprimés", "pre\u{00AD}nez deux comprimés", "pr\u{0435}nez deux comprimés", "pre-nez deux comprimés",
    ])
    func broadenedAdviceIsRefused(text: String) throws {
        let db = Self.untouched
        let before = try contents(db)
        let result = try secretary(["messages", "add", "--client", "dr-martin", "--from-name", "Paul",
                                    "--phone", "06 11 22 33 44", "--text", text], db: db)
        #expect(result.status != 0, "saved: \(text)")
        #expect(result.stderr.contains("is medical advice"), "stderr: \(result.stderr)")
        #expect(try contents(db) == before)
    }

    @Test func anEmergencyMessageIsSavedWhenMarkedUrgent() throws {
        let db = try demo()
        let add = try secretary(["messages", "add", "--client", "dr-martin", "--from-name", "Paul", "--phone", "06 11 22 33 44",
                                 "--text", "Il a une douleur thoracique", "--urgent"], db: db)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("saved (urgent)"))
        // Quoted words are the caller's, and still name the emergency: --urgent is needed too.
        let quoted = try secretary(["messages", "add", "--client", "dr-martin", "--from-name", "Paul", "--phone", "06 11 22 33 44",
                                    "--text", "Dit « j'ai une douleur thoracique »"], db: db)
        #expect(quoted.status != 0)
        #expect(quoted.stderr.contains("'douleur thoracique' is an emergency term"), "\(quoted.stderr)")
    }

    @Test func exportEditImportMakesAnAmendmentAndHistoryShowsIt() throws {
        let db = try demo()
        let export = try secretary(["client", "export", "kine-dubois"], db: db)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("id: kine-dubois\n"))
        let file = Binaries.temporaryFolder().appendingPathComponent("kine-dubois.client").path
        // Re-importing the export unchanged adds no version.
        try export.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let same = try secretary(["client", "import", file], db: db)
        #expect(same.stdout.contains("instructions unchanged"), "\(same.stdout) \(same.stderr)")

        let amended = export.stdout
            .replacingOccurrences(of: "effective from: 2026-01-05", with: "effective from: 2026-12-01")
            .replacingOccurrences(of: "Tenue souple conseillée.", with: "Tenue souple et serviette.")
        try amended.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try secretary(["client", "import", file], db: db)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("instructions version 2 from 2026-12-01"))

        let history = try secretary(["client", "history", "kine-dubois", "--clock-start", "2026-11-23T10:00"], db: db)
        #expect(history.stdout.contains("version 1, from 2026-01-05 (in force)"))
        #expect(history.stdout.contains("version 2, from 2026-12-01 (scheduled)"))
        #expect(history.stdout.contains("- Tenue souple conseillée."))
        #expect(history.stdout.contains("+ Tenue souple et serviette."))
        // The export now carries the amendment.
        #expect(try secretary(["client", "export", "kine-dubois"], db: db).stdout.contains("Tenue souple et serviette."))
    }

    @Test func aNewClientFromAFile() throws {
        let db = try demo()
        let file = Binaries.temporaryFolder().appendingPathComponent("osteo-new.client").path
        let text = try secretary(["client", "export", "osteo-fontaine"], db: db).stdout
            .replacingOccurrences(of: "id: osteo-fontaine", with: "id: osteo-nouveau")
            .replacingOccurrences(of: "line: 05 56 30 80 08", with: "line: 05 56 30 80 99")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try secretary(["client", "import", file], db: db)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Created client osteo-nouveau"))
        #expect(try secretary(["clients"], db: db).stdout.contains("osteo-nouveau"))
    }

    @Test("A bad client file names the file, the line and the field, and writes nothing", arguments: [
        ("hours: mon-fri 08:00-20:00; sat 08:00-13:00", "hours: mon-fri 08:00-20:00; sat 08:00-14:00",
         "kine-dubois.client: line 10: hours: 'sat 08:00-14:00' outside the service's hours (sat 08:00-13:00)"),
        ("line: 01 43 55 20 02", "line: 01 42 68 10 01",
         "kine-dubois.client: line 8: line: '01 42 68 10 01' already belongs to client 'dr-martin'"),
        ("effective from: 2026-01-05", "effective from: 2025-01-05\n## notes\nNouveau",
         "kine-dubois.client: line 19: effective from: '2025-01-05' comes before version 1's date (2026-01-05); an amendment takes effect on or after the one it amends"),
    ])
    func badClientFile(old: String, new: String, message: String) throws {
        let db = Self.untouched
        let export = try secretary(["client", "export", "kine-dubois"], db: db).stdout
        #expect(export.contains(old))
        let file = Binaries.temporaryFolder().appendingPathComponent("kine-dubois.client").path
        try export.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
        let before = try contents(db)
        let result = try secretary(["client", "import", file], db: db)
        #expect(result.status != 0)
        #expect(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines) == "Error: \(message)")
        #expect(try contents(db) == before)
    }
}
