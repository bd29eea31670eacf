import Foundation
import GRDB

/// How a command uses the database, and so what opening it may do.
public enum OpenMode: Sendable {
    /// Only reads: one read-only connection, no write and no write lock (the file's bytes
    /// stay as they were), never waiting behind a writer. A file whose schema is behind is
    /// still migrated first.
    case readOnly
    /// Reads and writes an existing secretary database (migrated if its schema is behind).
    case readWrite
    /// `init`, `demo`, `generate`: may create the file and its folder, and give a new or
    /// empty file the schema. Any other SQLite file is still refused untouched.
    case create
}

extension Store {
    /// How long a command-line write (and a PBX hook) waits for another program's lock.
    public static let writeWait: TimeInterval = 5
    /// How long a console's write waits before the operator is told the database is busy
    /// (what was typed stays on screen).
    public static let consoleWait: TimeInterval = 2
}

extension StoreError {
    static func busy(_ path: String, seconds: TimeInterval) -> StoreError {
        StoreError("the database is busy: another program has held \(path) for \(Int(seconds.rounded())) s; try again",
                   isBusy: true)
    }
}

extension DatabaseError {
    var isBusy: Bool { resultCode == .SQLITE_BUSY || resultCode == .SQLITE_LOCKED }
}

/// The file on disk, checked before SQLite opens it.
struct DatabaseFile {
    var warnings: [String] = []

    /// Refuses what is not a plain file holding an SQLite database (a folder, a device, a
    /// text, a `file:` URI that SQLite would read its own way); creates a missing file
    /// (mode 0600, and a missing folder 0700, before SQLite does, so patients' data is never
    /// readable by other users, even for an instant) only in `.create` mode; tightens
    /// loose permissions.
    static func prepare(_ path: String, mode: OpenMode) throws -> DatabaseFile {
        if path.hasPrefix("file:") {
            throw StoreError("cannot open database \(path): give a file's path, not a URI")
        }
        var status = stat()
        guard stat(path, &status) == 0 else {
            guard errno == ENOENT else {
                throw StoreError("cannot open database \(path): \(String(cString: strerror(errno)))")
            }
            guard mode == .create else {
                throw StoreError("no database at \(path): create one with `secretary init --db \(path)` "
                                 + "(or `secretary demo --db \(path)` for demo data)")
            }
            try create(path)
            return DatabaseFile()
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: throw StoreError("cannot open database \(path): it is a folder")
        case S_IFREG: break
        default: throw StoreError("cannot open database \(path): not a regular file")
        }
        guard access(path, R_OK) == 0 else { throw StoreError("cannot open database \(path): not readable") }
        if let handle = FileHandle(forReadingAtPath: path) {
            defer { try? handle.close() }
            let header = handle.readData(ofLength: 16)
            if !header.isEmpty && header != Data("SQLite format 3\0".utf8) {
                throw StoreError("cannot open database \(path): not an SQLite database")
            }
        }
        var file = DatabaseFile()
        file.tightenPermissions(path)
        return file
    }

    private static func create(_ path: String) throws {
        let manager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !manager.fileExists(atPath: folder) {
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError("cannot create folder \(folder): \(error.localizedDescription)")
            }
        }
        guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError("cannot create database \(path)")
        }
    }

    /// A database other users may read (0644, say) is made 0600, and so are its -wal and
    /// -shm (SQLite gives them the database's mode) and its access journal, when this
    /// process owns them.
    private mutating func tightenPermissions(_ path: String) {
        for file in [path, path + "-wal", path + "-shm", AccessJournal(databasePath: path).path] {
            var status = stat()
            guard stat(file, &status) == 0, status.st_mode & 0o077 != 0 else { continue }
            let mode = String(status.st_mode & 0o777, radix: 8)
            if status.st_uid == geteuid(), chmod(file, 0o600) == 0 {
                warnings.append("warning: \(file) was readable by other users (mode 0\(mode)); made it 0600")
            } else {
                warnings.append("warning: \(file) is readable by other users (mode 0\(mode)); ask its owner to make it 0600")
            }
        }
    }
}

/// What a database file holds, read without writing: our schema and how current it is.
enum SchemaState: Equatable {
    /// No table at all: a new or empty file.
    case empty
    /// Tables, but not this project's.
    case foreign
    /// A `generate` that never finished (the demo seeding is one transaction: it cannot).
    case incomplete
    /// Made by a newer secretary: migrations this one does not know.
    case newer(String)
    /// Our schema, some migrations missing.
    case behind
    case current

    /// `PRAGMA user_version` while a `generate` is under way: the file's header says it is
    /// incomplete from its first rows until the last one is in.
    static let incompleteMark = 0x5EC0

    init(_ db: Database) throws {
        if try Int.fetchOne(db, sql: "PRAGMA user_version") == SchemaState.incompleteMark {
            self = .incomplete
            return
        }
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        guard !tables.isEmpty else {
            self = .empty
            return
        }
        guard tables.contains("grdb_migrations"),
              let applied = try? String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
              applied.contains(Schema.versions.first ?? "") else {
            self = .foreign
            return
        }
        let known = Schema.versions
        if let unknown = applied.filter({ !known.contains($0) }).sorted().last {
            self = .newer(unknown)
        } else {
            self = Set(applied).isSuperset(of: known) ? .current : .behind
        }
    }

    /// Refuses what `mode` may not open, with the reason and what to do.
    func check(path: String, mode: OpenMode) throws {
        switch self {
        case .current, .behind: return
        case .empty where mode == .create: return
        case .empty:
            throw StoreError("no database at \(path) (an empty file): create one with `secretary init --db \(path)`")
        case .foreign:
            throw StoreError("\(path) is not a secretary database (it holds another program's tables); nothing was changed")
        case .incomplete:
            throw StoreError("\(path) is incomplete: its generation was interrupted; delete it and generate it again")
        case .newer(let version):
            throw StoreError("this database was made by a newer secretary (schema \(version)); upgrade secretary")
        }
    }
}

extension Store {
    /// Sets or clears the file's incomplete mark (its header's user version), inside the
    /// caller's transaction when there is one.
    static func markIncomplete(_ incomplete: Bool, in db: Database) throws {
        try db.execute(sql: "PRAGMA user_version = \(incomplete ? SchemaState.incompleteMark : 0)")
    }
}
