import Foundation
import GRDB
import SecretaryCore
import SecretaryStore

/// The database the benchmarks read: generated once (seed 1, clock at Monday 2026-11-23
/// 10:00 Paris, when lines are open and callers wait) into a cache file, then reused.
///
/// - `SECRETARY_BENCH_SCALE=small` runs on a tenth of the full scale, for quick runs;
///   the default is full scale (200 clients, 1M contacts, 1M appointments, 500k calls).
/// - `SECRETARY_BENCH_DB=PATH` reads (or generates into) that file instead.
enum BenchmarkDatabase {
    static let seed: UInt64 = 1
    static let now = try! LocalCalendar(identifier: "Europe/Paris").instant(LocalDateTime(parsing: "2026-11-23T10:00"))

    static var scaleName: String {
        ProcessInfo.processInfo.environment["SECRETARY_BENCH_SCALE"].flatMap { $0.isEmpty ? nil : $0 } ?? "full"
    }

    static var size: GenerationSize {
        switch scaleName {
        case "small": return GenerationSize(clients: 20, contacts: 100_000, appointments: 100_000, calls: 50_000)
        case "full": return .fullScale
        default: fatalError("SECRETARY_BENCH_SCALE must be 'full' or 'small', not '\(scaleName)'")
        }
    }

    /// `Benchmarks/.cache/secretary-SCALE-seed1.sqlite`, beside this package.
    static var path: String {
        if let path = ProcessInfo.processInfo.environment["SECRETARY_BENCH_DB"], !path.isEmpty { return path }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return package.appendingPathComponent(".cache/secretary-\(scaleName)-seed\(seed).sqlite").path
    }

    /// Opens the cached database, generating it first (into a temporary name, renamed when
    /// complete, so an interrupted run never leaves a half-filled file behind).
    static func open() throws -> Store {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            let partial = path + ".partial"
            for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: partial + suffix) }
            let started = Date()
            FileHandle.standardError.write(Data("Generating the benchmark database \(path) (\(size))…\n".utf8))
            do {
                let store = try Store(path: partial, clock: ManualClock(now))
                try store.generate(size, seed: seed)
            }
            try manager.moveItem(atPath: partial, toPath: path)
            for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: partial + suffix) }
            FileHandle.standardError.write(Data(String(format: "Generated in %.1f s\n", Date().timeIntervalSince(started)).utf8))
        }
        return try Store(path: path, clock: ManualClock(now))
    }

    /// A fresh copy of the database for the benchmarks that write (booking, claiming), so
    /// the cached file stays as generated and every run starts from the same data.
    static func openScratch(_ name: String = "scratch") throws -> Store {
        _ = try open().checkpoint()
        let scratch = path + "." + name
        let manager = FileManager.default
        for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: scratch + suffix) }
        try manager.copyItem(atPath: path, toPath: scratch)
        return try Store(path: scratch, clock: ManualClock(now))
    }

    /// A new database holding `entries` audit entries (views of 100,000 contacts in turn),
    /// for the audit log's lookups; made once and cached beside the others.
    static func openAuditScratch(entries: Int) throws -> Store {
        let auditPath = path.replacingOccurrences(of: ".sqlite", with: "-audit\(entries).sqlite")
        if !FileManager.default.fileExists(atPath: auditPath) {
            let partial = auditPath + ".partial"
            try? FileManager.default.removeItem(atPath: partial)
            let store = try Store(path: partial, clock: ManualClock(now))
            let writer = Identity.systemActor("bench", may: [.operate])
            for batch in 0..<(entries / 10_000) {
                try store.recordRead(by: writer, objectType: "contact",
                                     objectIDs: (0..<10_000).map { "\((batch * 10_000 + $0) % 100_000)" }, details: "bench")
            }
            try store.checkpoint()
            try FileManager.default.moveItem(atPath: partial, toPath: auditPath)
        }
        let store = try Store(path: auditPath, clock: ManualClock(now))
        try store.write(by: .system, needs: nil) { db, trail in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM operator WHERE login = 'admin'") != true {
                try db.execute(sql: "INSERT INTO operator (login, display_name, role, created_at) VALUES ('admin', 'Admin', 'admin', 0)")
            }
            trail.record("bench", "database", "audit")
        }
        return store
    }
}
