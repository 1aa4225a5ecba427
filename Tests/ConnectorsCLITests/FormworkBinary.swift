import Foundation
import XCTest

/// Runs the real `formwork` binary that SwiftPM built beside the tests.
struct FormworkBinary {
    /// What one run printed and how it exited.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let url: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            Bundle(for: ConnectorsRoundTripTests.self).bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            root.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("formwork") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The folder runs start in (and the workspace below it).
    let directory: URL
    /// Variables added to the process environment.
    var environment: [String: String] = [:]

    /// A process set up to run `arguments` with the workspace option added.
    func process(_ arguments: [String]) throws -> Process {
        let binary = try XCTUnwrap(Self.url, "the formwork binary was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + ["--workspace", directory.appendingPathComponent("ws").path]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        return process
    }

    /// Runs to the end with no input.
    func run(_ arguments: [String]) throws -> Run {
        let process = try process(arguments)
        let out = directory.appendingPathComponent("out-\(UUID().uuidString)"), err = directory.appendingPathComponent("err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8))
    }
}
