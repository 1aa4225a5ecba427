import Foundation

/// Runs a program and returns its exit status and standard output.
///
/// Output is collected through a temporary file, not a pipe: `tmux new-session` starts a
/// server that inherits the descriptors and outlives the call, so a pipe would never close.
@discardableResult
func shell(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let environment { process.environment = environment }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-e2e-\(UUID().uuidString).out")
    FileManager.default.createFile(atPath: url.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: url) }
    let handle = try FileHandle(forWritingTo: url)
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try handle.close()
    let data = (try? Data(contentsOf: url)) ?? Data()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
