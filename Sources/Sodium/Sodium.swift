import CSodium
import Foundation

/// The thin Swift face of libsodium: Argon2id password hashes and SHA-256 (the audit chain's and the backups'). libsodium is
/// Debian's well-kept, audited C library; its `crypto_pwhash_str` stores the algorithm, the
/// limits and the salt in the string, and its verify compares in constant time.
public enum Sodium {
    /// libsodium must be initialised once before use; it is idempotent and thread-safe.
    private static let ready: Bool = sodium_init() >= 0

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Passes over the memory: one more than libsodium's interactive limits (2), which cost
    /// about 90 ms of CPU here, at the bottom of the 0.1–1 s a sign-in should cost an attacker;
    /// 3 passes cost about 140 ms. Stored hashes carry their own limits, so older ones verify.
    static let passwordPasses: UInt64 = 3

    /// An Argon2id hash of `password` with libsodium's interactive memory (64 MiB) and
    /// `passwordPasses`, in the self-describing `$argon2id$v=19$m=...` form.
    public static func passwordHash(_ password: String) throws -> String {
        guard ready else { throw Failure(description: "libsodium could not start") }
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let length = UInt64(password.utf8.count)
        let status = password.withCString { chars in
            crypto_pwhash_str(&out, chars, length,
                              passwordPasses, Int(crypto_pwhash_MEMLIMIT_INTERACTIVE))
        }
        guard status == 0 else { throw Failure(description: "not enough memory to hash a password") }
        return String(cString: out)
    }

    /// Whether `password` matches `stored` (a `passwordHash` result), in constant time.
    public static func verify(_ password: String, against stored: String) -> Bool {
        guard ready else { return false }
        let length = UInt64(password.utf8.count)
        return password.withCString { chars in crypto_pwhash_str_verify(stored, chars, length) == 0 }
    }

    /// SHA-256 of `bytes`, as 64 lowercase hexadecimal digits.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        _ = ready
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        _ = crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
        return hex(digest)
    }

    /// SHA-256 of the file at `path`, read a mebibyte at a time (a backup is hundreds of
    /// megabytes), as 64 lowercase hexadecimal digits.
    public static func sha256Hex(ofFile path: String) throws -> String {
        _ = ready
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure(description: "cannot read \(path)") }
        defer { try? handle.close() }
        var state = crypto_hash_sha256_state()
        _ = crypto_hash_sha256_init(&state)
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                _ = chunk.withUnsafeBytes { bytes in
                    crypto_hash_sha256_update(&state, bytes.bindMemory(to: UInt8.self).baseAddress, UInt64(bytes.count))
                }
            }
        } catch {
            throw Failure(description: "cannot read \(path): \(error.localizedDescription)")
        }
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        _ = crypto_hash_sha256_final(&state, &digest)
        return hex(digest)
    }

    /// SHA-256 of `bytes`, raw.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        _ = ready
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        _ = crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
        return digest
    }

    /// A keyed BLAKE2b-256 of `message` (libsodium's generichash), as hexadecimal: a MAC.
    public static func keyedHashHex(_ message: String, key: [UInt8]) -> String {
        _ = ready
        let bytes = Array(message.utf8)
        var digest = [UInt8](repeating: 0, count: Int(crypto_generichash_BYTES))
        _ = crypto_generichash(&digest, digest.count, bytes, UInt64(bytes.count), key, key.count)
        return hex(digest)
    }

    /// Whether two texts are equal, in a time that does not depend on where they differ.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return sodium_memcmp(x, y, x.count) == 0
    }

    private static func hex(_ digest: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `count` random bytes from the system's generator, as hexadecimal (session tokens).
    public static func randomHex(bytes count: Int) -> String {
        _ = ready
        var buffer = [UInt8](repeating: 0, count: count)
        randombytes_buf(&buffer, count)
        return buffer.map { String(format: "%02x", $0) }.joined()
    }
}
