import Foundation

/// Why a connector call failed. Descriptions are one line and never contain a token.
public enum ConnectorError: Error, Equatable, CustomStringConvertible {
    /// The person declined the sign-in request.
    case signInDeclined(provider: String)
    /// The sign-in code expired before the person finished; start again.
    case signInExpired(provider: String)
    /// The provider refused the requested scope; `hint` says what is allowed instead.
    case scopeNotAllowed(scope: String, hint: String)
    /// The token endpoint answered with an OAuth error (for example `invalid_grant`).
    case tokenRejected(code: String, detail: String?)
    /// The redirect after sign-in was not the one we were waiting for.
    case redirectInvalid(String)
    /// No stored sign-in for this provider (and no token in the environment).
    case notSignedIn(provider: String)
    /// An API answered with an error status.
    case api(service: String, status: Int, code: String, message: String)
    /// An API answered with a body we could not read.
    case badResponse(service: String, detail: String)
    /// The caller's input cannot be used (a bad range, a malformed key file, ...).
    case invalidInput(String)
    /// The service kept throttling past the retry limit.
    case throttled(service: String, attempts: Int)

    /// One line saying what went wrong and, where it helps, what to do.
    public var description: String {
        switch self {
        case .signInDeclined(let provider): return "\(provider) sign-in was declined"
        case .signInExpired(let provider): return "\(provider) sign-in code expired before it was used; run the sign-in again"
        case .scopeNotAllowed(let scope, let hint): return "scope '\(scope)' is not allowed here: \(hint)"
        case .tokenRejected(let code, let detail):
            let tail = detail.map { ": \($0)" } ?? ""
            return code == "invalid_grant"
                ? "the stored sign-in is no longer valid (invalid_grant\(tail)); sign in again with `formwork auth`"
                : "token request refused (\(code)\(tail))"
        case .redirectInvalid(let why): return "sign-in redirect rejected: \(why)"
        case .notSignedIn(let provider): return "not signed in to \(provider); run `formwork auth \(provider.lowercased())`"
        case .api(let service, let status, let code, let message): return "\(service) answered \(status) \(code): \(message)"
        case .badResponse(let service, let detail): return "unexpected answer from \(service): \(detail)"
        case .invalidInput(let why): return why
        case .throttled(let service, let attempts): return "\(service) is still throttling after \(attempts) attempts; try again later"
        }
    }
}

extension ConnectorError {
    /// Whether trying the same call again later may succeed: throttling, server errors and
    /// timeouts are; a refused sign-in, a bad range or a missing file are not. Job runners use
    /// it to choose between a retry and a permanent failure.
    public var isRetryable: Bool {
        switch self {
        case .throttled: return true
        case .api(_, let status, _, _): return status == 408 || status == 429 || status >= 500
        case .badResponse: return true
        default: return false
        }
    }
}
