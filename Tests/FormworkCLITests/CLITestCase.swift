import FormCore
import XCTest

/// Drives the real `formwork` binary: stdout lines, one-line stderr messages and exit codes
/// (0 ok, 1 invalid input or failed check, 2 unreadable file).
class CLITestCase: XCTestCase {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
        var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = root.appendingPathComponent("samples")

    /// The binary SwiftPM built beside the test bundle (this target depends on it).
    static let binary: URL? = {
        let candidates = [
            Bundle(for: CLITestCase.self).bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            root.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("formwork") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// A fresh folder per test, the working directory of every run.
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs the binary; `input`, when given, is its whole standard input (then end of file).
    func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Run {
        let binary = try XCTUnwrap(Self.binary, "the formwork binary was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "COLUMNS")
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = directory.appendingPathComponent("stdout-\(UUID().uuidString)"), err = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let input {
            let file = directory.appendingPathComponent("stdin-\(UUID().uuidString)")
            try Data(input.utf8).write(to: file)
            process.standardInput = try FileHandle(forReadingFrom: file)
        }
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8))
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        return name
    }

    func sample(_ name: String) -> String { Self.samples.appendingPathComponent(name).path }
}
