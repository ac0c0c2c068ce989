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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
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
        // `claimtrail serve`: HTTP routes over the same library calls as the commands, with no SQL of its own.
        // openapi.yaml is embedded (like the schema) so that the binary serves it without the source tree.
        .target(
            name: "ClaimTrailServer",
            dependencies: [
                "ClaimTrail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("openapi.yaml")]
        ),
        // The command line: parses arguments and calls the library.
        .executableTarget(
            name: "claimtrail",
            dependencies: [
                "ClaimTrail",
                "ClaimTrailServer",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Gold/ holds annotated attribution relations, read from the source tree by the evaluation test;
        // Interchange/ a JSON export as written before it was streamed, which the streamed one must match.
        .testTarget(
            name: "ClaimTrailTests",
            dependencies: ["ClaimTrail"],
            exclude: ["Gold", "Browser", "Interchange"]
        ),
    ]
)
