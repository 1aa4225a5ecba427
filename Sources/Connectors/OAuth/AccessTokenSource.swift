import Foundation
import HTTP

/// Hands out a working access token for a provider: a ready token from the environment
/// (`FORMWORK_GOOGLE_ACCESS_TOKEN`, `FORMWORK_MS_ACCESS_TOKEN`), else the stored sign-in,
/// renewed a minute before it expires. Renewal saves the new token, and a rotated refresh
/// token (Microsoft issues one on every refresh) replaces the old one.
public final class AccessTokenSource: @unchecked Sendable {
    /// Renew this many seconds before expiry, so a request never starts with a dying token.
    public static let refreshMargin: TimeInterval = 60
    private let provider: ConnectorProvider
    private let store: TokenStore
    private let account: String?
    private let settings: ConnectorSettings
    private let environment: [String: String]
    private let client: HTTPClient
    private let clock: ConnectorClock
    private let lock = NSLock()

    /// A source for `provider`, reading and renewing credentials in `store`.
    public init(provider: ConnectorProvider, store: TokenStore, account: String? = nil, settings: ConnectorSettings,
                environment: [String: String], client: HTTPClient, clock: ConnectorClock = .system) {
        self.provider = provider
        self.store = store
        self.account = account
        self.settings = settings
        self.environment = environment
        self.client = client
        self.clock = clock
    }

    /// The environment variable that supplies a ready token for a provider.
    public static func environmentVariable(for provider: ConnectorProvider) -> String {
        provider == .google ? "FORMWORK_GOOGLE_ACCESS_TOKEN" : "FORMWORK_MS_ACCESS_TOKEN"
    }

    /// A token valid for at least the refresh margin.
    public func accessToken() throws -> String {
        if let ready = environment[Self.environmentVariable(for: provider)], !ready.isEmpty { return ready }
        lock.lock()
        defer { lock.unlock() }
        guard var credential = try store.load(provider, account: account) else {
            throw ConnectorError.notSignedIn(provider: provider.displayName)
        }
        guard credential.token.expires(within: Self.refreshMargin, of: clock.now()) else { return credential.token.accessToken }
        credential.token = try renew(credential)
        try store.save(credential)
        return credential.token.accessToken
    }

    private func renew(_ credential: StoredCredential) throws -> OAuthToken {
        let now = clock.now()
        if credential.method == .serviceAccount {
            guard let path = credential.keyFile else { throw ConnectorError.notSignedIn(provider: provider.displayName) }
            return try ServiceAccountKey(path: path).fetchToken(client: client, tokenURL: try settings.googleTokenURL, scope: credential.scope, now: now)
        }
        guard let refresh = credential.token.refreshToken else { throw ConnectorError.tokenRejected(code: "invalid_grant", detail: "no refresh token stored") }
        var fields = [("grant_type", "refresh_token"), ("refresh_token", refresh)]
        let url: URL
        switch provider {
        case .google:
            fields.append(("client_id", settings.googleClientID ?? ""))
            if let secret = settings.googleClientSecret { fields.append(("client_secret", secret)) }
            url = try settings.googleTokenURL
        case .microsoft:
            fields += [("client_id", settings.microsoftClientID ?? ""), ("scope", credential.scope)]
            url = try settings.microsoftTokenURL
        }
        switch try TokenEndpoint(client: client, url: url, service: "\(provider.displayName) sign-in").token(fields, now: now) {
        case .token(var token):
            // Google usually answers without a refresh token: the old one stays valid.
            if token.refreshToken == nil { token.refreshToken = refresh }
            return token
        case .error(let code, let detail):
            throw ConnectorError.tokenRejected(code: code, detail: detail)
        }
    }
}
