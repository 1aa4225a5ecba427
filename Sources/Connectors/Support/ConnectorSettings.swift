import Foundation

/// Where each service lives and which OAuth clients sign in to it. Read from the workspace's
/// `connectors.json`, then overridden by the environment, so a fake server (or a proxy) can
/// stand in for any endpoint.
public struct ConnectorSettings: Codable, Equatable, Sendable {
    /// Google's OAuth server: `/token`, `/device/code`, `/revoke` live under it.
    public var googleOAuthURL: String
    /// The page where a person consents (loopback sign-in).
    public var googleAuthorizeURL: String
    /// The Sheets API base, up to and including `/v4`.
    public var sheetsURL: String
    /// Microsoft's login server (the tenant and `/oauth2/v2.0/...` follow).
    public var microsoftLoginURL: String
    /// The Microsoft Graph base, up to and including `/v1.0`.
    public var graphURL: String
    /// The Google OAuth client id (a "Desktop" or "TVs and Limited Input" client).
    public var googleClientID: String?
    /// The Google client secret; not confidential for installed apps, but Google requires it.
    public var googleClientSecret: String?
    /// The Microsoft application (client) id registered with public client flows allowed.
    public var microsoftClientID: String?
    /// `common`, `consumers`, `organizations` or a tenant id.
    public var microsoftTenant: String

    /// The public endpoints and no clients.
    public init(
        googleOAuthURL: String = "https://oauth2.googleapis.com",
        googleAuthorizeURL: String = "https://accounts.google.com/o/oauth2/v2/auth",
        sheetsURL: String = "https://sheets.googleapis.com/v4",
        microsoftLoginURL: String = "https://login.microsoftonline.com",
        graphURL: String = "https://graph.microsoft.com/v1.0",
        googleClientID: String? = nil, googleClientSecret: String? = nil,
        microsoftClientID: String? = nil, microsoftTenant: String = "common"
    ) {
        self.googleOAuthURL = googleOAuthURL
        self.googleAuthorizeURL = googleAuthorizeURL
        self.sheetsURL = sheetsURL
        self.microsoftLoginURL = microsoftLoginURL
        self.graphURL = graphURL
        self.googleClientID = googleClientID
        self.googleClientSecret = googleClientSecret
        self.microsoftClientID = microsoftClientID
        self.microsoftTenant = microsoftTenant
    }

    /// Keys missing from `connectors.json` keep their defaults.
    public init(from decoder: Decoder) throws {
        let defaults = ConnectorSettings()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        googleOAuthURL = try c.decodeIfPresent(String.self, forKey: .googleOAuthURL) ?? defaults.googleOAuthURL
        googleAuthorizeURL = try c.decodeIfPresent(String.self, forKey: .googleAuthorizeURL) ?? defaults.googleAuthorizeURL
        sheetsURL = try c.decodeIfPresent(String.self, forKey: .sheetsURL) ?? defaults.sheetsURL
        microsoftLoginURL = try c.decodeIfPresent(String.self, forKey: .microsoftLoginURL) ?? defaults.microsoftLoginURL
        graphURL = try c.decodeIfPresent(String.self, forKey: .graphURL) ?? defaults.graphURL
        googleClientID = try c.decodeIfPresent(String.self, forKey: .googleClientID)
        googleClientSecret = try c.decodeIfPresent(String.self, forKey: .googleClientSecret)
        microsoftClientID = try c.decodeIfPresent(String.self, forKey: .microsoftClientID)
        microsoftTenant = try c.decodeIfPresent(String.self, forKey: .microsoftTenant) ?? defaults.microsoftTenant
    }

    /// The settings file name inside the workspace.
    public static let fileName = "connectors.json"

    /// Reads `connectors.json` in `directory` (defaults when there is none), then applies the
    /// environment: `FORMWORK_GOOGLE_OAUTH_URL`, `FORMWORK_GOOGLE_AUTH_URL`, `FORMWORK_SHEETS_URL`,
    /// `FORMWORK_MS_LOGIN_URL`, `FORMWORK_GRAPH_URL`, `FORMWORK_GOOGLE_CLIENT_ID`,
    /// `FORMWORK_GOOGLE_CLIENT_SECRET`, `FORMWORK_MS_CLIENT_ID`, `FORMWORK_MS_TENANT`.
    public static func load(directory: URL, environment: [String: String]) throws -> ConnectorSettings {
        let file = directory.appendingPathComponent(fileName)
        var settings = ConnectorSettings()
        if FileManager.default.fileExists(atPath: file.path) {
            do {
                settings = try JSONDecoder().decode(ConnectorSettings.self, from: Data(contentsOf: file))
            } catch {
                throw ConnectorError.invalidInput("\(file.path) is not valid connector settings: \(error.localizedDescription)")
            }
        }
        settings.apply(environment)
        return settings
    }

    /// Replaces settings with the environment variables that are set and not empty.
    public mutating func apply(_ environment: [String: String]) {
        func take(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        googleOAuthURL = take("FORMWORK_GOOGLE_OAUTH_URL") ?? googleOAuthURL
        googleAuthorizeURL = take("FORMWORK_GOOGLE_AUTH_URL") ?? googleAuthorizeURL
        sheetsURL = take("FORMWORK_SHEETS_URL") ?? sheetsURL
        microsoftLoginURL = take("FORMWORK_MS_LOGIN_URL") ?? microsoftLoginURL
        graphURL = take("FORMWORK_GRAPH_URL") ?? graphURL
        googleClientID = take("FORMWORK_GOOGLE_CLIENT_ID") ?? googleClientID
        googleClientSecret = take("FORMWORK_GOOGLE_CLIENT_SECRET") ?? googleClientSecret
        microsoftClientID = take("FORMWORK_MS_CLIENT_ID") ?? microsoftClientID
        microsoftTenant = take("FORMWORK_MS_TENANT") ?? microsoftTenant
    }

    /// Google's token endpoint.
    public var googleTokenURL: URL { get throws { try Endpoint.join(googleOAuthURL, "/token") } }
    /// Google's device authorization endpoint.
    public var googleDeviceCodeURL: URL { get throws { try Endpoint.join(googleOAuthURL, "/device/code") } }
    /// Microsoft's token endpoint for the tenant.
    public var microsoftTokenURL: URL { get throws { try Endpoint.join(microsoftLoginURL, "/\(microsoftTenant)/oauth2/v2.0/token") } }
    /// Microsoft's device authorization endpoint for the tenant.
    public var microsoftDeviceCodeURL: URL { get throws { try Endpoint.join(microsoftLoginURL, "/\(microsoftTenant)/oauth2/v2.0/devicecode") } }
}

/// Joins a configured base URL and an already-encoded path.
enum Endpoint {
    /// `base` without a trailing slash, then `path`; fails for a base that is not http(s).
    static func join(_ base: String, _ path: String) throws -> URL {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed + path), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw ConnectorError.invalidInput("'\(base)' is not an http or https URL")
        }
        return url
    }
}
