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
}
