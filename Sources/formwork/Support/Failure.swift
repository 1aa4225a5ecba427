import ArgumentParser
import FormCore
import Foundation
import Workspace

/// Exit codes every command uses.
enum Exit {
    /// The input is invalid or a check failed.
    static let invalid = ExitCode(1)
    /// Usage or environment error: unreadable files, a bad workspace.
    static let environment = ExitCode(2)
}

/// Prints one line to standard error, prefixed with the program name.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("formwork: \(message)\n".utf8))
}

/// Runs a command body and turns any error into one line on stderr and an exit code: no
/// stack trace ever reaches a user.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as ValidationError {
        throw error
    } catch let error as FormFileError {
        printError(error.description)
        throw error.isUnreadable ? Exit.environment : Exit.invalid
    } catch let error as RuleGraphError {
        printError(error.description)
        throw Exit.invalid
    } catch let error as ExpressionError {
        printError(error.description)
        throw Exit.invalid
    } catch let error as WorkspaceError {
        printError(error.description)
        throw error.isEnvironmental ? Exit.environment : Exit.invalid
    } catch let error as ImportInterrupted {
        printError(error.description)
        throw Exit.environment
    } catch {
        printError("\(error)")
        throw Exit.environment
    }
}

/// Loads a form file and, if given, an answers file for it.
func loadForm(_ path: String, answers answersPath: String?) throws -> (Form, Answers) {
    let form = try FormFile.load(path: path)
    let answers = try answersPath.map { try AnswersFile.load(path: $0, form: form) } ?? Answers()
    return (form, answers)
}

/// Writes text to standard output.
func output(_ lines: [String]) {
    FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}

/// Writes text to standard output (for commands with an `output` option of their own).
func outputLines(_ lines: [String]) {
    output(lines)
}
