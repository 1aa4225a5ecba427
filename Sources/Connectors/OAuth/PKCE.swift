import Crypto
import Foundation

/// Proof Key for Code Exchange (RFC 7636) with the S256 method.
public struct PKCE: Equatable, Sendable {
    /// The secret sent with the code exchange.
    public let verifier: String
    /// `base64url(SHA-256(verifier))`, sent with the authorization request.
    public var challenge: String { Self.challenge(for: verifier) }

    /// A fresh random verifier of 64 unreserved characters.
    public init() {
        self.verifier = Self.randomString(length: 64)
    }

    /// A PKCE pair for a known verifier.
    public init(verifier: String) {
        self.verifier = verifier
    }

    /// The S256 challenge of a verifier.
    public static func challenge(for verifier: String) -> String {
        Base64URL.encode(Data(SHA256.hash(data: Data(verifier.utf8))))
    }

    /// A random string over the RFC 3986 unreserved alphabet (also used for `state`).
    public static func randomString(length: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
    }
}

/// Base64 with the URL-safe alphabet and no padding (JWT, PKCE).
public enum Base64URL {
    /// Encodes bytes.
    public static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes text, with or without padding; nil when it is not base64url.
    public static func decode(_ text: String) -> Data? {
        var base = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base.count % 4 != 0 { base.append("=") }
        return Data(base64Encoded: base)
    }
}
