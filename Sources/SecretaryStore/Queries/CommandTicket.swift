import Foundation
import Sodium

/// A command's proof that the same person, with the same password file, passed the password
/// check a few minutes ago, so that a script's next commands skip Argon2id (a tenth of a
/// second each, on purpose), as sudo's timestamp does for its password.
///
/// It is a MAC keyed with the account's stored hash (a secret of the database): it holds
/// nothing derived from the password, so it gives an attacker no faster guess; a password
/// change voids it, and the account's state (disabled, locked, failures) is checked on every
/// command as before. `source` names where the password came from (the password file's
/// identity: a file rewritten, even with the same name, is another source).
public final class CommandTicket: @unchecked Sendable {
    /// How long a ticket admits: sudo's default.
    public static let lifetime: TimeInterval = 300

    public let source: String
    /// The ticket kept from an earlier command, if any.
    public let presented: String?
    /// A new ticket after a full password check, to keep for the next commands.
    public private(set) var issued: String?

    public init(source: String, presented: String?) {
        self.source = source
        self.presented = presented
    }

    /// Whether the presented ticket is for this login, hash and source, and not expired.
    func admits(login: String, hash: String, now: Date) -> Bool {
        guard let presented else { return false }
        let fields = presented.split(separator: " ")
        guard fields.count == 2, let expires = Int64(fields[0]) else { return false }
        let seconds = Int64(now.timeIntervalSince1970)
        guard expires > seconds, expires <= seconds + Int64(Self.lifetime) else { return false }
        return Sodium.constantTimeEqual(String(fields[1]), mac(login: login, hash: hash, expires: expires))
    }

    func issue(login: String, hash: String, now: Date) {
        let expires = Int64(now.timeIntervalSince1970) + Int64(Self.lifetime)
        issued = "\(expires) \(mac(login: login, hash: hash, expires: expires))"
    }

    private func mac(login: String, hash: String, expires: Int64) -> String {
        Sodium.keyedHashHex("secretary command ticket 1\n\(login)\n\(expires)\n\(source)",
                            key: Sodium.sha256(Array(hash.utf8)))
    }
}
