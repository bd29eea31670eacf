import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// A contacts file that cannot be imported: the file, the line, the field and why; never
/// the field's content.
struct ContactsFileError: Error, CustomStringConvertible {
    let file: String
    let error: ContactRowError
    var description: String { "\(file): \(error)" }
}

struct ContactsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a client's contacts from a CSV file (a practice's patient list).",
        discussion: """
            Comma, semicolon or tab separated, UTF-8 or Windows-1252 (both detected), a header row naming the \
            columns in French or English: nom, prénom, téléphone, portable, email, date de naissance, notes, \
            liste noire (last name, first name, phone, mobile, email, birth date, notes); other columns are left out. \
            A row sharing a number with a contact updates it. All or nothing: a bad row stops the import with its \
            line and field, unless --skip-bad.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The client id (see `secretary clients`).") var client: String
    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv")) var file: String
    @Flag(help: "Check and count, write nothing.") var dryRun = false
    @Flag(help: "Import the good rows; write the bad ones, with the reason, to the reject file.") var skipBad = false
    @Option(help: ArgumentHelp("The reject file for --skip-bad; default FILE.rejects.csv.", valueName: "path"))
    var rejects: String?

    func run() throws {
        let clientID = try ClientID(client)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SecretaryCore.ValidationError(field: "file", value: file, reason: "cannot be read")
        }
        guard data.count <= 512 * 1024 * 1024 else {
            throw SecretaryCore.ValidationError(field: "file", value: file, reason: "larger than 512 MB")
        }
        let (text, encoding) = ContactsCSV.decode(data)
        let table: ContactsCSV.Table
        do { table = try ContactsCSV.read(text) } catch let error as ContactRowError { throw ContactsFileError(file: file, error: error) }
        let (store, me) = try global.signedIn(Self.auditName)
        let country = try store.client(clientID).country
        var records: [ContactRecord] = []
        var bad: [(ContactsCSV.Table.Row, ContactRowError)] = []
        records.reserveCapacity(table.rows.count)
        for (row, result) in zip(table.rows, table.records(country: country)) {
            do {
                records.append(try result.get())
            } catch let error as ContactRowError {
                guard skipBad else { throw ContactsFileError(file: file, error: error) }
                bad.append((row, error))
            }
        }
        let bar = ProgressBar(terminal: isatty(STDOUT_FILENO) == 1)
        let summary = try store.importContacts(records, client: clientID, dryRun: dryRun, by: me.identity) {
            bar.show(phase: "contacts", done: $0, total: records.count)
        }
        bar.finish()
        let separator = table.separator == "\t" ? "tab" : "'\(table.separator)'"
        var lines = ["\(dryRun ? "Would import" : "Imported") \(file) (\(encoding), \(separator) separated): "
                     + "\(summary.created) new, \(summary.updated) updated, \(summary.unchanged) unchanged."]
        if !table.ignored.isEmpty {
            lines.append("Columns left out: \(table.ignored.map { ContactsCSV.safe($0) }.joined(separator: ", ")).")
        }
        if !bad.isEmpty {
            let path = rejects ?? file + ".rejects.csv"
            if dryRun {
                lines.append("\(bad.count) bad rows would go to \(path).")
            } else {
                try writePrivateFile(Data(try ContactsCSV.rejects(header: table.header, rows: bad, separator: table.separator).utf8), to: path)
                lines.append("\(bad.count) bad rows written to \(path), with the reason.")
            }
        }
        print(lines.joined(separator: "\n"))
    }
}

struct ContactsExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument { case csv, json }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a client's contacts (--client: CSV, what `contacts import` reads, or JSON), or everything held about one person (a contact id).",
        discussion: "With a contact id: the person's contact, calls, messages, appointments, waiting list and who read their record, as text or --json (recorded in the audit log).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "One person's contact id: everything held about them (a person's right of access).") var id: String?
    @Option(help: "The client id (see `secretary clients`): all its contacts.") var client: String?
    @Flag(help: "With a contact id: print JSON.") var json = false
    @Option(help: "csv (French headers, ';' separated, UTF-8) or json.") var format: Format = .csv
    @Option(help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "path"))
    var toFile: String?

    struct Row: Encodable {
        let lastName, firstName: String
        let phones: [String]
        let email: String?
        let birthDate: String?
        let notes: String
        let blacklisted: Bool
    }

    func run() throws {
        if let id {
            guard client == nil else { throw ValidationError(field: "client", value: client ?? "", reason: "give a contact id or --client, not both") }
            return try ContactsCommand.ExportPerson.export(global: global, id: id, json: json)
        }
        guard let client else { throw ValidationError(field: "client", value: "", reason: "give --client ID (all its contacts) or a contact id") }
        let clientID = try ClientID(client)
        let (store, me) = try global.signedIn(Self.auditName, .readOnly)
        let records = try store.contactRecords(client: clientID, by: me.identity)
        // A whole patient list leaving the service: audited like every read of people's data.
        try store.recordRead(by: me.identity, objectType: "contacts", objectIDs: [],
                             details: "contacts export of \(clientID), \(records.count) contacts, \(format.rawValue)")
        let data: Data
        switch format {
        case .csv: data = Data(try ContactsCSV.write(records).utf8)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            data = try encoder.encode(records.map {
                Row(lastName: $0.lastName, firstName: $0.firstName, phones: $0.phones.map(\.e164), email: $0.email,
                    birthDate: $0.birthDate?.description, notes: $0.notes, blacklisted: $0.isBlacklisted)
            }) + Data("\n".utf8)
        }
        guard let path = toFile else { return FileHandle.standardOutput.write(data) }
        try writePrivateFile(data, to: path)
    }
}
