import ArgumentParser
import BackupFiles
import Foundation
import SecretaryCore
import SecretaryStore
import Sodium

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Back the database up while terminals keep working; verify a backup.",
        discussion: """
            SQLite's online backup copies one consistent snapshot while consoles read and write. The copy \
            is written under a temporary name, renamed when complete, mode 0600, with a manifest beside it \
            (NAME.manifest.json: time, schema version, rows per table, SHA-256).
            """,
        subcommands: [Take.self, Verify.self], defaultSubcommand: Take.self)

    struct Take: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "take", abstract: "Back up into a folder (the default).")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The folder of backups (made 0700 when missing).", valueName: "dir")) var to: String
        @Option(help: "Keep only the newest N backups in the folder.") var keep: Int?

        func validate() throws {
            if let keep, keep < 1 { throw ValidationError("--keep must be at least 1") }
        }

        func run() throws {
            let (store, me) = try global.signedIn(Self.auditName)
            try store.require(.administer, by: me.identity, for: "backup")
            // The reads waiting in the access journal go into the backup's audit log.
            try store.moveAccessJournal()
            let folder = BackupFolder(path: to)
            try folder.prepare()
            // Named and dated by the real time, not a training clock: the file is a real artefact.
            let takenAt = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            let name = folder.newName(at: takenAt)
            let final = folder.file(name)
            let partial = folder.file(".\(name).partial")
            do {
                try BackupFolder.createPrivateFile(partial)
                let inventory = try store.backup(toFile: partial)
                let manifest = BackupManifest(createdAt: takenAt,
                                              file: name, schemaVersion: inventory.schemaVersion,
                                              rowCounts: inventory.rowCounts, sha256: try Sodium.sha256Hex(ofFile: partial))
                try manifest.write(to: BackupManifest.path(for: final))
                try FileManager.default.moveItem(atPath: partial, toPath: final)
            } catch {
                try? FileManager.default.removeItem(atPath: partial)
                try? FileManager.default.removeItem(atPath: BackupManifest.path(for: final))
                throw error
            }
            try store.recordBackup(to: final, by: me.identity)
            let removed = try keep.map { try folder.rotate(keep: $0) } ?? []
            print(final)
            if !removed.isEmpty { print("Removed \(removed.count) older backup(s): \(removed.joined(separator: ", "))") }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check a backup: SQLite's integrity check, its schema version, and rows and SHA-256 against its manifest.")
        @Argument(help: "The backup file.") var file: String

        func run() throws {
            let summary = try BackupCheck.verify(file)
            print("OK: \(file): \(summary)")
        }
    }
}

/// The checks `backup verify` and `restore` make.
enum BackupCheck {
    /// Returns a one-line summary, or throws naming the first difference.
    static func verify(_ file: String) throws -> String {
        let manifest = try BackupManifest.read(from: BackupManifest.path(for: file))
        let digest = try Sodium.sha256Hex(ofFile: file)
        guard digest == manifest.sha256 else {
            throw StoreError("\(file): SHA-256 \(digest) differs from the manifest's \(manifest.sha256): the file changed")
        }
        let inventory = try Store.inspectBackup(at: file)
        guard inventory.schemaVersion == manifest.schemaVersion else {
            throw StoreError("\(file): schema version \(inventory.schemaVersion), manifest says \(manifest.schemaVersion)")
        }
        for table in Set(inventory.rowCounts.keys).union(manifest.rowCounts.keys).sorted()
        where inventory.rowCounts[table] != manifest.rowCounts[table] {
            throw StoreError("\(file): table \(table) has \(inventory.rowCounts[table] ?? 0) rows, manifest says \(manifest.rowCounts[table] ?? 0)")
        }
        guard Store.schemaVersions.contains(inventory.schemaVersion) else {
            throw StoreError("\(file): schema version \(inventory.schemaVersion) is newer than this program knows")
        }
        let rows = inventory.rowCounts.values.reduce(0, +)
        return "integrity ok, schema \(inventory.schemaVersion), \(inventory.rowCounts.count) tables, \(rows) rows, "
            + "SHA-256 matches, taken \(ISO8601DateFormatter().string(from: manifest.createdAt))"
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the database with a verified backup (refused while a terminal is open on it).",
        discussion: "The replaced file is kept beside it as NAME.replaced-TIME; the restored database is checked before the command ends.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup file.") var file: String

    func run() throws {
        _ = try BackupCheck.verify(file)
        let target = global.databasePath
        let manager = FileManager.default
        var replaced: String?
        if manager.fileExists(atPath: target) {
            let current = try global.openStore(.readWrite)
            let me = try global.signIn(to: current, command: Self.auditName)
            try current.require(.administer, by: me.identity, for: "restore")
            let open = try current.activeSessions()
            guard open.isEmpty else {
                let who = open.map { "\($0.login) (\($0.kind))" }.joined(separator: ", ")
                throw StoreError("refused: \(open.count) terminal(s) signed in on \(target): \(who); close them first")
            }
            // The replaced file, kept aside, keeps the reads made on it.
            try current.moveAccessJournal()
            try current.checkpoint()
            try current.close()
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            let aside = "\(target).replaced-\(formatter.string(from: Date()))"
            try manager.moveItem(atPath: target, toPath: aside)
            for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: target + suffix) }
            replaced = aside
        }
        let incoming = target + ".restoring"
        try BackupFolder.createPrivateFile(incoming)
        guard let handle = FileHandle(forWritingAtPath: incoming), let source = FileHandle(forReadingAtPath: file) else {
            throw StoreError("cannot copy \(file) to \(incoming)")
        }
        while true {
            let chunk = source.readData(ofLength: 4 << 20)
            if chunk.isEmpty { break }
            handle.write(chunk)
        }
        try handle.synchronize()
        try handle.close()
        try source.close()
        try manager.moveItem(atPath: incoming, toPath: target)
        let restored = try global.openStore()
        let inventory = try restored.verifiedInventory()
        let me = try global.signIn(to: restored, command: Self.auditName)
        try restored.recordRestore(from: file, replaced: replaced, by: me.identity)
        print("Restored \(target) from \(file) (schema \(inventory.schemaVersion), integrity ok)"
              + (replaced.map { "; the replaced file is kept as \($0)" } ?? "") + ".")
    }
}
