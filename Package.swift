// swift-tools-version:6.0
import PackageDescription

/// Formwork: a terminal form builder and report studio.
/// Target layout and import rules: docs/architecture.md.
let package = Package(
    name: "Formwork",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "formwork", targets: ["formwork"]),
        .executable(name: "formwork-bench", targets: ["formwork-bench"]),
        .library(name: "FormCore", targets: ["FormCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "FormCore"),
        .target(
            name: "JobQueue",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "queue-crash-child",
            dependencies: ["JobQueue"],
            path: "Tests/QueueCrashChild"
        ),
        .executableTarget(
            name: "formwork",
            dependencies: [
                "FormCore",
                "JobQueue",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(name: "formwork-bench", dependencies: ["FormCore", "JobQueue"]),
        .testTarget(name: "FormCoreTests", dependencies: ["FormCore"]),
        .testTarget(
            name: "JobQueueTests",
            dependencies: ["JobQueue", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
