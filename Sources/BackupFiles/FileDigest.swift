import Foundation

/// The SHA-256 of a file, by coreutils' `sha256sum` (on every Debian machine): a backup is
/// hundreds of megabytes, and a crypto library costs every build minutes for one digest.
/// When the project links libsodium (sign-in), `crypto_hash_sha256` can take its place here.
public enum FileDigest {
    public static func sha256(of path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = ["--binary", "--", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw BackupFileError("cannot run /usr/bin/sha256sum: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let digest = String(decoding: data.prefix(64), as: UTF8.self)
        guard process.terminationStatus == 0, digest.count == 64, digest.allSatisfy(\.isHexDigit) else {
            throw BackupFileError("cannot compute the SHA-256 of \(path)")
        }
        return digest
    }
}

public struct BackupFileError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
