import _CryptoExtras
import Foundation
import HTTP

/// A Google service-account key file (the JSON downloaded from the Cloud console).
public struct ServiceAccountKey: Sendable, Equatable {
    /// The account's email: the JWT issuer, and whom a sheet must be shared with.
    public var clientEmail: String
    /// The RSA private key in PEM.
    public var privateKeyPEM: String
    /// The key id, sent as the JWT `kid`.
    public var privateKeyID: String?

    /// A key from its parts.
    public init(clientEmail: String, privateKeyPEM: String, privateKeyID: String?) {
        self.clientEmail = clientEmail
        self.privateKeyPEM = privateKeyPEM
        self.privateKeyID = privateKeyID
    }

    /// Reads a key file's JSON.
    public init(json: Data) throws {
        guard let object = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any],
              let email = object["client_email"] as? String, let pem = object["private_key"] as? String else {
            throw ConnectorError.invalidInput("not a service-account key: client_email and private_key are required")
        }
        if let type = object["type"] as? String, type != "service_account" {
            throw ConnectorError.invalidInput("the key file's type is '\(type)', not 'service_account'")
        }
        self.init(clientEmail: email, privateKeyPEM: pem, privateKeyID: object["private_key_id"] as? String)
    }

    /// Reads a key file from disk.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConnectorError.invalidInput("cannot read the service-account key \(path)")
        }
        try self.init(json: data)
    }

    /// A signed RS256 JWT asking `audience` for `scope`, valid for one hour from `now`.
    public func assertion(scope: String, audience: String, now: Date) throws -> String {
        let key: _RSA.Signing.PrivateKey
        do {
            key = try _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM)
        } catch {
            throw ConnectorError.invalidInput("the service-account private key is not a valid RSA PEM key")
        }
        var header: [String: Any] = ["alg": "RS256", "typ": "JWT"]
        if let privateKeyID { header["kid"] = privateKeyID }
        let issued = Int(now.timeIntervalSince1970)
        let claims: [String: Any] = ["iss": clientEmail, "scope": scope, "aud": audience, "iat": issued, "exp": issued + 3600]
        let signingInput = Base64URL.encode(try JSONBody.data(header)) + "." + Base64URL.encode(try JSONBody.data(claims))
        let signature = try key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + Base64URL.encode(signature.rawRepresentation)
    }

    /// Trades a fresh assertion for an access token (no refresh token: sign again when it nears expiry).
    public func fetchToken(client: HTTPClient, tokenURL: URL, scope: String, now: Date) throws -> OAuthToken {
        let jwt = try assertion(scope: scope, audience: tokenURL.absoluteString, now: now)
        let fields = [("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", jwt)]
        switch try TokenEndpoint(client: client, url: tokenURL, service: "Google sign-in").token(fields, now: now) {
        case .token(let token): return token
        case .error(let code, let detail): throw ConnectorError.tokenRejected(code: code, detail: detail)
        }
    }
}
