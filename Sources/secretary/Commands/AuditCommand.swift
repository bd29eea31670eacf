import ArgumentParser
import Foundation
import SecretaryCore
import SecretaryStore

/// Who saw or changed what, and whether the log is as it was written.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read the audit log (supervisors and administrators), or verify its chain.",
        subcommands: [List.self, Verify.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Who saw or changed what, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("who"), help: "Only this person's entries (their login).") var who: String?
        @Option(help: "Only entries about this client, or its contacts.") var client: String?
        @Option(help: "Only entries about this contact (id).") var contact: Int64?
        @Option(help: "Only this action (view, book, sign-in, sign-in-failed, lock...).") var action: String?
        @Option(help: ArgumentHelp("From this time (system time, Europe/Paris).", valueName: "YYYY-MM-DDTHH:MM")) var since: String?
        @Option(help: ArgumentHelp("Until this time.", valueName: "YYYY-MM-DDTHH:MM")) var until: String?
        @Option(help: "At most this many entries.") var limit = 200
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let paris = try LocalCalendar(identifier: "Europe/Paris")
            func instant(_ text: String?, _ field: String) throws -> Date? {
                guard let text else { return nil }
                if let moment = try? LocalDateTime(parsing: text) { return paris.instant(moment) }
                guard let day = try? LocalDate(parsing: text) else {
                    throw ValidationError(field: field, value: text, reason: "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
                }
                return paris.instant(day, try TimeOfDay(minutes: 0))
            }
            guard (1...100_000).contains(limit) else {
                throw ValidationError(field: "limit", value: "\(limit)", reason: "use 1 to 100000")
            }
            let filter = AuditFilter(actor: who, clientID: client, contactID: contact, action: action,
                                     since: try instant(since, "since"), until: try instant(until, "until"), limit: limit)
            let (store, me) = try global.signedIn("audit", .readOnly)
            let records = try store.auditLog(filter, by: me.identity)
            if json { return try printJSON(records) }
            if records.isEmpty { return print("No audit entries.") }
            func time(_ date: Date) -> String {
                let local = paris.localDateTime(of: date)
                return "\(local.date) \(local.time)"
            }
            printTable([["ID", "TIME", "WHO", "SESSION", "ACTION", "OBJECT", "DETAILS"]] + records.map {
                [$0.id.map { String($0) } ?? "pending", time($0.at) + ($0.trainingAt.map { " (training \(time($0)))" } ?? ""), $0.actor,
                 $0.sessionID.map { String($0) } ?? "", $0.action, "\($0.objectType) \($0.objectID)", $0.details]
            })
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check that no audit entry was edited, inserted or deleted (exit 1 naming the first that breaks the chain).")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (store, me) = try global.signedIn("audit verify", .readOnly)
            let (checked, problem) = try store.verifyAudit(by: me.identity)
            if let problem {
                throw AuditBroken(description: "audit log tampered with: \(problem) (\(checked) entries before it are intact)")
            }
            let pending = try store.pendingAuditCount()
            print("Audit log intact: \(checked) entries, each following the one before."
                  + (pending == 0 ? "" : " \(pending) reads are pending in the access journal, outside the chain until the next write moves them in."))
        }
    }

    struct AuditBroken: Error, CustomStringConvertible { let description: String }
}

/// Settings an administrator changes: the lock after failed sign-ins, the idle lock.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show the settings, or change one (administrators): settings KEY VALUE.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "lock-after-failures, lock-seconds or idle-lock-seconds.") var key: String?
    @Argument(help: "The new value (a whole number).") var value: String?

    func run() throws {
        let (store, me) = try global.signedIn("settings", key == nil ? .readOnly : .readWrite)
        let adjustable = SettingKey.allCases.filter { $0.adjustableRange != nil }
        guard let key else {
            return printTable([["KEY", "VALUE", "RANGE"]] + adjustable.map {
                [$0.rawValue, "\((try? store.number($0)) ?? $0.defaultValue)",
                 $0.adjustableRange.map { "\($0.lowerBound)–\($0.upperBound)" } ?? ""]
            })
        }
        guard let setting = SettingKey(rawValue: key), setting.adjustableRange != nil else {
            throw ValidationError(field: "key", value: key, reason: "expected " + adjustable.map(\.rawValue).joined(separator: ", "))
        }
        guard let text = value, let number = Int(text) else {
            throw ValidationError(field: "value", value: value ?? "", reason: "expected a whole number")
        }
        try store.set(setting, to: number, by: me.identity)
        print("\(setting.rawValue) = \(number)")
    }
}
