import Foundation
import HTTP

/// What the person must do to approve a device sign-in, and what we poll with.
public struct DeviceAuthorization: Equatable, Sendable {
    /// The code we poll the token endpoint with (secret; never shown).
    public var deviceCode: String
    /// The code the person types.
    public var userCode: String
    /// Where the person types it. Google calls it `verification_url`, RFC 8628
    /// `verification_uri`; both are accepted.
    public var verificationURL: String
    /// Seconds until the codes expire.
    public var expiresIn: TimeInterval
    /// Seconds to wait between polls.
    public var interval: TimeInterval
    /// The provider's own instruction text, when it sends one (Microsoft does).
    public var message: String?

    /// The line to show the person.
    public var instructions: String {
        message ?? "To sign in, open \(verificationURL) and enter the code \(userCode)"
    }
}

/// The OAuth 2.0 device authorization grant (RFC 8628) for Google and Microsoft.
public struct DeviceCodeFlow: Sendable {
    /// The provider, for messages and provider-specific rules.
    public var provider: ConnectorProvider
    /// The client used for both endpoints.
    public var client: HTTPClient
    /// The device authorization endpoint.
    public var deviceCodeURL: URL
    /// The token endpoint.
    public var tokenURL: URL
    /// The OAuth client id.
    public var clientID: String
    /// The client secret, when the provider needs it (Google).
    public var clientSecret: String?
    /// The scopes, space-separated.
    public var scope: String
    /// The clock used to wait between polls.
    public var clock: ConnectorClock

    /// A flow from its parts.
    public init(provider: ConnectorProvider, client: HTTPClient, deviceCodeURL: URL, tokenURL: URL, clientID: String,
                clientSecret: String? = nil, scope: String, clock: ConnectorClock = .system) {
        self.provider = provider
        self.client = client
        self.deviceCodeURL = deviceCodeURL
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.scope = scope
        self.clock = clock
    }

    /// The only scopes Google's device flow grants (besides openid, email and profile).
    public static let googleDeviceScopes = ["https://www.googleapis.com/auth/drive.file", "https://www.googleapis.com/auth/drive.appdata",
                                            "openid", "email", "profile"]

    /// Asks for a device code and the code the person types.
    public func start() throws -> DeviceAuthorization {
        let endpoint = TokenEndpoint(client: client, url: deviceCodeURL, service: "\(provider.displayName) sign-in")
        let (status, object) = try endpoint.post([("client_id", clientID), ("scope", scope)])
        if let code = object["error"] as? String {
            let detail = object["error_description"] as? String
            if code == "invalid_scope" { throw ConnectorError.scopeNotAllowed(scope: scope, hint: scopeHint(detail)) }
            throw ConnectorError.tokenRejected(code: code, detail: detail)
        }
        guard (200..<300).contains(status), let device = object["device_code"] as? String, let user = object["user_code"] as? String,
              let url = (object["verification_url"] as? String) ?? (object["verification_uri"] as? String) else {
            throw ConnectorError.badResponse(service: "\(provider.displayName) sign-in", detail: "the device code answer lacks device_code, user_code or verification URL")
        }
        return DeviceAuthorization(deviceCode: device, userCode: user, verificationURL: url,
                                   expiresIn: Self.number(object["expires_in"]) ?? 900,
                                   interval: Self.number(object["interval"]) ?? 5, message: object["message"] as? String)
    }

    /// Polls until the person approves, declines, or the code expires.
    public func poll(_ authorization: DeviceAuthorization) throws -> OAuthToken {
        let endpoint = TokenEndpoint(client: client, url: tokenURL, service: "\(provider.displayName) sign-in")
        var fields = [("grant_type", "urn:ietf:params:oauth:grant-type:device_code"), ("client_id", clientID),
                      ("device_code", authorization.deviceCode)]
        if let clientSecret { fields.append(("client_secret", clientSecret)) }
        let deadline = clock.now().addingTimeInterval(authorization.expiresIn)
        var interval = max(authorization.interval, 1)
        while clock.now() < deadline {
            clock.sleep(interval)
            switch try endpoint.token(fields, now: clock.now()) {
            case .token(let token): return token
            case .error("authorization_pending", _): continue
            // RFC 8628: on slow_down the interval grows by 5 s for this and later polls.
            case .error("slow_down", _): interval += 5
            case .error("access_denied", _), .error("authorization_declined", _):
                throw ConnectorError.signInDeclined(provider: provider.displayName)
            case .error("expired_token", _): throw ConnectorError.signInExpired(provider: provider.displayName)
            case .error(let code, let detail): throw ConnectorError.tokenRejected(code: code, detail: detail)
            }
        }
        throw ConnectorError.signInExpired(provider: provider.displayName)
    }

    private func scopeHint(_ detail: String?) -> String {
        guard provider == .google else { return detail ?? "the application is not allowed to ask for it" }
        return "Google's device sign-in only grants drive.file (spreadsheets Formwork creates itself); "
            + "to read a sheet you already have, use the browser sign-in (`formwork auth google`) or a service account"
    }

    private static func number(_ value: Any?) -> TimeInterval? {
        (value as? Double) ?? (value as? String).flatMap(Double.init)
    }
}
