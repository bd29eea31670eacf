// swift-tools-version:6.1
// The benchmarks, a package of their own so the main build and CI stay light:
//
//   cd Benchmarks && swift package benchmark
//
// See the README's "Benchmarks" section for the database they run on and the figures.
import PackageDescription

let package = Package(
    name: "secretary-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named, because a path package is otherwise known by its folder name (a worktree, a clone).
        .package(name: "secretary", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "StoreBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SecretaryCore", package: "secretary"),
                .product(name: "SecretaryStore", package: "secretary"),
                .product(name: "ConsoleUI", package: "secretary"),
                .product(name: "ConsoleStore", package: "secretary"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/StoreBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v5)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
