import Foundation

/// One client described in a text file that an administrator edits: the client's fields,
/// its agendas and appointment types, its *cahier des charges* with the date it takes
/// effect, and the client's own advice rules. `secretary client export` writes one,
/// `secretary client import` reads one; the demo clients are written this way.
///
/// ```
/// # Anything after # on its own line is a comment.
/// id: dr-martin
/// name: Cabinet du Dr Martin
/// profession: Médecin généraliste
/// line: 01 42 68 10 01
/// country: FR
/// time zone: Europe/Paris                       (optional; the country's by default)
/// hours: mon-fri 08:00-12:00 14:00-19:00; sat 08:00-12:00   (optional; the service's by default)
/// medical: yes
/// plan: 400 calls, 80 sms                       (included each month)
/// slot minutes: 15                              (optional; 15 by default)
/// agenda: Dr Claire Martin                      (one line per agenda, in order)
/// type: Consultation, 20 min, colour 1          (one line per appointment type)
/// advice: dosage gouttes-nez mettez ... gouttes (optional: CATEGORY NAME PATTERN, as in the rules files)
/// retention: calls 1 month                      (optional: shorter than the defaults, see RetentionPolicy)
/// effective from: 2026-01-05                    (when these instructions take effect)
/// recipient: Dr Claire Martin, claire@example.fr, 06 12 34 56 78   (who receives messages; see `DispatchSettings`)
/// route: urgent to on call by sms and email      (which messages go to whom, how and when)
/// on call: mon-fri 08:00-20:00: Dr Claire Martin, then Dr Hugo Martin
/// escalate after: 10 min
///
/// ## greeting
/// Cabinet du Dr Martin, {operator} à l'appareil, bonjour.
///
/// ## presentation
/// ...
/// ```
///
/// The sections, after the fields, are those of `Instructions.Section`: greeting (with
/// `{operator}` for the operator's first name), presentation, services, appointments,
/// hours, urgent, transfer, faq, never, notes. Their text is kept as written.
///
/// Errors give the line and the field: `line 12: hours: 'sat 08:00-14:00' outside the
/// service's hours (sat 08:00-13:00)`.
public struct ClientFile: Equatable, Sendable {
    public var client: Client
    public var agendas: [String]
    public var appointmentTypes: [AppointmentType]
    public var effectiveFrom: LocalDate
    public var sections: [Instructions.Section: String]
    /// The client's own advice rules, added to the shipped ones.
    public var adviceRules: AdviceRules
    /// Who receives the client's messages, how and when; versioned with the instructions.
    public var dispatch = DispatchSettings()
    /// How long the client's records are kept, when shorter than the defaults.
    public var retention = RetentionPolicy.standard
    /// Where each field was read (`line`, `agenda Dr Claire Martin`, `type Consultation`,
    /// `effective from`), so that a later check (in the store) can still name the line.
    public var fieldLines: [String: Int] = [:]
    /// Where `calendar sync` pushes the agendas, if anywhere.
    public var calDAV: CalDAVSettings?

    public init(client: Client, agendas: [String], appointmentTypes: [AppointmentType], effectiveFrom: LocalDate,
                sections: [Instructions.Section: String], adviceRules: AdviceRules = AdviceRules()) {
        self.client = client
        self.agendas = agendas
        self.appointmentTypes = appointmentTypes.map { type in
            var owned = type
            owned.clientID = client.id
            return owned
        }
        self.effectiveFrom = effectiveFrom
        // Trimmed as `Instructions` trims them, so a file and a stored version compare equal.
        self.sections = sections.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
        self.adviceRules = adviceRules
    }

    /// The fields, in the order they are written.
    /// Limits no real client file reaches (the demo's longest is a few KB): past them an
    /// import is refused, so that one file cannot freeze the console that shows it.
    public static let maximumBytes = 1 << 20
    public static let maximumSectionBytes = 64 << 10

    public static let fields = ["id", "name", "profession", "line", "country", "time zone", "hours", "medical",
                                "plan", "slot minutes", "agenda", "type", "advice", "retention"] + CalDAVSettings.fields
        + ["effective from"] + DispatchSettings.fields
    static let repeatable: Set<String> = Set(["agenda", "type", "advice", "retention"]).union(DispatchSettings.repeatable)

    /// The instructions as a version (numbered by the store when saved).
    public func instructions(version: Int) throws -> Instructions {
        try Instructions(version: version, effectiveFrom: effectiveFrom, sections: sections)
    }

    /// The line where `field` was read, or 1.
    public func line(of field: String) -> Int { fieldLines[field] ?? 1 }

    /// Equal content; where the fields stood in the file does not count.
    public static func == (lhs: ClientFile, rhs: ClientFile) -> Bool {
        lhs.client == rhs.client && lhs.agendas == rhs.agendas && lhs.appointmentTypes == rhs.appointmentTypes
            && lhs.effectiveFrom == rhs.effectiveFrom && lhs.sections == rhs.sections && lhs.adviceRules == rhs.adviceRules
            && lhs.dispatch == rhs.dispatch && lhs.calDAV == rhs.calDAV && lhs.retention == rhs.retention
    }
}

extension ClientFile {
    /// Reads a client file; `file` names it in errors.
    public init(parsing text: String, file: String? = nil) throws {
        do {
            try InputText.check(text, maximumBytes: ClientFile.maximumBytes, what: "a client file")
            self = try ClientFileParser(text: text).parse()
        } catch let error as LineError {
            throw error.inFile(file)
        }
    }
}

/// Reads the fields, then the sections; each value is checked by the domain type it
/// becomes, and its error placed at its line.
private struct ClientFileParser {
    let lines: [String]

    init(text: String) {
        lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    struct Field {
        let key: String
        let value: String
        let line: Int
    }

    func parse() throws -> ClientFile {
        var fields: [Field] = []
        var index = 0
        while index < lines.count, !lines[index].hasPrefix("## ") {
            let number = index + 1
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            index += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw LineError(line: number, field: "line", "expected 'field: value' or a '## section' heading, got '\(line)'")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard ClientFile.fields.contains(key) else {
                throw LineError(line: number, field: key,
                                "not a client file field; the fields are " + ClientFile.fields.joined(separator: ", "))
            }
            if !ClientFile.repeatable.contains(key), let earlier = fields.first(where: { $0.key == key }) {
                throw LineError(line: number, field: key, "given twice (first on line \(earlier.line))")
            }
            fields.append(Field(key: key, value: value, line: number))
        }
        let firstSectionLine = index + 1
        let sections = try parseSections(from: index)
        return try build(fields, sections: sections, endOfFields: firstSectionLine)
    }

    func parseSections(from start: Int) throws -> [Instructions.Section: (text: String, line: Int)] {
        var sections: [Instructions.Section: (text: String, line: Int)] = [:]
        var current: (section: Instructions.Section, line: Int)?
        var body: [String] = []
        var oversized: LineError?
        func flush() {
            guard let current else { return }
            while let last = body.last, last.trimmingCharacters(in: .whitespaces).isEmpty { body.removeLast() }
            while let first = body.first, first.trimmingCharacters(in: .whitespaces).isEmpty { body.removeFirst() }
            sections[current.section] = (body.joined(separator: "\n"), current.line)
            let size = sections[current.section]?.text.utf8.count ?? 0
            if size > ClientFile.maximumSectionBytes, oversized == nil {
                oversized = LineError(line: current.line, field: current.section.rawValue,
                                      "the section holds \(InputText.describe(bytes: size)); a section may hold at most "
                                          + InputText.describe(bytes: ClientFile.maximumSectionBytes))
            }
            body = []
        }
        for index in start..<lines.count {
            let line = lines[index]
            guard line.hasPrefix("## ") else {
                body.append(line)
                continue
            }
            flush()
            let name = line.dropFirst(3).trimmingCharacters(in: .whitespaces).lowercased()
            guard let section = Instructions.Section(rawValue: name) else {
                throw LineError(line: index + 1, field: "section", "'\(name)' is not one of "
                                + Instructions.Section.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if let earlier = sections[section] {
                throw LineError(line: index + 1, field: "section", "'\(name)' given twice (first on line \(earlier.line))")
            }
            current = (section, index + 1)
        }
        flush()
        if let oversized { throw oversized }
        return sections
    }

    func build(_ fields: [Field], sections: [Instructions.Section: (text: String, line: Int)],
               endOfFields: Int) throws -> ClientFile {
        func field(_ key: String) throws -> Field {
            guard let found = fields.first(where: { $0.key == key }) else {
                throw LineError(line: endOfFields, field: key, "missing; give '\(key): ...' before the first '## section'")
            }
            return found
        }
        func optional(_ key: String) -> Field? { fields.first { $0.key == key } }
        /// Runs `make` and places a `ValidationError` at the field's line.
        func checked<T>(_ field: Field, _ make: () throws -> T) throws -> T {
            do {
                return try make()
            } catch let error as ValidationError {
                throw LineError(line: field.line, field: field.key, value: field.value, error)
            }
        }

        let idField = try field("id")
        let id = try checked(idField) { try ClientID(idField.value) }
        let countryField = try field("country")
        let country = try checked(countryField) { try Country(code: countryField.value) }
        let lineField = try field("line")
        let line = try checked(lineField) { try PhoneNumber(lineField.value, country: country) }
        let hours = try optional("hours").map { hoursField in
            guard !hoursField.value.isEmpty else {
                throw LineError(line: hoursField.line, field: "hours",
                                "give days and ranges, like 'mon-fri 08:00-12:00 14:00-19:00', or leave the line out for the service's hours")
            }
            let hours = try checked(hoursField) { try WeeklyHours(parsing: hoursField.value) }
            guard hours.days.values.contains(where: { !$0.isEmpty }) else {
                throw LineError(line: hoursField.line, field: "hours", "gives no opening hours; give days and ranges, like 'mon-fri 08:00-12:00'")
            }
            return hours
        } ?? .service
        let medicalField = try field("medical")
        let medical: Bool
        switch medicalField.value.lowercased() {
        case "yes", "oui", "true": medical = true
        case "no", "non", "false": medical = false
        default: throw LineError(line: medicalField.line, field: "medical", "'\(medicalField.value)' is not yes or no")
        }
        let planField = try field("plan")
        let plan = try checked(planField) { try ClientFileParser.plan(planField.value) }
        let slotField = optional("slot minutes")
        let slot = try slotField.map { slotField in
            guard let minutes = Int(slotField.value) else {
                throw LineError(line: slotField.line, field: "slot minutes", "'\(slotField.value)' is not a number of minutes")
            }
            return minutes
        } ?? 15
        let nameField = try field("name")
        let professionField = try field("profession")
        let zoneField = optional("time zone")
        let client: Client
        do {
            client = try Client(id: id, name: nameField.value, profession: professionField.value, line: line,
                                country: country, timeZoneIdentifier: zoneField?.value, hours: hours, plan: plan,
                                isMedical: medical, slotMinutes: slot)
        } catch let error as ValidationError {
            let culprit: Field? = switch error.field {
            case "client name": nameField
            case "time zone": zoneField
            case "slot minutes": slotField
            default: nil
            }
            throw LineError(line: culprit?.line ?? idField.line, field: culprit?.key ?? "client", value: "", error)
        }
        guard !professionField.value.isEmpty else {
            throw LineError(line: professionField.line, field: "profession", "must not be empty")
        }

        var fieldLines: [String: Int] = [:]
        for field in fields where !ClientFile.repeatable.contains(field.key) { fieldLines[field.key] = field.line }
        var agendas: [String] = []
        for agenda in fields where agenda.key == "agenda" {
            guard !agenda.value.isEmpty else { throw LineError(line: agenda.line, field: "agenda", "must name the practitioner") }
            if let earlier = fieldLines["agenda \(agenda.value)"] {
                throw LineError(line: agenda.line, field: "agenda", "'\(agenda.value)' given twice (first on line \(earlier))")
            }
            fieldLines["agenda \(agenda.value)"] = agenda.line
            agendas.append(agenda.value)
        }
        guard !agendas.isEmpty else {
            throw LineError(line: endOfFields, field: "agenda", "missing; give at least one 'agenda: NAME' (a practitioner)")
        }
        var types: [AppointmentType] = []
        var typeNames: [String: Int] = [:]
        for type in fields where type.key == "type" {
            let parsed = try checked(type) { try ClientFileParser.appointmentType(type.value, client: id) }
            // Names are matched case- and accent-blind (`--type consultation`): two may not fold alike.
            if let earlier = typeNames[SearchText.fold(parsed.name)] {
                throw LineError(line: type.line, field: "type", "'\(parsed.name)' given twice (first on line \(earlier))")
            }
            typeNames[SearchText.fold(parsed.name)] = type.line
            fieldLines["type \(parsed.name)"] = type.line
            types.append(parsed)
        }
        guard !types.isEmpty else {
            throw LineError(line: endOfFields, field: "type",
                            "missing; give at least one 'type: NAME, MINUTES min', like 'type: Consultation, 20 min'")
        }
        var advice = AdviceRules()
        for rule in fields where rule.key == "advice" {
            let parsed = try AdviceRules(parsing: rule.value, firstLine: rule.line)
            for added in parsed.rules {
                if let earlier = fieldLines["advice \(added.name)"] {
                    throw LineError(line: rule.line, field: "name", "'\(added.name)' is already the name of the rule on line \(earlier)")
                }
                fieldLines["advice \(added.name)"] = rule.line
            }
            advice = advice.adding(parsed)
        }
        var periods: [RetainedKind: RetentionPeriod] = [:]
        for line in fields where line.key == "retention" {
            let (kind, period) = try checked(line) { try RetentionPolicy.parseLine(line.value) }
            if let earlier = fieldLines["retention \(kind.rawValue)"] {
                throw LineError(line: line.line, field: "retention", "'\(kind.rawValue)' given twice (first on line \(earlier))")
            }
            fieldLines["retention \(kind.rawValue)"] = line.line
            periods[kind] = period
            _ = try checked(line) { try RetentionPolicy(overrides: [kind: period]) }
        }
        let effectiveField = try field("effective from")
        let effective = try checked(effectiveField) { try LocalDate(parsing: effectiveField.value) }

        var texts: [Instructions.Section: String] = [:]
        for (section, entry) in sections where !entry.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            texts[section] = entry.text
            fieldLines["## \(section.rawValue)"] = entry.line
        }
        guard texts[.greeting] != nil else {
            throw LineError(line: sections[.greeting]?.line ?? endOfFields, field: "greeting",
                            "missing; give a '## greeting' section, with {operator} for the operator's first name")
        }
        for (section, text) in texts {
            if let unknown = ClientFileParser.unknownPlaceholder(in: text) {
                throw LineError(line: sections[section]!.line, field: section.rawValue,
                                "'\(unknown)' is not a placeholder; only {operator} is replaced")
            }
        }
        var file = ClientFile(client: client, agendas: agendas, appointmentTypes: types, effectiveFrom: effective,
                              sections: texts, adviceRules: advice)
        file.fieldLines = fieldLines
        file.dispatch = try DispatchSettings(fields: fields.filter { DispatchSettings.fields.contains($0.key) }
            .map { ($0.key, $0.value, $0.line) }, country: country)
        let davFields = CalDAVSettings.fields.map(optional)
        do {
            file.calDAV = try CalDAVSettings(url: davFields[0]?.value, user: davFields[1]?.value, passwordFile: davFields[2]?.value)
        } catch let error as ValidationError {
            let culprit = davFields.compactMap { $0 }.first { $0.key == error.field }
            throw LineError(line: culprit?.line ?? endOfFields, field: error.field,
                            error.value.isEmpty ? error.reason : "'\(error.value)' \(error.reason)")
        }
        file.retention = try RetentionPolicy(overrides: periods)
        return file
    }

    /// `400 calls, 80 sms`.
    static func plan(_ text: String) throws -> Plan {
        var calls: Int?
        var sms: Int?
        for part in text.split(separator: ",") {
            let words = part.split(separator: " ")
            guard words.count == 2, let count = Int(words[0]) else {
                throw ValidationError(field: "plan", value: text, reason: "expected 'CALLS calls, SMS sms', like '400 calls, 80 sms'")
            }
            switch words[1].lowercased() {
            case "calls", "call", "appels": calls = count
            case "sms": sms = count
            default:
                throw ValidationError(field: "plan", value: text, reason: "expected 'CALLS calls, SMS sms', like '400 calls, 80 sms'")
            }
        }
        guard let calls else {
            throw ValidationError(field: "plan", value: text, reason: "gives no number of calls, like '400 calls, 80 sms'")
        }
        return try Plan(callsPerMonth: calls, smsPerMonth: sms ?? 0)
    }

    /// `Consultation, 20 min, colour 1` (the colour may be left out); a name may itself hold commas.
    static func appointmentType(_ text: String, client: ClientID) throws -> AppointmentType {
        var parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var colour = 1
        if let last = parts.last, last.lowercased().hasPrefix("colour") || last.lowercased().hasPrefix("color") {
            guard let value = Int(last.split(separator: " ").last ?? "") else {
                throw ValidationError(field: "type", value: text, reason: "expected 'colour N' with N from 1 to 8")
            }
            colour = value
            parts.removeLast()
        }
        guard parts.count >= 2, let minutesWord = parts.last?.split(separator: " ").first,
              parts.last?.split(separator: " ").dropFirst().first.map({ $0.hasPrefix("min") }) ?? false,
              let minutes = Int(minutesWord) else {
            throw ValidationError(field: "type", value: text, reason: "expected 'NAME, MINUTES min, colour N', like 'Consultation, 20 min, colour 1'")
        }
        parts.removeLast()
        return try AppointmentType(clientID: client, name: parts.joined(separator: ", "), minutes: minutes, colour: colour)
    }

    /// The first `{word}` other than `{operator}`, a likely typo the greeting would say aloud.
    static func unknownPlaceholder(in text: String) -> String? {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            let placeholder = String(rest[open...close])
            if placeholder != "{operator}" { return placeholder }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }
}

extension ClientFile {
    /// The text of the file; `ClientFile(parsing:)` reads it back to an equal value.
    /// `note` lines are written as comments at the top (the version, when it was exported).
    public func text(notes: [String] = []) -> String {
        var out: [String] = notes.map { "# \($0)" }
        if !out.isEmpty { out.append("") }
        let country = client.country
        let line = client.line.e164.hasPrefix("+" + country.callingCode) ? client.line.national : client.line.e164
        out += [
            "id: \(client.id)",
            "name: \(client.name)",
            "profession: \(client.profession)",
            "line: \(line)",
            "country: \(country.rawValue)",
        ]
        if client.timeZoneIdentifier != country.defaultTimeZoneIdentifier {
            out.append("time zone: \(client.timeZoneIdentifier)")
        }
        out += [
            "hours: \(client.hours.description)",
            "medical: \(client.isMedical ? "yes" : "no")",
            "plan: \(client.plan.callsPerMonth) calls, \(client.plan.smsPerMonth) sms",
            "slot minutes: \(client.slotMinutes)",
        ]
        out += agendas.map { "agenda: \($0)" }
        out += appointmentTypes.map { "type: \($0.name), \($0.minutes) min, colour \($0.colour)" }
        out += adviceRules.text.split(separator: "\n").map { "advice: \($0)" }
        out += calDAV?.lines ?? []
        out += retention.lines.map { "retention: \($0)" }
        out.append("effective from: \(effectiveFrom)")
        // After the instructions' date, so the other fields keep their lines in older exports' terms.
        out += dispatch.fieldLines.map { "\($0.key): \($0.value)" }
        for section in Instructions.Section.allCases {
            guard let text = sections[section] else { continue }
            out += ["", "## \(section.rawValue)", text]
        }
        return out.joined(separator: "\n") + "\n"
    }
}
