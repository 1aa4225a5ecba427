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
    ],
    targets: [
        .target(name: "FormCore"),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "Reports", dependencies: ["CZlib"]),
        .executableTarget(
            name: "formwork",
            dependencies: [
                "FormCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "formwork-bench", dependencies: ["FormCore", "Reports"]),
        .testTarget(name: "FormCoreTests", dependencies: ["FormCore"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
    ],
    swiftLanguageModes: [.v5]
)
