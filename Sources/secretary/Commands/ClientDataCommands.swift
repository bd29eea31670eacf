import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore
import ZipArchive

extension ClientCommand {
    /// The end of a client's contract: everything returned, in one zip.
    struct ExportData: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-data",
            abstract: "Write all of a client's data into a zip: CSVs, an iCalendar file, instructions, JSON (administrators).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The client id.") var id: String
        @Option(help: ArgumentHelp("The zip file to write (must not exist).", valueName: "file.zip")) var to: String

        func run() throws {
            let clientID = try ClientID(id)
            guard to.lowercased().hasSuffix(".zip") else {
                throw SecretaryCore.ValidationError(field: "--to", value: to, reason: "must name a .zip file")
            }
            let (store, me) = try global.signedIn(Self.auditName)
            let data = try store.clientData(clientID, by: me.identity)
            let files = ClientDataArchive.files(data, exportedAt: store.now)
            try ZipWriter.write(files, to: URL(fileURLWithPath: to))
            try store.recordClientExport(clientID, file: to, by: me.identity)
            print("Wrote \(to): \(data.contacts.rows.count) contacts, \(data.appointments.rows.count) appointments, "
                  + "\(data.messages.rows.count) messages, \(data.calls.rows.count) calls, "
                  + "\(data.instructions.count) instructions versions.")
        }
    }

    /// Removes every row of a client after its export; its line becomes free.
    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase",
            abstract: "Erase every row of a client, after `export-data` (administrators).",
            discussion: "--confirm repeats the client id. Refused when the data was never exported, unless --without-export.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The client id.") var id: String
        @Option(help: "The same client id again.") var confirm: String
        @Flag(help: "Erase even though the data was never exported.") var withoutExport = false

        func run() throws {
            let clientID = try ClientID(id)
            guard confirm == clientID.rawValue else {
                throw SecretaryCore.ValidationError(field: "confirm", value: confirm, reason: "must repeat the client id \(clientID)")
            }
            let (store, me) = try global.signedIn(Self.auditName)
            let erasure = try store.eraseClient(clientID, withoutExport: withoutExport, by: me.identity)
            let rows = erasure.rows.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            print("Erased client \(clientID): \(rows.joined(separator: ", ")); line \(erasure.line) is free.")
        }
    }
}

/// The files of a client's data export, and the README.txt that says what each holds.
enum ClientDataArchive {
    static func files(_ data: ClientData, exportedAt: Date) -> [(name: String, contents: Data)] {
        let tables: [(String, DataTable, String)] = [
            ("contacts.csv", data.contacts, "the client's contacts (callers), one a row; phones separated by spaces"),
            ("appointments.csv", data.appointments, "every appointment, past and future, cancelled included"),
            ("messages.csv", data.messages, "every message taken for the client, with its status"),
            ("calls.csv", data.calls, "every call record still kept (calls are kept two months)"),
            ("waiting-list.csv", data.waitingList, "the waiting-list entries"),
            ("absences.csv", data.absences, "the practitioners' absences"),
        ]
        var files: [(name: String, contents: Data)] = tables.map { name, table, _ in
            (name, Data(CSVText.document(header: table.header, rows: table.rows).utf8))
        }
        files.append(("appointments.ics", Data(CalendarExport.combined(data.calendars, client: data.client, name: data.client.name).utf8)))
        files.append(("client.txt", Data(data.clientFile.utf8)))
        for version in data.instructions {
            files.append(("instructions/version-\(version.version).txt",
                          Data("# effective from \(version.effectiveFrom)\n\n\(version.document)\n".utf8)))
        }
        files.append(("data.json", json(data, exportedAt: exportedAt)))
        var readme = [
            "Data of client \(data.client.id) (\(data.client.name)), exported \(ISO8601DateFormatter().string(from: exportedAt)).",
            "Times are the client's local time (\(data.client.timeZoneIdentifier)), YYYY-MM-DDTHH:MM.",
            "CSV files: UTF-8 with a header row, comma-separated, as spreadsheets open them.",
            "",
        ]
        readme += tables.map { "\($0.0): \($0.2) (\($0.1.rows.count) rows)." }
        readme += [
            "appointments.ics: the appointments of every agenda as an iCalendar file (times in the client's zone), for calendar programs.",
            "client.txt: the client's file (fields, agendas, appointment types, latest instructions), as `secretary client import` reads it.",
            "instructions/version-N.txt: every version of the instructions (cahier des charges and its amendments), with its date.",
            "data.json: all of the above in one JSON document.",
        ]
        files.insert(("README.txt", Data((readme.joined(separator: "\r\n") + "\r\n").utf8)), at: 0)
        return files
    }

    static func json(_ data: ClientData, exportedAt: Date) -> Data {
        func rows(_ table: DataTable) -> [[String: String]] {
            table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.header, $0)) }
        }
        let document: [String: Any] = [
            "client": ["id": data.client.id.rawValue, "name": data.client.name, "timeZone": data.client.timeZoneIdentifier],
            "exportedAt": ISO8601DateFormatter().string(from: exportedAt),
            "contacts": rows(data.contacts), "appointments": rows(data.appointments), "messages": rows(data.messages),
            "calls": rows(data.calls), "waitingList": rows(data.waitingList), "absences": rows(data.absences),
            "instructions": data.instructions.map { ["version": $0.version, "effectiveFrom": $0.effectiveFrom, "document": $0.document] },
            "clientFile": data.clientFile,
        ]
        return (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])) ?? Data("{}".utf8)
    }
}
