// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "claimtrail",
    products: [
        .executable(name: "claimtrail", targets: ["claimtrail"]),
        .library(name: "ClaimTrail", targets: ["ClaimTrail"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system SQLite (libsqlite3-dev), reached through its C API only.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Everything a test can reach: SQLite wrapper, store, importers, exporters, reports.
        .target(name: "ClaimTrail", dependencies: ["CSQLite"]),
        // The command line: parses arguments and calls the library.
        .executableTarget(
            name: "claimtrail",
            dependencies: [
                "ClaimTrail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Gold/ holds annotated attribution relations, read from the source tree by the evaluation test.
        .testTarget(name: "ClaimTrailTests", dependencies: ["ClaimTrail"], exclude: ["Gold"]),
    ]
)
