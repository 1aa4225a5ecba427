import Foundation

/// The wire formats the router can speak.
public enum ProviderKind: String, Codable, Sendable, CaseIterable {
    /// OpenAI Chat Completions at api.openai.com (or `OPENAI_BASE_URL`).
    case openai
    /// Any server speaking OpenAI Chat Completions: vLLM, llama.cpp server, Ollama's `/v1`.
    case openAICompatible = "openai-compatible"
    /// Anthropic Messages.
    case anthropic
    /// Google Gemini `generateContent`.
    case gemini
    /// Ollama's native `/api/chat` (NDJSON streams).
    case ollama

    /// The environment variable holding this kind's key, if it uses one.
    public var keyVariable: String? {
        switch self {
        case .openai: return "OPENAI_API_KEY"
        case .anthropic: return "ANTHROPIC_API_KEY"
        case .gemini: return "GEMINI_API_KEY"
        case .openAICompatible, .ollama: return nil
        }
    }

    /// The environment variable holding this kind's base URL.
    public var baseURLVariable: String {
        switch self {
        case .openai, .openAICompatible: return "OPENAI_BASE_URL"
        case .anthropic: return "ANTHROPIC_BASE_URL"
        case .gemini: return "GEMINI_BASE_URL"
        case .ollama: return "OLLAMA_HOST"
        }
    }

    /// The base URL the provider's own SDK uses by default.
    public var defaultBaseURL: String {
        switch self {
        case .openai: return "https://api.openai.com/v1"
        case .openAICompatible: return "http://127.0.0.1:8080/v1"
        case .anthropic: return "https://api.anthropic.com"
        case .gemini: return "https://generativelanguage.googleapis.com"
        case .ollama: return "http://127.0.0.1:11434"
        }
    }

    /// The model used when the configuration names none.
    public var defaultModel: String {
        switch self {
        case .openai: return "gpt-4o-mini"
        case .openAICompatible: return "default"
        case .anthropic: return "claude-sonnet-4-5"
        case .gemini: return "gemini-2.5-flash"
        case .ollama: return "llama3.2"
        }
    }

    /// Whether a call without a key is pointless (hosted APIs).
    public var requiresKey: Bool { keyVariable != nil }
}
