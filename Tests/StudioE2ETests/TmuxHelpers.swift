import Foundation

/// Runs a program and returns its exit status and its standard output and error.
///
/// Spawned with `posix_spawn` and reaped with `waitpid`, not through Foundation's `Process`:
/// `Process` on Linux learns of a child's exit from a socket the child inherits, and
/// `tmux new-session` forks a server that keeps that socket open for as long as it lives, so
/// `waitUntilExit()` can wait forever (swift-corelibs-foundation#4795). Output goes through a
/// temporary file, not a pipe, for the same reason.
@discardableResult
func shell(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-e2e-\(UUID().uuidString).out")
    defer { try? FileManager.default.removeItem(at: url) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { env.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, env)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let data = (try? Data(contentsOf: url)) ?? Data()
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitStatus, String(decoding: data, as: UTF8.self))
}

/// `LLVM_PROFILE_FILE='…'` when the tests run with coverage, so the studio started inside tmux
/// (whose server does not inherit our environment) writes its profile where llvm-cov looks.
var profileAssignment: String {
    guard let path = ProcessInfo.processInfo.environment["LLVM_PROFILE_FILE"] else { return "" }
    return "LLVM_PROFILE_FILE='\(path)'"
}
