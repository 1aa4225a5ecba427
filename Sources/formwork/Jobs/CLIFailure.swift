import ArgumentParser
import Foundation
import JobQueue

/// Maps errors from the queue commands to one stderr line and an exit code:
/// 1 when the input is invalid or a check failed, 2 for environment trouble (locked database,
/// full disk, unreadable file). No stack trace reaches the user.
enum CLIFailure {
    /// Runs `body`, translating thrown errors into `formwork: message` and an `ExitCode`.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as JobQueueError {
            printError(error.description)
            throw ExitCode(code(for: error))
        } catch let error as ValidationError {
            printError(error.message)
            throw ExitCode(2)
        } catch {
            printError(String(describing: error))
            throw ExitCode(2)
        }
    }

    /// The exit code of a queue error.
    static func code(for error: JobQueueError) -> Int32 {
        switch error {
        case .databaseLocked, .diskFull, .database: return 2
        default: return 1
        }
    }

    /// Writes `formwork: message` to stderr.
    static func printError(_ message: String) {
        let line = message.replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data("formwork: \(line)\n".utf8))
    }
}

/// Shared helpers of the queue commands.
enum JobsCLI {
    /// Opens the workspace's queue store.
    static func openStore(_ workspace: WorkspaceOptions, durability: JobDurability = .full) throws -> JobStore {
        var options = JobStoreOptions()
        options.durability = durability
        return try JobStore(path: try workspace.databasePath(), options: options)
    }

    /// Parses a comma-separated list of states.
    static func states(_ text: String?) throws -> [JobState] {
        guard let text, !text.isEmpty else { return [] }
        return try text.split(separator: ",").map { raw in
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard let state = JobState(rawValue: name) else {
                throw JobQueueError.invalidRequest("unknown state '\(name)' (states: \(JobState.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return state
        }
    }

    /// Prints a value as pretty, key-sorted JSON.
    static func printJSON(_ value: Any) throws {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// ISO 8601 for a Unix-millisecond time, or "-".
    static func time(_ millis: Int64?) -> String {
        guard let millis else { return "-" }
        return ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}
