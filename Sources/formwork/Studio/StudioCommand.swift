import ArgumentParser
import Foundation
import Studio
import TUICurses
import TUIKit

/// `formwork studio` (and bare `formwork`): the interactive studio.
struct StudioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "studio",
        abstract: "Open the studio: design forms, rules and previews in the terminal.",
        discussion: "Themes: --theme, else FORMWORK_THEME, else `theme = NAME` in $XDG_CONFIG_HOME/formwork/config. NO_COLOR or --no-color force monochrome."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: "Theme name or .theme file (default-dark, default-light, high-contrast, monochrome).")
    var theme: String?

    @Flag(name: .long, help: "No colour, attributes only.")
    var noColor = false

    @Flag(name: .long, help: "Do not capture the mouse (keeps the terminal's own text selection).")
    var noMouse = false

    @Flag(name: .long, help: "Run no jobs in the studio; leave the queue to a separate `formwork worker`.")
    var noWorker = false

    func run() throws {
        try guarded {
            try StudioCommand.open(workspace, theme: theme, noColor: noColor, noMouse: noMouse, worker: !noWorker, start: nil)
        }
    }

    /// Runs the studio over the workspace, sending `start` first (nil: the Forms screen); with
    /// `worker`, a worker pool runs the queue's jobs in this process until the studio quits.
    static func open(_ workspace: WorkspaceOptions, theme: String?, noColor: Bool, noMouse: Bool, worker: Bool, start: AppAction?) throws {
        let environment = ProcessInfo.processInfo.environment
        let services = try LiveServices.services(workspace)
        let chosen = try ThemeChoice.load(flag: theme, environment: environment)
        let options = Terminal.Options(mouse: !noMouse, forceMonochrome: noColor)
        let pool = worker ? try StudioWorker.start(services: services, workspace: workspace) : nil
        defer { pool?.stop() }
        try Terminal.run(options: options) { terminal in
            let resolved = chosen.resolved(for: terminal.capabilities.colorCapability)
            StudioLoop(terminal: terminal, runner: EffectRunner(services: services), theme: resolved, start: start).run()
        }
    }
}

/// Picks the theme: `--theme`, then `FORMWORK_THEME`, then the config file, then default-dark.
enum ThemeChoice {
    static func load(flag: String?, environment: [String: String]) throws -> Theme {
        let name = flag ?? environment["FORMWORK_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? configured(environment) ?? "default-dark"
        return try ThemeLoader.standard(environment: environment).load(name)
    }

    /// `theme = NAME` from `$XDG_CONFIG_HOME/formwork/config` (or `~/.config/formwork/config`).
    static func configured(_ environment: [String: String]) -> String? {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        guard let text = try? String(contentsOfFile: base + "/formwork/config", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "theme" { return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
        }
        return nil
    }
}
