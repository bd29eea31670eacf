import Testing
@testable import SecretaryCore

let sampleFile = """
    # A client file
    id: dr-test
    name: Cabinet du Dr Test
    profession: Médecin généraliste
    line: 01 40 00 00 01
    country: FR
    hours: mon-fri 08:00-12:00 14:00-19:00; sat 08:00-12:00
    medical: yes
    plan: 100 calls, 20 sms
    slot minutes: 15
    agenda: Dr Anne Test
    agenda: Dr Paul Test
    type: Consultation, 20 min, colour 1
    type: Bilan, complet, 45 min, colour 2
    advice: dosage gouttes-nez mettez ... serum
    effective from: 2026-01-05

    ## greeting
    Cabinet du Dr Test, {operator} à l'appareil, bonjour.

    ## faq
    Adresse : 1 rue de la Paix.
    Parking : rue Haute.

    ## never
    Ne jamais donner de conseil médical.
    """

/// `sampleFile` with one line replaced (1-based, as in the error messages).
func sample(replacing line: Int, with text: String) -> String {
    var lines = sampleFile.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[line - 1] = text
    return lines.joined(separator: "\n")
}

@Suite("Client files")
struct ClientFileTests {
    @Test func readsEveryField() throws {
        let file = try ClientFile(parsing: sampleFile)
        #expect(file.client.id.rawValue == "dr-test")
        #expect(file.client.line.e164 == "+33140000001")
        #expect(file.client.timeZoneIdentifier == "Europe/Paris")
        #expect(file.client.hours.description == "mon-fri 08:00-12:00 14:00-19:00; sat 08:00-12:00")
        #expect(file.client.isMedical)
        #expect(file.client.plan == (try Plan(callsPerMonth: 100, smsPerMonth: 20)))
        #expect(file.agendas == ["Dr Anne Test", "Dr Paul Test"])
        #expect(file.appointmentTypes.map(\.name) == ["Consultation", "Bilan, complet"])
        #expect(file.appointmentTypes.map(\.minutes) == [20, 45])
        #expect(file.adviceRules.rules.map(\.name) == ["gouttes-nez"])
        #expect(file.effectiveFrom.description == "2026-01-05")
        #expect(file.sections[.faq] == "Adresse : 1 rue de la Paix.\nParking : rue Haute.")
        let instructions = try file.instructions(version: 1)
        #expect(instructions.greeting(operatorName: "Claire") == "Cabinet du Dr Test, Claire à l'appareil, bonjour.")
    }

    @Test func writtenTextReadsBackEqual() throws {
        let file = try ClientFile(parsing: sampleFile)
        let text = file.text(notes: ["exported"])
        #expect(text.hasPrefix("# exported\n"))
        #expect(try ClientFile(parsing: text) == file)
        // And a Belgian client with its own time zone.
        let belgian = ClientFile(client: try Client(id: ClientID("dr-be"), name: "Cabinet Peeters", profession: "Médecin",
                                    line: PhoneNumber("02 511 90 09", country: .be), country: .be,
                                    timeZoneIdentifier: "Europe/Paris", plan: Plan(callsPerMonth: 1, smsPerMonth: 0),
                                    isMedical: false, slotMinutes: 30),
                                 agendas: file.agendas, appointmentTypes: file.appointmentTypes,
                                 effectiveFrom: file.effectiveFrom, sections: file.sections, adviceRules: file.adviceRules)
        #expect(belgian.text().contains("line: 02 511 90 09\n"))
        let reread = try ClientFile(parsing: belgian.text())
        #expect(reread == belgian, "\(belgian.text())")
    }

    @Test("Errors give the line number and the field", arguments: [
        (7, "hours: mon-fri 08:00-12:00; sat 08:00-14:00", "line 7: hours: 'sat 08:00-14:00' outside the service's hours (sat 08:00-13:00)"),
        (7, "hours:", "line 7: hours: give days and ranges, like 'mon-fri 08:00-12:00 14:00-19:00', or leave the line out for the service's hours"),
        (2, "id: Dr Test", "line 2: id: 'Dr Test' use 2–40 lowercase letters, digits and single hyphens, like dr-martin"),
        (5, "line: 01 40", "line 5: line: '01 40' too short"),
        (6, "country: DE", "line 6: country: 'DE' expected FR or BE"),
        (8, "medical: perhaps", "line 8: medical: 'perhaps' is not yes or no"),
        (9, "plan: lots", "line 9: plan: 'lots' expected 'CALLS calls, SMS sms', like '400 calls, 80 sms'"),
        (10, "slot minutes: 7", "line 10: slot minutes: '7' use 5, 10, 15, 20, 30 or 60"),
        (13, "type: Consultation, 7 min", "line 13: type: '7' use 5 to 480 minutes, a multiple of 5"),
        (14, "type: Consultation, 30 min", "line 14: type: 'Consultation' given twice (first on line 13)"),
        (12, "agenda: Dr Anne Test", "line 12: agenda: 'Dr Anne Test' given twice (first on line 11)"),
        (15, "advice: dosge x prenez", "line 15: category: 'dosge' is not one of dosage, treatment, diagnosis, reassurance, care, waiting"),
        (16, "effective from: 2026-02-30", "line 16: effective from: '2026-02-30' no such day"),
        (16, "colour: blue", "line 16: colour: not a client file field; the fields are id, name, profession, line, country, time zone, hours, medical, plan, slot minutes, agenda, type, advice, retention, caldav url, caldav user, caldav password file, effective from, recipient, route, on call, escalate after"),
        (4, "name: Autre", "line 4: name: given twice (first on line 3)"),
        (21, "## parking", "line 21: section: 'parking' is not one of greeting, presentation, services, appointments, hours, urgent, transfer, faq, never, notes"),
        (19, "Cabinet du Dr Test, {operateur} bonjour.", "line 18: greeting: '{operateur}' is not a placeholder; only {operator} is replaced"),
        (16, "", "line 18: effective from: missing; give 'effective from: ...' before the first '## section'"),
    ])
    func errorsNameTheLine(line: Int, replacement: String, message: String) {
        do {
            _ = try ClientFile(parsing: sample(replacing: line, with: replacement))
            Issue.record("accepted: \(replacement)")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func errorsNameTheFile() {
        do {
            _ = try ClientFile(parsing: sample(replacing: 8, with: "medical: maybe"), file: "dr-test.client")
        } catch {
            #expect("\(error)" == "dr-test.client: line 8: medical: 'maybe' is not yes or no")
        }
    }

    @Test func aMissingGreetingIsRefused() {
        let text = sampleFile.replacingOccurrences(of: "## greeting\nCabinet du Dr Test, {operator} à l'appareil, bonjour.\n", with: "")
        #expect(throws: LineError.self) { try ClientFile(parsing: text) }
    }
}

@Suite("What an amendment changed")
struct InstructionsDiffTests {
    @Test func sectionsAddedRemovedAndChangedLineByLine() throws {
        let old = try Instructions(version: 1, effectiveFrom: LocalDate(parsing: "2026-01-05"), sections: [
            .greeting: "Bonjour", .faq: "Adresse : 1 rue A.\nParking : rue B.\nTarif : 30 €.", .transfer: "06 11 22 33 44",
        ])
        let new = try Instructions(version: 2, effectiveFrom: LocalDate(parsing: "2026-11-02"), sections: [
            .greeting: "Bonjour", .faq: "Adresse : 1 rue A.\nParking : place C.\nTarif : 30 €.", .notes: "Fermé en août.",
        ])
        let diff = old.changes(to: new)
        #expect(diff.changes.map(\.section) == [.transfer, .faq, .notes].sorted { a, b in
            Instructions.Section.allCases.firstIndex(of: a)! < Instructions.Section.allCases.firstIndex(of: b)!
        })
        let faq = try #require(diff.changes.first { $0.section == .faq })
        #expect(faq.kind == .changed)
        #expect(faq.lines.map(\.description) == ["  Adresse : 1 rue A.", "- Parking : rue B.", "+ Parking : place C.", "  Tarif : 30 €."])
        #expect(diff.changes.first { $0.section == .transfer }?.kind == .removed)
        #expect(diff.changes.first { $0.section == .notes }?.kind == .added)
        #expect(old.changes(to: old).isEmpty)
    }
}
