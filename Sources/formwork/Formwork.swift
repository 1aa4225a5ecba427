import ArgumentParser
import Foundation

/// The `formwork` command: the studio when run bare, headless subcommands otherwise.
@main
struct Formwork: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formwork",
        abstract: "Design forms, collect answers and turn them into reports — in a terminal.",
        version: "0.1.0",
        subcommands: CommandRegistry.subcommands,
        defaultSubcommand: StudioCommand.self
    )

    /// Runs the command line; usage mistakes exit 2 as every other usage or environment error
    /// does (ArgumentParser's own default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(Exit.environment.rawValue)
            }
            exit(withError: error)
        }
    }
}
