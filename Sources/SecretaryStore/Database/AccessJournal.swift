import Foundation
import GRDB
import Sodium

/// Reads of personal data by one-shot commands, audited without touching the database file:
/// each read is a line of JSON appended to a sidecar file beside the database (`DB-access`,
/// mode 0600 like the database), and the next write on the database, by any process,
/// moves the lines into the audit table's hash chain in its transaction (each entry with
/// its real time), then empties the file. So a command that only reads
/// leaves the database's bytes as they were and never waits for a writer, and its read is
/// still in the audit log.
///
/// Crash safety: the file is emptied only after the commit; an entry carries a unique id,
/// kept in the audit table, so entries moved by a process killed between the commit and the
/// emptying are not moved twice. Appending and moving take the file's `flock`, a brief wait
/// that is bounded; the move takes the database's write lock first, so the two never wait
/// on each other in a circle.
struct AccessJournal {
    /// One read, as the audit table will hold it.
    struct Entry: Codable, Equatable {
        var id: String
        /// The system's real time (seconds), and the training clock's when one is in use.
        var at: Int64
        var trainingAt: Int64?
        var actor: String
        var sessionID: Int64?
        var action: String
        var objectType: String
        var objectID: String
        var details: String
    }

    /// A line of the file, read back: an entry, or a damaged line (its number and digest,
    /// never its content).
    enum Line {
        case entry(Entry)
        case damaged(line: Int, digest: String)
    }

    let path: String
    /// How long appending or moving waits for another process holding the file.
    static let lockWait: TimeInterval = 2

    init(databasePath: String) {
        path = databasePath + "-access"
    }

    /// True when entries wait in the file: one `stat`, the cost of every write's check.
    var hasEntries: Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_size > 0
    }

    /// Appends `entries` in one `write(2)` (O_APPEND, so lines of concurrent readers never
    /// interleave), under the file's lock.
    func append(_ entries: [Entry]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = Data()
        for entry in entries {
            bytes.append(try encoder.encode(entry))
            bytes.append(10)
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot record this read in the access journal") }
        defer { close(fd) }
        try lock(fd, LOCK_EX)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            // A short write (a full disk) leaves a partial line, read back as damaged.
            throw failure("cannot record this read in the access journal")
        }
    }

    /// The lines waiting in the file, under a shared lock (for `audit` and its likes).
    func pending() throws -> [Line] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return [] }
            throw failure("cannot read the access journal")
        }
        defer { close(fd) }
        try lock(fd, LOCK_SH)
        return try AccessJournal.lines(readAll(fd))
    }

    /// The file held for moving its entries: locked until released; `empty()` after the commit.
    final class Held {
        let fd: Int32
        let lines: [Line]
        init(fd: Int32, lines: [Line]) {
            self.fd = fd
            self.lines = lines
        }
        /// Empties the file (its entries are in the audit table now).
        func empty() { _ = ftruncate(fd, 0) }
        deinit { close(fd) }
    }

    /// Locks the file and reads its lines, for the caller to move them into the audit table.
    func hold() throws -> Held? {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw failure("cannot open the access journal")
        }
        do {
            try lock(fd, LOCK_EX)
            return Held(fd: fd, lines: try AccessJournal.lines(readAll(fd)))
        } catch {
            close(fd)
            throw error
        }
    }

    static func lines(_ data: Data) -> [Line] {
        let decoder = JSONDecoder()
        var result: [Line] = []
        for (index, line) in data.split(separator: 10).enumerated() {
            if let entry = try? decoder.decode(Entry.self, from: line), !entry.id.isEmpty {
                result.append(.entry(entry))
            } else {
                result.append(.damaged(line: index + 1, digest: Sodium.sha256Hex(Array(line))))
            }
        }
        return result
    }

    private func readAll(_ fd: Int32) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        _ = lseek(fd, 0, SEEK_SET)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 { throw failure("cannot read the access journal") }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// `flock`, waiting at most `lockWait` for another process.
    private func lock(_ fd: Int32, _ operation: Int32) throws {
        let deadline = Date().addingTimeInterval(AccessJournal.lockWait)
        while flock(fd, operation | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw failure("cannot lock the access journal") }
            guard Date() < deadline else {
                throw StoreError("the access journal \(path) is busy: another program has held it for "
                                 + "\(Int(AccessJournal.lockWait)) s; try again", isBusy: true)
            }
            usleep(1000)
        }
    }

    private func failure(_ what: String) -> StoreError {
        StoreError("\(what) \(path): \(String(cString: strerror(errno)))")
    }
}

extension Store {
    /// Moves the journal's entries into the audit log in a transaction of their own (the
    /// write path moves them in its own transaction, `Store.transaction`): the database's
    /// write lock is taken before the file's lock; the file is emptied after the commit.
    func moveAccessJournal(into writer: any DatabaseWriter) throws {
        var held: AccessJournal.Held?
        try writer.write { db in
            guard let file = try accessJournal.hold() else { return }
            held = file
            try AuditChain.appendMoved(file.lines, in: db)
        }
        held?.empty()
    }

    /// Moves what waits in the access journal into the audit log now (before a backup, a
    /// restore or a purge, which must see every entry in the table).
    public func moveAccessJournal() throws {
        guard accessJournal.hasEntries else { return }
        try mapped { try moveAccessJournal(into: pool) }
    }

    /// The journal's entries not yet in the audit log, oldest first (a damaged line is left
    /// out here; the move records it).
    func pendingAccess() throws -> [AccessJournal.Entry] {
        try accessJournal.pending().compactMap {
            if case .entry(let entry) = $0 { return entry }
            return nil
        }
    }
}

extension AuditChain {
    /// Appends the access journal's lines after the chain's tip, each entry with its own
    /// times, skipping those a move interrupted before emptying the file already appended.
    static func appendMoved(_ lines: [AccessJournal.Line], in db: Database) throws {
        var (id, previous) = try tip(db)
        let known = try db.cachedStatement(sql: "SELECT 1 FROM audit WHERE journal_id = ?")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO audit (id, at, training_at, actor, session_id, action, object_type, object_id, details,
                               prev_hash, hash, journal_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for line in lines {
            var fields: Fields
            let journalID: String
            switch line {
            case .entry(let entry):
                journalID = entry.id
                fields = Fields(id: 0, at: entry.at, trainingAt: entry.trainingAt, actor: entry.actor,
                                sessionID: entry.sessionID, action: entry.action, objectType: entry.objectType,
                                objectID: entry.objectID, details: entry.details)
            case .damaged(let number, let digest):
                journalID = "damaged-\(digest)"
                fields = Fields(id: 0, at: Date().stored, trainingAt: nil, actor: "system", sessionID: nil,
                                action: "journal-damaged", objectType: "access-journal", objectID: "line \(number)",
                                details: "a line of the access journal could not be read; left out")
            }
            if try Bool.fetchOne(known, arguments: [journalID]) == true { continue }
            id += 1
            fields.id = id
            let hash = digest(fields, previous: previous)
            try insert.execute(arguments: [id, fields.at, fields.trainingAt, fields.actor, fields.sessionID, fields.action,
                                           fields.objectType, fields.objectID, fields.details, previous, hash, journalID])
            previous = hash
        }
    }
}
