// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "secretary",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "secretary", targets: ["secretary"]),
        .library(name: "SecretaryCore", targets: ["SecretaryCore"]),
        .library(name: "SecretaryStore", targets: ["SecretaryStore"]),
        .library(name: "ConsoleUI", targets: ["ConsoleUI"]),
        .library(name: "ConsoleStore", targets: ["ConsoleStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The advice and emergency rules, and the list of common passwords, are data files.
        .target(name: "SecretaryCore", dependencies: [.product(name: "CSV", package: "CSV.swift")],
                resources: [.copy("Guard/Rules"), .copy("Access/Data")]),
        // libsodium (Debian's libsodium-dev): Argon2id password hashes and SHA-256.
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .target(name: "Sodium", dependencies: ["CSodium"]),
        // The demo clients are client files, in the format `secretary client import` reads.
        .target(
            name: "SecretaryStore",
            dependencies: ["SecretaryCore", "Sodium", .product(name: "GRDB", package: "GRDB.swift"),
                           // GRDB's own SQLite module: a report reads 250 k rows' columns straight from it.
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            resources: [.copy("Demo/Clients")]
        ),
        .target(name: "ConsoleUI", dependencies: ["SecretaryCore"]),
        // The console's and the wallboard's data over the store: a library, so the benchmarks
        // can load a real console on a generated database.
        .target(name: "ConsoleStore", dependencies: ["ConsoleUI", "SecretaryStore"]),
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "CursesBackend", dependencies: ["CNcursesw", "ConsoleUI"]),
        // The Linux kernel's inotify (through Glibc): wakes the console when the database's log is written.
        .target(name: "Inotify"),
        // Other programs run directly, with a bounded wait: sendmail, the SMS command, curl.
        .target(name: "ChildProcess"),
        // The sendmail interface and the SMS gateway's command: the processes messages leave by.
        .target(name: "Delivery", dependencies: ["SecretaryCore", "ChildProcess"]),
        // CalDAV over HTTP through the system's curl, for `calendar sync` and busy times.
        .target(name: "CalDAVClient", dependencies: ["ChildProcess"]),
        // Writes zip archives (a client's data at the end of its contract).
        .target(name: "ZipArchive", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Backup files beside the database: their manifest, SHA-256 digest (coreutils' sha256sum) and rotation.
        .target(name: "BackupFiles", dependencies: ["SecretaryCore"]),
        .executableTarget(
            name: "secretary",
            dependencies: [
                "SecretaryCore", "SecretaryStore", "ConsoleUI", "ConsoleStore", "CursesBackend", "Delivery", "CalDAVClient",
                "ZipArchive", "BackupFiles", "Inotify", "Sodium",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test helper: several of these write to one database at once.
        .executableTarget(name: "secretary-stress", dependencies: ["SecretaryCore", "SecretaryStore"]),
        .testTarget(name: "SecretaryCoreTests", dependencies: ["SecretaryCore"], resources: [.copy("Corpus")]),
        .testTarget(name: "SecretaryStoreTests", dependencies: ["SecretaryStore", "TestSupport"]),
        .testTarget(name: "ConsoleUITests", dependencies: ["ConsoleUI", "SecretaryStore"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend"]),
        .testTarget(name: "SecretaryCLITests", dependencies: ["SecretaryStore", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
        // Finds the built binaries and runs them, for tests that drive real processes.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
    ],
    swiftLanguageModes: [.v5]
)
