import Sodium

/// Every account of demo and generated data has this password, written in the README: the
/// data are for trying and measuring, never for real callers.
public enum DemoAccounts {
    public static let password = "secretary-demo"

    /// Hashed once per process: the accounts share it, as they share the published password.
    static let passwordHash: String? = try? Sodium.passwordHash(password)
}
