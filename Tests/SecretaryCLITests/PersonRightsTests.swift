import Foundation
import Testing
import TestSupport

/// The bytes of the database file and its WAL, to look for what must be gone.
func fileBytes(_ db: String) -> Data {
    var data = FileManager.default.contents(atPath: db) ?? Data()
    data.append(FileManager.default.contents(atPath: db + "-wal") ?? Data())
    return data
}

@Suite("A person's rights: export and erasure", .serialized)
struct PersonRightsTests {
    @Test func exportingADemoContactHoldsTheirCallsMessagesAppointmentsAndWhoReadTheRecord() throws {
        let db = try freshDemo()
        let marie = try sql(db, """
            SELECT contact.id FROM contact JOIN contact_phone ON contact_phone.contact_id = contact.id
            WHERE contact.client_id = 'dr-martin' AND contact.last_name = 'Lefèvre' AND e164 = '+33612345678'
            """)
        #expect(try at10(["messages", "add", "--client", "dr-martin", "--from-name", "Marie Lefèvre", "--phone", "06 12 34 56 78",
                          "--text", "Rappeler pour le rendez-vous."], db).status == 0)
        _ = try sql(db, "INSERT INTO audit (at, actor, action, object_type, object_id) VALUES (strftime('%s','2026-11-23 09:05'), 'claire', 'view', 'contact', '\(marie)')")
        let result = try at10(["contacts", "export", marie, "--json"], db)
        #expect(result.status == 0, "\(result.stderr)")
        let record = try json(result.stdout) as? [String: Any]
        #expect((record?["contact"] as? [String: Any])?["lastName"] as? String == "Lefèvre")
        #expect(((record?["calls"] as? [[String: Any]]) ?? []).contains { $0["from"] as? String == "+33612345678" })
        #expect(((record?["messages"] as? [[String: Any]]) ?? []).contains { $0["text"] as? String == "Rappeler pour le rendez-vous." })
        #expect(((record?["appointments"] as? [[String: Any]]) ?? []).contains { $0["type"] as? String == "Visite à domicile" })
        #expect(((record?["readBy"] as? [[String: Any]]) ?? []).contains { $0["by"] as? String == "claire" })
        let text = try at10(["contacts", "export", marie], db)
        #expect(text.stdout.contains("Name: Marie Lefèvre"))
        #expect(text.stdout.contains("Who read this record"))
        #expect(text.stdout.contains("claire"))
        #expect(try sql(db, "SELECT count(*) FROM audit WHERE action = 'export' AND object_id = '\(marie)' AND actor = 'admin'") == "2")
    }

    @Test func afterErasureNoByteOfTheNameOrNumberIsLeftAndTheSlotStaysTaken() throws {
        let db = try freshDemo()
        let start = try #require(try freeStarts(db, type: "Consultation", from: "2026-11-24T08:00", count: 1).first)
        let booked = try at10(["book", "--client", "dr-martin", "--phone", "06 99 88 77 66", "--name", "Zéphyrine Quintaval",
                               "--type", "Consultation", "--at", start], db)
        #expect(booked.status == 0, "\(booked.stderr)")
        let appointment = booked.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try at10(["messages", "add", "--client", "dr-martin", "--from-name", "Zéphyrine Quintaval", "--phone", "06 99 88 77 66",
                          "--text", "Mme Quintaval rappellera."], db).status == 0)
        let call = try at10(["call-in", "--line", "01 42 68 10 01", "--from", "06 99 88 77 66"], db)
        #expect(call.status == 0, "\(call.stderr)")
        let id = try sql(db, "SELECT id FROM contact WHERE last_name = 'Quintaval'")
        // The name index holds the folded words (`dr-martin_quintaval`).
        let secrets = ["Quintaval", "Zéphyrine", "quintaval", "zephyrine", "+33699887766", "06 99 88 77 66", "0699887766"]
        let before = fileBytes(db)
        #expect(["Quintaval", "quintaval", "+33699887766"].allSatisfy { before.range(of: Data($0.utf8)) != nil }, "the test can fail")
        let busyBefore = try freeStarts(db, type: "Consultation", from: "2026-11-24T08:00", count: 5)

        let refused = try at10(["contacts", "erase", id, "--confirm", "1"], db)
        #expect(refused.status != 0 && refused.stderr.contains("must repeat the contact id"))
        let erased = try at10(["contacts", "erase", id, "--confirm", id], db)
        #expect(erased.status == 0, "\(erased.stderr)")

        let after = fileBytes(db)
        for secret in secrets {
            #expect(after.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the file")
        }
        // The agenda still shows the slot taken; the appointment and the counts stay.
        let week = try at10(["agenda", "--client", "dr-martin", "--week", "2026-W48", "--json"], db)
        let entries = (try json(week.stdout) as? [String: Any])?["appointments"] as? [[String: Any]] ?? []
        #expect(entries.contains { "\($0["id"] ?? "")" == appointment && $0["status"] as? String == "booked" })
        #expect(try freeStarts(db, type: "Consultation", from: "2026-11-24T08:00", count: 5) == busyBefore)
        #expect(try sql(db, "SELECT count(*) FROM message WHERE body = '—'") == "1")
        let audit = try sql(db, "SELECT actor || ' ' || object_id || ' ' || details FROM audit WHERE action = 'erase'")
        #expect(audit.hasPrefix("admin \(id) GDPR erasure: 1 appointments kept unnamed"), "\(audit)")
        #expect(try at10(["contacts", "export", id], db).status != 0)
    }

    /// A caller who hung up in the queue is on the call-back list by their number: that
    /// number is theirs, in the export, and goes with the erasure.
    @Test func aCallBackIsExportedAndErasedWithThePerson() throws {
        let db = try freshDemo()
        #expect(try at10(["book", "--client", "dr-martin", "--phone", "06 99 88 77 55", "--name", "Aurèle Vantorre",
                          "--type", "Consultation", "--at", try #require(try freeStarts(db, type: "Consultation",
                                                                                      from: "2026-11-24T08:00", count: 1).first)],
                         db).status == 0)
        let call = try at10(["call-in", "--line", "01 42 68 10 01", "--from", "06 99 88 77 55"], db)
        let callID = try #require(call.stdout.split(separator: " ").first.map(String.init), "\(call.stderr)")
        #expect(try at10(["call-end", callID], db).status == 0)
        #expect(try sql(db, "SELECT count(*) FROM callback WHERE number = '+33699887755'") == "1", "the test can fail")
        let id = try sql(db, "SELECT id FROM contact WHERE last_name = 'Vantorre'")
        let export = try json(try at10(["contacts", "export", id, "--json"], db).stdout) as? [String: Any]
        #expect(((export?["callbacks"] as? [[String: Any]]) ?? []).contains { $0["number"] as? String == "+33699887755" })

        let erased = try at10(["contacts", "erase", id, "--confirm", id], db)
        #expect(erased.status == 0 && erased.stdout.contains("1 call-backs removed"), "\(erased.stdout)\(erased.stderr)")
        #expect(try sql(db, "SELECT count(*) FROM callback WHERE number = '+33699887755'") == "0")
        #expect(fileBytes(db).range(of: Data("+33699887755".utf8)) == nil, "the number is still in the file")
    }
}

@Suite("End of a client's contract", .serialized)
struct ClientDataTests {
    @Test func theExportZipsCSVsThatParseWithTheDatabasesCountsAndTheEraseNeedsIt() throws {
        let db = try freshDemo()
        let folder = Binaries.temporaryFolder()
        let refused = try at10(["client", "erase", "dr-martin", "--confirm", "dr-martin"], db)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("never exported"), "\(refused.stderr)")

        let zip = folder.appendingPathComponent("dr-martin.zip").path
        let exported = try at10(["client", "export-data", "dr-martin", "--to", zip], db)
        #expect(exported.status == 0, "\(exported.stderr)")
        let mode = (try FileManager.default.attributesOfItem(atPath: zip)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        // Python's zipfile and csv modules read it, as a spreadsheet would.
        let script = """
            import csv, io, json, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            out = {}
            for name in z.namelist():
                data = z.read(name).decode('utf-8-sig')
                if name.endswith('.csv'):
                    rows = list(csv.DictReader(io.StringIO(data, newline='')))
                    out[name] = len(rows)
                else:
                    out[name] = len(data)
            out['events'] = z.read('appointments.ics').decode().count('BEGIN:VEVENT')
            out['json_contacts'] = len(json.loads(z.read('data.json'))['contacts'])
            print(json.dumps(out))
            """
        let parsed = try Binaries.run("/usr/bin/python3", ["-c", script, zip])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let files = try json(parsed.stdout) as? [String: Int] ?? [:]
        func count(_ query: String) throws -> Int { Int(try sql(db, query)) ?? -1 }
        #expect(files["contacts.csv"] == (try count("SELECT count(*) FROM contact WHERE client_id = 'dr-martin'")))
        #expect(files["appointments.csv"] == (try count("SELECT count(*) FROM appointment WHERE client_id = 'dr-martin'")))
        #expect(files["messages.csv"] == (try count("SELECT count(*) FROM message WHERE client_id = 'dr-martin'")))
        #expect(files["calls.csv"] == (try count("SELECT count(*) FROM call WHERE client_id = 'dr-martin'")))
        #expect(files["events"] == files["appointments.csv"])
        #expect(files["json_contacts"] == files["contacts.csv"])
        #expect((files["contacts.csv"] ?? 0) > 100)
        for name in ["README.txt", "client.txt", "instructions/version-1.txt", "appointments.ics", "data.json"] {
            #expect((files[name] ?? 0) > 0, "\(name) in the zip")
        }

        let erased = try at10(["client", "erase", "dr-martin", "--confirm", "dr-martin"], db)
        #expect(erased.status == 0, "\(erased.stderr)")
        for table in ["contact", "appointment", "message", "call", "agenda", "instructions", "client"] {
            let column = table == "client" ? "id" : "client_id"
            #expect(try sql(db, "SELECT count(*) FROM \(table) WHERE \(column) = 'dr-martin'") == "0", "\(table)")
        }
        // The line is free: a call on it is refused, and another client may take it.
        let call = try at10(["call-in", "--line", "01 42 68 10 01", "--from", "06 11 22 33 44"], db)
        #expect(call.status != 0)
        #expect(try sql(db, "SELECT count(*) FROM audit WHERE action = 'erase' AND object_id = 'dr-martin'") == "1")
    }
}
