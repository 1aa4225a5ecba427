import Foundation

/// `formwork-bench SUITE...`: runs benchmark suites and prints `name value unit` lines.
/// Build with `swift build -c release`; timings in tests are never asserted.
let suites: [String: () throws -> Void] = BenchRegistry.suites

let requested = Array(CommandLine.arguments.dropFirst())
if requested.isEmpty || requested.contains("--help") {
    print("usage: formwork-bench SUITE...   suites: \(suites.keys.sorted().joined(separator: ", "))")
    exit(requested.isEmpty ? 2 : 0)
}
for name in requested {
    guard let suite = suites[name] else {
        FileHandle.standardError.write(Data("formwork-bench: unknown suite '\(name)'\n".utf8))
        exit(2)
    }
    do { try suite() } catch {
        FileHandle.standardError.write(Data("formwork-bench: \(name): \(error)\n".utf8))
        exit(1)
    }
}
