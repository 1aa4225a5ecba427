import _CryptoExtras
import Connectors
import Foundation
import HTTPTestSupport

/// A fake Google OAuth server: device codes, the token endpoint for every grant Formwork
/// uses (device code, authorization code with PKCE, refresh, JWT bearer), and scripted errors.
public final class FakeGoogleOAuth: @unchecked Sendable {
    public struct State {
        /// Answers to successive device-code polls ("authorization_pending", "slow_down", "ok", ...).
        public var pollScript: [String] = []
        /// PKCE challenges by authorization code.
        public var challenges: [String: String] = [:]
        /// Refresh tokens that are valid.
        public var validRefreshTokens: Set<String> = ["refresh-1"]
        /// Whether refreshes rotate the refresh token (Microsoft style).
        public var rotate = false
        public var issued = 0
        public var publicKey: _RSA.Signing.PublicKey?
        public var assertions: [String] = []
        /// The polling interval the device endpoints announce, in seconds.
        public var interval = 5
    }

    public let state = Locked(State())
    public private(set) var server: LoopbackServer!

    public init() throws {
        server = try LoopbackServer { [unowned self] request in self.handle(request) }
    }

    public var baseURL: String { server.url().absoluteString }

    private func handle(_ request: LoopbackRequest) -> LoopbackResponse {
        let form = request.form
        switch request.path {
        case "/device/code", "/common/oauth2/v2.0/devicecode":
            let scope = form["scope"] ?? ""
            if scope.contains("spreadsheets") {
                return jsonResponse(400, ["error": "invalid_scope", "error_description": "Invalid device flow scope: \(scope)"])
            }
            if request.path.hasPrefix("/common") {
                return jsonResponse(200, ["device_code": "dev-1", "user_code": "F6XHJ2Q9K", "verification_uri": "https://microsoft.com/devicelogin",
                                          "expires_in": 900, "interval": state.read(\.interval), "message": "To sign in, enter F6XHJ2Q9K"])
            }
            return jsonResponse(200, ["device_code": "dev-1", "user_code": "GQVQ-JKEC", "verification_url": "https://www.google.com/device",
                                      "expires_in": 1800, "interval": state.read(\.interval)])
        case "/auth":
            // The consent page, approving at once: remember the PKCE challenge for the code
            // and send the browser back to the loopback redirect with the state.
            let query = request.decodedQuery
            guard let redirect = query["redirect_uri"], let challenge = query["code_challenge"], query["code_challenge_method"] == "S256" else {
                return jsonResponse(400, ["error": "invalid_request"])
            }
            state.update { $0.challenges["consented"] = challenge }
            let location = "\(redirect)/?state=\(FormBody.escape(query["state"] ?? ""))&code=consented&scope=granted"
            return LoopbackResponse(status: 302, headers: [("Location", location)], steps: [])
        case "/token", "/common/oauth2/v2.0/token":
            return token(form)
        default:
            return jsonResponse(404, ["error": "not_found"])
        }
    }

    private func token(_ form: [String: String]) -> LoopbackResponse {
        switch form["grant_type"] ?? "" {
        case "urn:ietf:params:oauth:grant-type:device_code":
            guard form["device_code"] == "dev-1" else { return jsonResponse(400, ["error": "invalid_grant"]) }
            let next = state.update { $0.pollScript.isEmpty ? "ok" : $0.pollScript.removeFirst() }
            // Google's endpoint has been seen answering 428 for pending; clients must read the body.
            return next == "ok" ? issue(refresh: true) : jsonResponse(next == "authorization_pending" ? 428 : 400, ["error": next])
        case "authorization_code":
            let code = form["code"] ?? ""
            guard let challenge = state.read({ $0.challenges[code] }) else { return jsonResponse(400, ["error": "invalid_grant"]) }
            guard let verifier = form["code_verifier"], PKCE.challenge(for: verifier) == challenge else {
                return jsonResponse(400, ["error": "invalid_grant", "error_description": "Invalid code verifier."])
            }
            return issue(refresh: true)
        case "refresh_token":
            let valid = state.read { $0.validRefreshTokens.contains(form["refresh_token"] ?? "") }
            guard valid else { return jsonResponse(400, ["error": "invalid_grant", "error_description": "Token has been expired or revoked."]) }
            return issue(refresh: state.read { $0.rotate })
        case "urn:ietf:params:oauth:grant-type:jwt-bearer":
            guard let assertion = form["assertion"], verify(assertion) else {
                return jsonResponse(400, ["error": "invalid_grant", "error_description": "Invalid JWT Signature."])
            }
            return issue(refresh: false)
        default:
            return jsonResponse(400, ["error": "unsupported_grant_type"])
        }
    }

    private func issue(refresh: Bool) -> LoopbackResponse {
        let n = state.update { state -> Int in
            state.issued += 1
            if refresh { state.validRefreshTokens.insert("refresh-\(state.issued + 1)") }
            return state.issued
        }
        var body: [String: Any] = ["access_token": "access-\(n)", "expires_in": 3599, "token_type": "Bearer", "scope": "s"]
        if refresh { body["refresh_token"] = "refresh-\(n + 1)" }
        return jsonResponse(200, body)
    }

    private func verify(_ assertion: String) -> Bool {
        let parts = assertion.split(separator: ".").map(String.init)
        guard parts.count == 3, let key = state.read({ $0.publicKey }), let signature = Base64URL.decode(parts[2]) else { return false }
        state.update { $0.assertions.append(assertion) }
        let signed = Data((parts[0] + "." + parts[1]).utf8)
        return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: signed, padding: .insecurePKCS1v1_5)
    }
}
