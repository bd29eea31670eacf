import CSV
import Foundation

/// Contacts files as practices' software exports them: comma, semicolon or tab separated,
/// UTF-8 or Windows-1252, a header row naming the columns in French or English. The CSV
/// syntax (quotes, separators inside fields, line breaks in notes) is CSV.swift's; the
/// mapping of columns to a contact's fields and their checks are here.
public enum ContactsCSV {
    public enum Field: String, CaseIterable, Sendable {
        case lastName = "last name", firstName = "first name", phone, mobile, email, birthDate = "birth date", notes,
             blacklisted

        /// The header names each field answers to, folded (accent- and case-blind).
        var names: [String] {
            switch self {
            case .lastName: ["nom", "nom de famille", "last name", "lastname", "surname", "family name", "name"]
            case .firstName: ["prenom", "prenoms", "first name", "firstname", "given name"]
            case .phone: ["telephone", "tel", "tel.", "tel fixe", "telephone fixe", "fixe", "phone", "phone number",
                          "home phone", "telephone domicile", "numero"]
            case .mobile: ["portable", "mobile", "tel portable", "telephone portable", "gsm", "cell", "cell phone",
                           "mobile phone"]
            case .email: ["email", "e-mail", "mail", "courriel", "adresse email", "adresse e-mail", "email address"]
            case .birthDate: ["date de naissance", "naissance", "ne le", "nee le", "birth date", "birthdate", "date of birth", "dob"]
            case .notes: ["notes", "note", "remarques", "remarque", "commentaire", "commentaires", "comments", "comment"]
            case .blacklisted: ["liste noire", "blacklisted", "blacklist"]
            }
        }

        /// The column's name in exported files.
        public var exportName: String {
            switch self {
            case .lastName: "nom"
            case .firstName: "prénom"
            case .phone: "téléphone"
            case .mobile: "portable"
            case .email: "email"
            case .birthDate: "date de naissance"
            case .notes: "notes"
            case .blacklisted: "liste noire"
            }
        }
    }

    /// A file's text and what it was written in.
    public static func decode(_ data: Data) -> (text: String, encoding: String) {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validatingUTF8Data: bytes) { return (text, "UTF-8") }
        // French spreadsheets save in Windows-1252, where every byte is a character.
        return (String(data: bytes, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self), "Windows-1252")
    }

    /// The separator of the header line: the most frequent of `;`, `,` and tab outside quotes.
    public static func separator(of text: String) -> UnicodeScalar {
        var counts: [UnicodeScalar: Int] = [";": 0, ",": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted, scalar == "\n" || scalar == "\r" { break }
            if !quoted, counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        return [";", "\t", ","].max { counts[$0, default: 0] < counts[$1, default: 0] } ?? ","
    }

    /// Reads a whole file: its records, each with the line it starts on, and the columns
    /// mapped. Fails on the header (no last name column, a column named twice) or on the
    /// CSV syntax; a row's own faults are left to `record(_:)`.
    public static func read(_ text: String) throws -> Table {
        let separator = separator(of: text)
        let reader: CSVReader
        do {
            // Fields are trimmed when read (`record`): the reader's own trimming goes through
            // Foundation's NSString on every field, most of a 100,000-row import's time.
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: false, delimiter: separator)
        } catch {
            throw ContactRowError(line: 1, field: "file", reason: "not a CSV file (\(error))")
        }
        guard let header = reader.headerRow else { throw ContactRowError(line: 1, field: "header", reason: "the file is empty") }
        var columns: [Field: Int] = [:]
        var ignored: [String] = []
        for (index, name) in header.enumerated() {
            let folded = SearchText.fold(name.trimmingCharacters(in: .whitespaces)).replacingOccurrences(of: "_", with: " ")
            guard let field = Field.allCases.first(where: { $0.names.contains(folded) }) else {
                if !name.isEmpty { ignored.append(name) }
                continue
            }
            if columns[field] != nil {
                throw ContactRowError(line: 1, field: "header", reason: "two columns are '\(field.rawValue)'")
            }
            columns[field] = index
        }
        guard columns[.lastName] != nil else {
            throw ContactRowError(line: 1, field: "header",
                                  reason: "no last name column (nom, last name); the columns are \(header.map { "'\(safe($0))'" }.joined(separator: ", "))")
        }
        var rows: [Table.Row] = []
        var line = 2 + header.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
        while let fields = reader.next() {
            // Line breaks inside quoted fields, counted on the bytes (a "\r\n" has one "\n"):
            // walking every field by Character took a third of a large import.
            let breaks = fields.reduce(0) { count, field in count + field.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Table.Row(line: line, fields: fields)) }
            line += 1 + breaks
        }
        if let error = reader.error {
            throw ContactRowError(line: line, field: "file", reason: "not valid CSV (\(error))")
        }
        return Table(header: header, columns: columns, ignored: ignored, separator: separator, rows: rows)
    }

    public struct Table: Sendable {
        public struct Row: Sendable {
            public let line: Int
            public let fields: [String]
        }
        public let header: [String]
        public let columns: [Field: Int]
        /// Header names that match no field (an address, a social security number): left out.
        public let ignored: [String]
        public let separator: UnicodeScalar
        public let rows: [Row]

        /// Every row as a contact, or what is wrong with it, in the file's order. The rows are
        /// read on all cores, each on its own: a fifth of a large import's time.
        public func records(country: Country) -> [Result<ContactRecord, any Error>] {
            let parts = min(max(1, rows.count / 2000), ProcessInfo.processInfo.activeProcessorCount * 2)
            var results = [[Result<ContactRecord, any Error>]](repeating: [], count: parts)
            results.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let out = buffer
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let range = rows.count * part / parts..<rows.count * (part + 1) / parts
                    out[part] = rows[range].map { row in Result { try record(row, country: country) } }
                }
            }
            return results.flatMap { $0 }
        }

        /// The row as a contact, or what is wrong with it.
        public func record(_ row: Row, country: Country) throws -> ContactRecord {
            func value(_ field: Field) throws -> String {
                guard let index = columns[field], index < row.fields.count else { return "" }
                let text = row.fields[index]
                let limit = field == .notes ? 4000 : 200
                guard text.utf8.count <= limit else {
                    throw ContactRowError(line: row.line, field: field.rawValue, reason: "longer than \(limit) bytes")
                }
                let allowsBreaks = field == .notes
                if text.unicodeScalars.contains(where: { ($0.value < 0x20 && !(allowsBreaks && ($0 == "\n" || $0 == "\r" || $0 == "\t")))
                                                          || (0x7F...0x9F).contains($0.value) }) {
                    throw ContactRowError(line: row.line, field: field.rawValue, reason: "holds a control character")
                }
                return text.trimmedOfSpaces
            }
            func numbers(_ field: Field) throws -> [PhoneNumber] {
                try value(field).split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
                    .flatMap { $0.utf8.contains(UInt8(ascii: "/")) ? $0.components(separatedBy: " / ") : [String($0)] }
                    .map(\.trimmedOfSpaces).filter { !$0.isEmpty }
                    .map { text in
                        do { return try PhoneNumber(text, country: country) } catch let error as ValidationError {
                            throw ContactRowError(line: row.line, field: field.rawValue, reason: error.reason)
                        }
                    }
            }
            let lastName = try value(.lastName)
            guard !lastName.isEmpty else { throw ContactRowError(line: row.line, field: "last name", reason: "empty") }
            let email = try value(.email)
            if !email.isEmpty {
                let parts = email.split(separator: "@")
                guard parts.count == 2, parts[1].contains("."), !email.contains(" ") else {
                    throw ContactRowError(line: row.line, field: "email", reason: "not an email address")
                }
            }
            let birth = try value(.birthDate)
            var birthDate: LocalDate?
            if !birth.isEmpty {
                guard let date = ContactsCSV.date(birth) else {
                    throw ContactRowError(line: row.line, field: "birth date", reason: "expected DD/MM/YYYY or YYYY-MM-DD")
                }
                birthDate = date
            }
            let blacklist = SearchText.fold(try value(.blacklisted))
            guard ["", "oui", "non", "yes", "no", "1", "0", "x"].contains(blacklist) else {
                throw ContactRowError(line: row.line, field: "blacklisted", reason: "expected oui or non")
            }
            var phones: [PhoneNumber] = []
            for number in try numbers(.phone) + numbers(.mobile) where !phones.contains(number) { phones.append(number) }
            return ContactRecord(lastName: lastName, firstName: try value(.firstName), phones: phones,
                                 email: email.isEmpty ? nil : email, birthDate: birthDate, notes: try value(.notes),
                                 isBlacklisted: ["oui", "yes", "1", "x"].contains(blacklist))
        }
    }

    /// `23/04/1980`, `23-04-1980`, `1980-04-23`; a date in the future or before 1880 is refused.
    static func date(_ text: String) -> LocalDate? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return nil }
        let date = text.split(separator: "-").first?.count == 4
            ? try? LocalDate(year: a, month: b, day: c) : try? LocalDate(year: c, month: b, day: a)
        guard let date, date.year >= 1880, date.year <= 2200 else { return nil }
        return date
    }

    /// A header name shown in an error: control characters out, at most 40 characters.
    public static func safe(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init).prefix(40))
    }

    /// The export: a header in French, `;` separated (what French spreadsheets open), one row a
    /// contact; fixed numbers and mobiles in their columns, several joined by ` / `.
    public static func write(_ records: [ContactRecord]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, delimiter: ";")
        try writer.write(row: Field.allCases.map(\.exportName))
        for record in records {
            try writer.write(row: [
                record.lastName, record.firstName,
                record.phones.filter { !ContactRecord.isMobile($0) }.map(\.national).joined(separator: " / "),
                record.phones.filter(ContactRecord.isMobile).map(\.national).joined(separator: " / "),
                record.email ?? "", record.birthDate.map { String(format: "%02d/%02d/%04d", $0.day, $0.month, $0.year) } ?? "",
                record.notes, record.isBlacklisted ? "oui" : "non",
            ])
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Rejected rows, for `--skip-bad`: the file's own columns, then the reason.
    public static func rejects(header: [String], rows: [(Table.Row, ContactRowError)], separator: UnicodeScalar) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, delimiter: String(separator))
        try writer.write(row: ["line"] + header + ["reason"])
        for (row, error) in rows { try writer.write(row: ["\(row.line)"] + row.fields + ["\(error.field): \(error.reason)"]) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension String {
    init?(validatingUTF8Data data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        self = text
    }
}
