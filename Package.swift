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
        .library(name: "Workspace", targets: ["Workspace"]),
        .library(name: "JobQueue", targets: ["JobQueue"]),
        .library(name: "TUIKit", targets: ["TUIKit"]),
        .library(name: "TUICurses", targets: ["TUICurses"]),
        .library(name: "HTTP", targets: ["HTTP"]),
        .library(name: "Insights", targets: ["Insights"]),
        .library(name: "Connectors", targets: ["Connectors"]),
        .library(name: "Studio", targets: ["Studio"]),
        .library(name: "TUITesting", targets: ["TUITesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
        // The shim is not called "CZlib": ZIPFoundation ships a clang module of that name, and
        // two modules with one name in the same compilation are a redefinition error.
        .systemLibrary(name: "CZlibShim", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "Reports",
            dependencies: [
                "CZlibShim", "FormCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "DOCXTests", dependencies: ["Reports", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Report model, templates, text renderers and the export CLI end to end (runs the built binary).
        .testTarget(name: "ReportsModelTests", dependencies: ["Reports", "FormCore", "formwork"]),

        // Terminal layers: TUIKit is terminal-free; only TUICurses imports the ncurses shim.
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "TUIKit"),
        .target(name: "TUICurses", dependencies: ["TUIKit", "CNcursesw"]),
        .testTarget(name: "TUIKitTests", dependencies: ["TUIKit"], exclude: ["__Snapshots__"]),
        .testTarget(name: "TUICursesTests", dependencies: ["TUICurses", "TUIKit"]),

        // HTTP over libcurl; only HTTP imports the curl shim.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "HTTP", dependencies: ["CCurl"]),
        // A tiny HTTP/1.1 server on POSIX sockets for loopback fakes; test targets only.
        .target(name: "HTTPTestSupport", path: "Tests/HTTPTestSupport"),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "HTTPTestSupport"]),

        // AI insights: providers, router, usage ledger, grounding, the offline narrator.
        .target(name: "Insights", dependencies: ["FormCore", "Reports", "HTTP"]),
        .testTarget(name: "InsightsTests", dependencies: ["Insights", "HTTP", "HTTPTestSupport", "FormCore", "Reports"]),

        // Connectors: Google Sheets and Microsoft Graph (OneDrive/Word), with their sign-in flows.
        // swift-crypto's RSA signs Google service-account JWTs (RS256).
        .target(
            name: "Connectors",
            dependencies: [
                "HTTP", "FormCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Loopback fakes of Google OAuth, Sheets and Microsoft Graph; test targets only.
        .target(
            name: "ConnectorsTestSupport",
            dependencies: ["Connectors", "HTTP", "HTTPTestSupport", .product(name: "_CryptoExtras", package: "swift-crypto")],
            path: "Tests/ConnectorsTestSupport"
        ),
        .testTarget(
            name: "ConnectorsTests",
            dependencies: [
                "Connectors", "ConnectorsTestSupport", "HTTP", "HTTPTestSupport", "FormCore",
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Drives the real binary against the fakes: pull, export, upload, download.
        .testTarget(name: "ConnectorsCLITests", dependencies: ["formwork", "ConnectorsTestSupport", "HTTPTestSupport", "Workspace", "HTTP"]),

        // Executables.
        .executableTarget(
            name: "formwork",
            dependencies: [
                "FormCore",
                "Insights",
                "Reports",
                "Studio",
                "TUIKit",
                "TUICurses",
                "Workspace",
                "Connectors",
                "JobQueue",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(name: "formwork-bench", dependencies: ["FormCore", "Reports", "TUIKit", "JobQueue", "HTTP", "Insights", "Studio", "TUITesting", "Workspace"]),
        // Runs the real `formwork` binary; depending on the executable makes SwiftPM build it
        // into the same directory as the test bundle.
        .testTarget(name: "FormworkCLITests", dependencies: ["formwork", "HTTPTestSupport"]),

        // The workspace on disk: SQLite through GRDB. Only Workspace and JobQueue import GRDB.
        .target(
            name: "Workspace",
            dependencies: ["FormCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "FormCore", .product(name: "GRDB", package: "GRDB.swift")]),

        // The studio: a pure app core (state, reducers, views) and its headless test kit.
        .target(name: "Studio", dependencies: ["FormCore", "TUIKit"]),
        .target(name: "TUITesting", dependencies: ["Studio", "TUIKit", "FormCore"]),
        .testTarget(name: "StudioTests", dependencies: ["Studio", "TUITesting", "TUIKit", "FormCore"], exclude: ["__Snapshots__"]),
        // Drives the built `formwork` binary inside tmux (skipped when tmux is missing);
        // depending on the executable builds it next to the test bundle.
        .testTarget(name: "StudioE2ETests", dependencies: ["FormCore", "formwork"]),

        // The durable job queue: generic jobs on SQLite. The crash child is the process the
        // kill-loop tests start and SIGKILL.
        .target(name: "JobQueue", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(name: "queue-crash-child", dependencies: ["JobQueue"], path: "Tests/QueueCrashChild"),
        .testTarget(name: "JobQueueTests", dependencies: ["JobQueue", "queue-crash-child", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v5]
)
