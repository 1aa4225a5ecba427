import ArgumentParser

/// `formwork ai …`: check providers, read the usage ledger, write insights for a fact table.
struct AICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ai",
        abstract: "AI insights: check providers, show usage, narrate facts.",
        discussion: """
        Providers come from ~/.config/formwork/ai.json (mode 0600) or the environment: OPENAI_API_KEY, \
        ANTHROPIC_API_KEY, GEMINI_API_KEY, OPENAI_BASE_URL, ANTHROPIC_BASE_URL, GEMINI_BASE_URL, OLLAMA_HOST. \
        Without any, the local narrator writes insights from the facts alone. See docs/ai.md.
        """,
        subcommands: [AITestCommand.self, AIUsageCommand.self, AINarrateCommand.self]
    )
}
