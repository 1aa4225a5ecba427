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
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "TUIKit", targets: ["TUIKit"]),
        .library(name: "TUICurses", targets: ["TUICurses"]),
        .library(name: "Studio", targets: ["Studio"]),
        .library(name: "TUITesting", targets: ["TUITesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The form model, expressions and rule engine: Foundation only.
        .target(
            name: "FormCore",
            // The rule engine's hot loop reads class-held arrays tens of thousands of times per
            // evaluation; dynamic exclusivity checks there cost more than the work itself.
            // Static checks still apply.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .testTarget(name: "FormCoreTests", dependencies: ["FormCore"]),

        // Reports: the document model and its renderers. Only Reports imports the zlib shim.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Reports", dependencies: ["CZlib"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),

        // Terminal layers: TUIKit is terminal-free; only TUICurses imports the ncurses shim.
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "TUIKit"),
        .target(name: "TUICurses", dependencies: ["TUIKit", "CNcursesw"]),
        .testTarget(name: "TUIKitTests", dependencies: ["TUIKit"], exclude: ["__Snapshots__"]),
        .testTarget(name: "TUICursesTests", dependencies: ["TUICurses", "TUIKit"]),

        // Executables.
        .executableTarget(
            name: "formwork",
            dependencies: [
                "FormCore",
                "Studio",
                "TUIKit",
                "TUICurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "formwork-bench", dependencies: ["FormCore", "Reports", "TUIKit", "Studio", "TUITesting"]),

        // The studio: a pure app core (state, reducers, views) and its headless test kit.
        .target(name: "Studio", dependencies: ["FormCore", "TUIKit"]),
        .target(name: "TUITesting", dependencies: ["Studio", "TUIKit", "FormCore"]),
        .testTarget(name: "StudioTests", dependencies: ["Studio", "TUITesting", "TUIKit", "FormCore"], exclude: ["__Snapshots__"]),
        // Drives the built `formwork` binary inside tmux; skipped when tmux is missing.
        .testTarget(name: "StudioE2ETests", dependencies: ["FormCore"]),
    ],
    swiftLanguageModes: [.v5]
)
