import Foundation
import ZIPFoundation

/// Writes named files into a new zip archive. The archive is built in memory (a client's
/// data is megabytes, not gigabytes), written under a temporary name with mode 0600 (it
/// holds patients' data) and renamed when complete, so a half-written zip never carries
/// the final name.
public enum ZipWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func write(_ files: [(name: String, contents: Data)], to destination: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: destination.path) {
            throw Failure(description: "\(destination.path) already exists: choose another name")
        }
        let bytes: Data
        do {
            let archive = try Archive(accessMode: .create)
            for file in files {
                try archive.addEntry(with: file.name, type: .file, uncompressedSize: Int64(file.contents.count),
                                     compressionMethod: .deflate) { position, size in
                    file.contents.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Failure(description: "the zip archive came out empty") }
            bytes = data
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot build the zip archive: \(error)")
        }
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).partial")
        try? manager.removeItem(at: temporary)
        guard manager.createFile(atPath: temporary.path, contents: bytes, attributes: [.posixPermissions: 0o600]) else {
            throw Failure(description: "cannot write \(temporary.path)")
        }
        do {
            try manager.moveItem(at: temporary, to: destination)
        } catch {
            try? manager.removeItem(at: temporary)
            throw Failure(description: "cannot rename \(temporary.path) to \(destination.path): \(error.localizedDescription)")
        }
    }
}
