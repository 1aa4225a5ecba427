import Foundation
import HTTP

/// A provider that is configured but cannot be used, and why.
public struct SkippedProvider: Sendable, Equatable, CustomStringConvertible {
    /// The provider's name.
    public var name: String
    /// Why it is skipped, e.g. "no key (set OPENAI_API_KEY or apiKey in the config)".
    public var reason: String

    /// "anthropic: no key (…)".
    public var description: String { "\(name): \(reason)" }
}

/// Turns the configuration and the environment into the chain of deployments to try.
public enum ProviderResolver {
    /// The chain: the config's `providers` if given, else one provider per key or base URL set in
    /// the environment (OpenAI, Anthropic, Gemini, an OpenAI-compatible server at
    /// `OPENAI_BASE_URL` when no OpenAI key is set, Ollama at `OLLAMA_HOST`). Providers that need a
    /// key and have none are skipped, with the reason.
    public static func resolve(_ config: AIConfig, environment: [String: String]) throws -> (endpoints: [ProviderEndpoint], skipped: [SkippedProvider]) {
        let entries = config.providers ?? fromEnvironment(environment)
        var endpoints: [ProviderEndpoint] = []
        var skipped: [SkippedProvider] = []
        var used = Set<String>()
        for entry in entries {
            var name = entry.name ?? entry.kind.rawValue
            var suffix = 2
            while used.contains(name) {
                name = "\(entry.name ?? entry.kind.rawValue)-\(suffix)"
                suffix += 1
            }
            used.insert(name)
            let key = (entry.apiKey?.exposedValue ?? entry.kind.keyVariable.flatMap { environment[$0] }).flatMap { $0.isEmpty ? nil : Secret($0) }
            if entry.kind.requiresKey && key == nil {
                let variable = entry.kind.keyVariable ?? "a key"
                skipped.append(SkippedProvider(name: name, reason: "no key (set \(variable) or apiKey in the config)"))
                continue
            }
            endpoints.append(try endpoint(entry, name: name, key: key, environment: environment))
        }
        return (endpoints, skipped)
    }

    private static func endpoint(_ entry: ProviderConfig, name: String, key: Secret?, environment: [String: String]) throws -> ProviderEndpoint {
        let raw = entry.baseURL ?? environment[entry.kind.baseURLVariable].flatMap { $0.isEmpty ? nil : $0 } ?? entry.kind.defaultBaseURL
        // OLLAMA_HOST is often "host:port" without a scheme.
        let text = raw.contains("://") ? raw : "http://" + raw
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw AIConfigError.badBaseURL(provider: name, value: raw)
        }
        let defaults = HTTPTimeouts(connect: 10, total: 120, idle: 30)
        let timeouts = HTTPTimeouts(connect: entry.timeouts?.connect ?? defaults.connect, total: entry.timeouts?.total ?? defaults.total,
                                    idle: entry.timeouts?.idle ?? defaults.idle)
        return ProviderEndpoint(name: name, kind: entry.kind, model: entry.model ?? entry.kind.defaultModel, baseURL: url, apiKey: key,
                                timeouts: timeouts, stream: entry.stream ?? true, requestsPerMinute: entry.requestsPerMinute,
                                extraHeaders: extraHeaders(entry, environment: environment))
    }

    /// The entry's `headers`, plus for OpenAI the organisation and project from
    /// `OPENAI_ORG_ID` and `OPENAI_PROJECT_ID`, as the OpenAI SDKs read them.
    private static func extraHeaders(_ entry: ProviderConfig, environment: [String: String]) -> HTTPHeaders {
        var headers = HTTPHeaders()
        if entry.kind == .openai {
            if let org = environment["OPENAI_ORG_ID"], !org.isEmpty { headers.set("OpenAI-Organization", org) }
            if let project = environment["OPENAI_PROJECT_ID"], !project.isEmpty { headers.set("OpenAI-Project", project) }
        }
        for (name, value) in (entry.headers ?? [:]).sorted(by: { $0.key < $1.key }) { headers.set(name, value) }
        return headers
    }

    private static func fromEnvironment(_ environment: [String: String]) -> [ProviderConfig] {
        func isSet(_ name: String) -> Bool { !(environment[name] ?? "").isEmpty }
        var entries: [ProviderConfig] = []
        if isSet("OPENAI_API_KEY") {
            entries.append(ProviderConfig(kind: .openai))
        } else if isSet("OPENAI_BASE_URL") {
            entries.append(ProviderConfig(kind: .openAICompatible))
        }
        if isSet("ANTHROPIC_API_KEY") { entries.append(ProviderConfig(kind: .anthropic)) }
        if isSet("GEMINI_API_KEY") { entries.append(ProviderConfig(kind: .gemini)) }
        if isSet("OLLAMA_HOST") { entries.append(ProviderConfig(kind: .ollama)) }
        return entries
    }
}
