import Foundation

/// An OAuth access token with what is needed to renew it.
public struct OAuthToken: Codable, Equatable, Sendable {
    /// The bearer token sent to APIs.
    public var accessToken: String
    /// The refresh token, when the provider issued one.
    public var refreshToken: String?
    /// When the access token stops working, if the provider said.
    public var expiresAt: Date?
    /// The scopes granted, space-separated.
    public var scope: String?

    /// A token from its parts.
    public init(accessToken: String, refreshToken: String? = nil, expiresAt: Date? = nil, scope: String? = nil) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.scope = scope
    }

    /// Whether the token expires within `margin` seconds of `now` (tokens without an expiry
    /// never do).
    public func expires(within margin: TimeInterval, of now: Date) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt.timeIntervalSince(now) <= margin
    }

    /// Reads a token endpoint's success body: `access_token`, `expires_in`, `refresh_token`, `scope`.
    static func parse(_ object: [String: Any], now: Date, service: String) throws -> OAuthToken {
        guard let access = object["access_token"] as? String, !access.isEmpty else {
            throw ConnectorError.badResponse(service: service, detail: "the token answer has no access_token")
        }
        // Some servers send expires_in as a string; accept both.
        let seconds = (object["expires_in"] as? Double) ?? (object["expires_in"] as? String).flatMap(Double.init)
        return OAuthToken(
            accessToken: access,
            refreshToken: object["refresh_token"] as? String,
            expiresAt: seconds.map { now.addingTimeInterval($0) },
            scope: object["scope"] as? String
        )
    }
}

/// The services a person can sign in to.
public enum ConnectorProvider: String, Codable, CaseIterable, Sendable {
    /// Google (Sheets).
    case google
    /// Microsoft (Graph: OneDrive and Word).
    case microsoft

    /// The name people read.
    public var displayName: String { self == .google ? "Google" : "Microsoft" }
}

/// How a stored sign-in was obtained, which decides how it is renewed.
public enum SignInMethod: String, Codable, Sendable {
    /// Browser consent with a loopback redirect and PKCE; renewed with the refresh token.
    case loopback
    /// The device authorization grant; renewed with the refresh token.
    case device
    /// A Google service-account key; renewed by signing a new JWT.
    case serviceAccount = "service-account"
}

/// One stored sign-in: the token and what is needed to renew it.
public struct StoredCredential: Codable, Equatable, Sendable {
    /// Which service.
    public var provider: ConnectorProvider
    /// The account name it is stored under (an email, or a name the person chose).
    public var account: String
    /// How it was obtained.
    public var method: SignInMethod
    /// The current token.
    public var token: OAuthToken
    /// The scopes asked for, space-separated.
    public var scope: String
    /// The path of the service-account key file, for `serviceAccount`.
    public var keyFile: String?

    /// A credential from its parts.
    public init(provider: ConnectorProvider, account: String, method: SignInMethod, token: OAuthToken, scope: String, keyFile: String? = nil) {
        self.provider = provider
        self.account = account
        self.method = method
        self.token = token
        self.scope = scope
        self.keyFile = keyFile
    }
}
