import Foundation
import SecretaryStore
import Sodium

/// Where a person's command ticket is kept between commands: a 0600 file per login in a 0700
/// folder beside the database (`DB-tickets/`), so only the account that owns the database
/// can read it. Kept only when the password comes from `SECRETARY_PASSWORD_FILE`: scripts run
/// many commands, and a person at a terminal types the password anyway.
struct TicketFile {
    let path: String

    init(databasePath: String, login: String) {
        let name = String(Sodium.sha256Hex(Array(login.utf8)).prefix(24))
        path = databasePath + "-tickets/" + name
    }

    /// The password file's identity: its path, device, inode, size and change times. A
    /// rewritten file is another source, whatever it holds.
    static func source(ofPasswordFile path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return "file \(path) \(status.st_dev) \(status.st_ino) \(status.st_size) "
            + "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)"
    }

    /// The kept ticket: one short line, from a file only this user may read.
    func read() -> String? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_uid == geteuid(), status.st_mode & 0o077 == 0,
              status.st_size <= 256, let data = FileManager.default.contents(atPath: path) else { return nil }
        return Credentials.firstLine(of: String(decoding: data, as: UTF8.self))
    }

    /// Keeps `ticket` (best effort: a folder the command cannot write just means no ticket),
    /// written aside and renamed, so a reader never sees half of it.
    func write(_ ticket: String) {
        let folder = (path as NSString).deletingLastPathComponent
        if mkdir(folder, 0o700) != 0 && errno != EEXIST { return }
        let partial = path + ".\(getpid())"
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return }
        let line = Array((ticket + "\n").utf8)
        let written = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        if written != line.count || rename(partial, path) != 0 { unlink(partial) }
    }
}
