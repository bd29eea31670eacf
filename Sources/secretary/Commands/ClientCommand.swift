import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

struct ClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "Export, import and trace one client's file and instructions; return or erase its data.",
        discussion: """
            A client file describes one client: its fields, agendas, appointment types and its \
            cahier des charges (see README). Importing a file over an existing client adds its \
            instructions as a new version (an avenant) from its 'effective from' date.
            """,
        subcommands: [Export.self, Import.self, History.self, ExportData.self, Erase.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print a client's file (with its latest instructions), to edit and import back.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The client id (see `secretary clients`).") var id: String

        func run() throws {
            let clientID = try ClientID(id)
            let (store, me) = try global.signedIn(Self.auditName, .readOnly)
            let text = try store.exportClientFile(clientID)
            try store.recordView(by: me.identity, objectType: "client", objectID: clientID.rawValue, details: "export")
            print(text, terminator: "")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Create a client from a file, or update it and add its instructions as a new version.",
            discussion: "All or nothing: an error names the line and the field, and nothing is written.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The client file.") var file: String

        func run() throws {
            let name = (file as NSString).lastPathComponent
            // Measured before it is read: a 60 MB file is refused at once, not after loading it.
            if let size = try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int, size > ClientFile.maximumBytes {
                throw LineError(file: name, line: 1, field: "size", "\(InputText.describe(bytes: size)); a client file may hold "
                                + "at most \(InputText.describe(bytes: ClientFile.maximumBytes))")
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError(field: "client file", value: file, reason: "cannot be read")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ValidationError(field: "client file", value: file, reason: "is not UTF-8 text")
            }
            let parsed = try ClientFile(parsing: text, file: name)
            let (store, me) = try global.signedIn(Self.auditName)
            let result: ClientImport
            do {
                result = try store.importClientFile(parsed, by: me.identity)
            } catch let error as LineError {
                throw error.inFile(name)
            }
            var summary = result.created ? "Created client \(result.clientID)" : "Updated client \(result.clientID)"
            if let version = result.instructionsVersion {
                summary += "; instructions version \(version) from \(parsed.effectiveFrom)"
            } else {
                summary += "; instructions unchanged"
            }
            if !result.created && !result.agendasAdded.isEmpty { summary += "; agendas added: " + result.agendasAdded.joined(separator: ", ") }
            if !result.created && !result.typesAdded.isEmpty { summary += "; types added: " + result.typesAdded.joined(separator: ", ") }
            print(summary + ".")
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "List a client's instructions versions and what each amendment changed.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The client id.") var id: String
        @Flag(help: "Print JSON for scripts.") var json = false

        struct Row: Encodable {
            struct Change: Encodable {
                let section, kind: String
                let old, new: String?
            }
            let version: Int
            let effectiveFrom: String
            let inForce: Bool
            let changes: [Change]
        }

        func run() throws {
            let clientID = try ClientID(id)
            let (store, _) = try global.signedIn(Self.auditName, .readOnly)
            let client = try store.client(clientID)
            let versions = try store.instructionHistory(of: clientID)
            let today = client.calendar.localDate(of: store.now)
            let inForce = try store.instructions(of: clientID, on: today)?.version
            let dispatch = Dictionary(try store.dispatchHistory(of: clientID).map { ($0.version, $0.settings) }) { $1 }
            /// The dispatch lines (recipients, routes, rota) changed by `version`, as a section of their own.
            func dispatchChange(_ index: Int) -> Row.Change? {
                guard index > 0, let old = dispatch[versions[index - 1].version], let new = dispatch[versions[index].version],
                      old != new else { return nil }
                return .init(section: "dispatch", kind: old.isEmpty ? "added" : new.isEmpty ? "removed" : "changed",
                             old: old.text, new: new.text)
            }
            let rows = versions.enumerated().map { index, version in
                let diff = index == 0 ? nil : versions[index - 1].changes(to: version)
                return Row(version: version.version, effectiveFrom: version.effectiveFrom.description,
                           inForce: version.version == inForce,
                           changes: (diff?.changes.map { .init(section: $0.section.rawValue, kind: $0.kind.rawValue, old: $0.old, new: $0.new) } ?? [])
                               + [dispatchChange(index)].compactMap { $0 })
            }
            if json { return try printJSON(rows) }
            if versions.isEmpty { return print("\(clientID) has no instructions.") }
            for (index, version) in versions.enumerated() {
                let state = version.version == inForce ? " (in force)" : version.effectiveFrom > today ? " (scheduled)" : ""
                print("version \(version.version), from \(version.effectiveFrom)\(state)")
                guard index > 0 else {
                    print("  first version: " + Instructions.Section.allCases.filter { version.sections[$0] != nil }
                        .map(\.rawValue).joined(separator: ", "))
                    continue
                }
                let diff = versions[index - 1].changes(to: version)
                let dispatchLines = dispatch[versions[index - 1].version].flatMap { old in dispatch[version.version].map { old.changes(to: $0) } } ?? []
                if diff.changes.isEmpty && dispatchLines.isEmpty { print("  no section changed") }
                for change in diff.changes {
                    print("  \(change.section.rawValue) (\(change.kind.rawValue)):")
                    for line in change.lines {
                        if case .kept = line { continue }
                        print("    \(line)")
                    }
                }
                if let change = dispatchChange(index) {
                    print("  dispatch (\(change.kind)):")
                    for line in dispatchLines {
                        if case .kept = line { continue }
                        print("    \(line)")
                    }
                }
            }
        }
    }
}
