import Foundation
import HTTP

/// One authorization request in progress: the URL to open and the secrets to check the answer.
public struct AuthorizationRequest: Equatable, Sendable {
    /// The consent page URL to open in a browser.
    public var url: URL
    /// The redirect URI (`http://127.0.0.1:PORT`).
    public var redirectURI: String
    /// The PKCE pair.
    public var pkce: PKCE
    /// The anti-forgery value the redirect must echo.
    public var state: String
}

/// Google's installed-app sign-in: consent in a browser, a redirect to a loopback port, and
/// a code exchanged with its PKCE verifier. Over SSH the redirect fails in the browser, but
/// its address bar holds the code: `code(fromRedirect:)` accepts that URL pasted back.
public struct LoopbackSignIn: Sendable {
    /// The client used for the code exchange.
    public var client: HTTPClient
    /// The consent page.
    public var authorizeURL: String
    /// The token endpoint.
    public var tokenURL: URL
    /// The OAuth client id (a Desktop client).
    public var clientID: String
    /// The client secret Google issues to desktop clients.
    public var clientSecret: String?
    /// The scopes, space-separated.
    public var scope: String

    /// A sign-in from its parts.
    public init(client: HTTPClient, authorizeURL: String, tokenURL: URL, clientID: String, clientSecret: String?, scope: String) {
        self.client = client
        self.authorizeURL = authorizeURL
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.scope = scope
    }

    /// A fresh request for a redirect to `redirectURI`.
    public func prepare(redirectURI: String, pkce: PKCE = PKCE(), state: String = PKCE.randomString(length: 32)) throws -> AuthorizationRequest {
        let query = FormBody.encode([
            ("client_id", clientID), ("redirect_uri", redirectURI), ("response_type", "code"), ("scope", scope),
            ("code_challenge", pkce.challenge), ("code_challenge_method", "S256"), ("state", state),
            ("access_type", "offline"),
        ])
        let separator = authorizeURL.contains("?") ? "&" : "?"
        guard let url = URL(string: authorizeURL + separator + query) else {
            throw ConnectorError.invalidInput("'\(authorizeURL)' is not a valid authorization URL")
        }
        return AuthorizationRequest(url: url, redirectURI: redirectURI, pkce: pkce, state: state)
    }

    /// The code in a redirect: a request target (`/?code=…&state=…`) or a whole pasted URL.
    /// The state must match; an `error` parameter (the person declined) is reported.
    public func code(fromRedirect redirect: String, for request: AuthorizationRequest) throws -> String {
        let trimmed = redirect.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let mark = trimmed.firstIndex(of: "?") else {
            throw ConnectorError.redirectInvalid("it has no query; paste the whole address from the browser's address bar")
        }
        var parameters: [String: String] = [:]
        for (name, value) in FormBody.decode(String(trimmed[trimmed.index(after: mark)...].prefix { $0 != "#" })) {
            parameters[name] = value
        }
        if let error = parameters["error"] {
            if error == "access_denied" { throw ConnectorError.signInDeclined(provider: "Google") }
            throw ConnectorError.redirectInvalid("Google reported \(error)")
        }
        guard parameters["state"] == request.state else {
            throw ConnectorError.redirectInvalid("the state does not match this sign-in (a stale or forged redirect)")
        }
        guard let code = parameters["code"], !code.isEmpty else { throw ConnectorError.redirectInvalid("it carries no code") }
        return code
    }

    /// Exchanges a code for tokens, proving possession of the PKCE verifier.
    public func exchange(code: String, for request: AuthorizationRequest, now: Date = Date()) throws -> OAuthToken {
        var fields = [("grant_type", "authorization_code"), ("code", code), ("client_id", clientID),
                      ("code_verifier", request.pkce.verifier), ("redirect_uri", request.redirectURI)]
        if let clientSecret { fields.append(("client_secret", clientSecret)) }
        switch try TokenEndpoint(client: client, url: tokenURL, service: "Google sign-in").token(fields, now: now) {
        case .token(let token): return token
        case .error(let code, let detail): throw ConnectorError.tokenRejected(code: code, detail: detail)
        }
    }
}
