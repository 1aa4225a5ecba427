import Connectors
import Foundation
import Insights
import Studio

/// The AI and connector rows of the Settings screen, and how a typed value changes them.
enum SettingsCatalog {
    static func providerName(_ provider: ProviderConfig) -> String { provider.name ?? provider.kind.rawValue }

    /// Provider order, then model, base URL and key of each provider, then "add a provider".
    static func aiEntries(_ ai: AIConfig) -> [SettingsEntry] {
        let providers = ai.providers ?? []
        var list = [SettingsEntry(key: "ai.order", section: "AI insights", label: "Provider order",
                                  value: providers.isEmpty ? "(none: offline narrator)" : providers.map(providerName).joined(separator: ", "))]
        for (index, provider) in providers.enumerated() {
            let name = providerName(provider)
            list.append(SettingsEntry(key: "ai.\(index).model", section: "AI insights", label: "\(name) model", value: provider.model ?? "(default)"))
            list.append(SettingsEntry(key: "ai.\(index).baseURL", section: "AI insights", label: "\(name) base URL", value: provider.baseURL ?? "(default)"))
            list.append(SettingsEntry(key: "ai.\(index).apiKey", section: "AI insights", label: "\(name) key",
                                      value: SettingsEntry.mask(provider.apiKey?.exposedValue), secret: true))
        }
        list.append(SettingsEntry(key: "ai.add", section: "AI insights", label: "Add a provider",
                                  value: ProviderKind.allCases.map(\.rawValue).joined(separator: " | ")))
        return list
    }

    static func connectorEntries(_ c: ConnectorSettings) -> [SettingsEntry] {
        func row(_ key: String, _ label: String, _ value: String?, secret: Bool = false) -> SettingsEntry {
            SettingsEntry(key: "connectors.\(key)", section: "Connectors", label: label,
                          value: secret ? SettingsEntry.mask(value) : (value ?? "(not set)"), secret: secret)
        }
        return [row("googleClientID", "Google client id", c.googleClientID), row("googleClientSecret", "Google client secret", c.googleClientSecret, secret: true),
                row("googleOAuthURL", "Google OAuth URL", c.googleOAuthURL), row("sheetsURL", "Sheets API URL", c.sheetsURL),
                row("microsoftClientID", "Microsoft client id", c.microsoftClientID), row("microsoftTenant", "Microsoft tenant", c.microsoftTenant),
                row("microsoftLoginURL", "Microsoft login URL", c.microsoftLoginURL), row("graphURL", "Graph API URL", c.graphURL)]
    }

    /// Applies one AI row. An empty value clears an optional setting.
    static func setAI(_ key: String, _ value: String, _ ai: inout AIConfig) throws {
        var providers = ai.providers ?? []
        let parts = key.split(separator: ".").map(String.init)
        let optional = value.isEmpty ? nil : value
        switch parts.count == 3 ? parts[2] : parts.last ?? "" {
        case "order":
            providers = try reorder(providers, by: value)
        case "add":
            guard let kind = ProviderKind(rawValue: value) else {
                throw SettingsError.invalid(key: key, reason: "unknown kind \"\(value)\" (\(ProviderKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let taken = Set(providers.map(providerName))
            providers.append(ProviderConfig(name: taken.contains(kind.rawValue) ? "\(kind.rawValue)-\(providers.count + 1)" : nil, kind: kind))
        case let field where parts.count == 3:
            guard let index = Int(parts[1]), providers.indices.contains(index) else { throw SettingsError.unknownKey(key) }
            switch field {
            case "model": providers[index].model = optional
            case "baseURL":
                if let optional, URL(string: optional)?.scheme?.hasPrefix("http") != true {
                    throw SettingsError.invalid(key: key, reason: "give an http(s) URL")
                }
                providers[index].baseURL = optional
            case "apiKey": providers[index].apiKey = optional.map(Secret.init)
            default: throw SettingsError.unknownKey(key)
            }
        default:
            throw SettingsError.unknownKey(key)
        }
        ai.providers = providers.isEmpty ? nil : providers
    }

    /// Providers in the order `value` names them; a provider left out is removed.
    static func reorder(_ providers: [ProviderConfig], by value: String) throws -> [ProviderConfig] {
        let names = value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        return try names.map { name in
            guard let provider = providers.first(where: { providerName($0) == name }) else {
                throw SettingsError.invalid(key: "ai.order", reason: "no provider \"\(name)\" (have: \(providers.map(providerName).joined(separator: ", ")))")
            }
            return provider
        }
    }

    /// Applies one connector row; URLs must be http(s).
    static func setConnector(_ key: String, _ value: String, _ c: inout ConnectorSettings) throws {
        let optional = value.isEmpty ? nil : value
        func url(_ apply: (String) -> Void) throws {
            guard URL(string: value)?.scheme?.hasPrefix("http") == true else { throw SettingsError.invalid(key: key, reason: "give an http(s) URL") }
            apply(value)
        }
        switch key.dropFirst("connectors.".count) {
        case "googleClientID": c.googleClientID = optional
        case "googleClientSecret": c.googleClientSecret = optional
        case "microsoftClientID": c.microsoftClientID = optional
        case "microsoftTenant": c.microsoftTenant = optional ?? "common"
        case "googleOAuthURL": try url { c.googleOAuthURL = $0 }
        case "sheetsURL": try url { c.sheetsURL = $0 }
        case "microsoftLoginURL": try url { c.microsoftLoginURL = $0 }
        case "graphURL": try url { c.graphURL = $0 }
        default: throw SettingsError.unknownKey(key)
        }
    }
}
