import Foundation
import HTTP

/// Builds the provider for a configured deployment.
public enum ProviderFactory {
    /// The provider speaking `endpoint.kind`'s wire format over `http`.
    public static func provider(for endpoint: ProviderEndpoint, http: HTTPClient) -> CompletionProvider {
        switch endpoint.kind {
        case .openai, .openAICompatible: return WireProvider(format: OpenAIChatFormat(endpoint: endpoint), http: http)
        case .anthropic: return WireProvider(format: AnthropicFormat(endpoint: endpoint), http: http)
        case .gemini: return WireProvider(format: GeminiFormat(endpoint: endpoint), http: http)
        case .ollama: return WireProvider(format: OllamaFormat(endpoint: endpoint), http: http)
        }
    }
}
