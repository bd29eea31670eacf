import Foundation

/// The small file written beside each backup (`NAME.sqlite.manifest.json`): when it was
/// taken, the schema version, the rows per table and the file's SHA-256, so a backup can
/// be checked long after, without the database it came from.
public struct BackupManifest: Codable, Equatable, Sendable {
    public let createdAt: Date
    public let file: String
    public let schemaVersion: String
    public let rowCounts: [String: Int]
    public let sha256: String

    public init(createdAt: Date, file: String, schemaVersion: String, rowCounts: [String: Int], sha256: String) {
        self.createdAt = createdAt
        self.file = file
        self.schemaVersion = schemaVersion
        self.rowCounts = rowCounts
        self.sha256 = sha256
    }

    public static func path(for backup: String) -> String { backup + ".manifest.json" }

    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        guard FileManager.default.createFile(atPath: path, contents: try encoder.encode(self),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw BackupFileError("cannot write \(path)")
        }
    }

    public static func read(from path: String) throws -> BackupManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BackupFileError("no manifest \(path) beside the backup")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(BackupManifest.self, from: data)
        } catch {
            throw BackupFileError("the manifest \(path) is damaged")
        }
    }
}

/// The backup folder: names that sort by time, temporary names until complete, rotation.
public struct BackupFolder {
    public let path: String
    static let prefix = "secretary-"
    static let suffix = ".sqlite"

    public init(path: String) { self.path = path }

    /// Makes the folder (0700) when missing.
    public func prepare() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw BackupFileError("\(path) is not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw BackupFileError("cannot create folder \(path): \(error.localizedDescription)")
        }
    }

    /// `secretary-20261123T100000Z-01.sqlite` (`-02`... when taken): names sort by time.
    public func newName(at instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let stamp = formatter.string(from: instant)
        var index = 1
        while true {
            let name = "\(Self.prefix)\(stamp)-\(String(format: "%02d", index))\(Self.suffix)"
            if !FileManager.default.fileExists(atPath: file(name)) { return name }
            index += 1
        }
    }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// The complete backups, newest first.
    public func backups() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasPrefix(Self.prefix) && $0.hasSuffix(Self.suffix) }.sorted(by: >)
    }

    /// Removes the backups (and their manifests) beyond the newest `keep`; returns their names.
    public func rotate(keep: Int) throws -> [String] {
        let removed = Array(backups().dropFirst(keep))
        for name in removed {
            try FileManager.default.removeItem(atPath: file(name))
            try? FileManager.default.removeItem(atPath: BackupManifest.path(for: file(name)))
        }
        return removed
    }

    /// A new empty file, mode 0600, for SQLite to fill.
    public static func createPrivateFile(_ path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw BackupFileError("cannot create \(path)")
        }
    }
}

public struct BackupFileError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
