import Foundation
import HTTP

/// What a token endpoint answered: a token, or an OAuth error code.
enum TokenReply: Equatable {
    case token(OAuthToken)
    case error(code: String, description: String?)
}

/// Posts form bodies to an OAuth token (or device code) endpoint.
struct TokenEndpoint {
    let client: HTTPClient
    let url: URL
    let service: String

    /// Posts `fields` and returns the JSON object answered, with the status.
    func post(_ fields: [(String, String)]) throws -> (status: Int, object: [String: Any]) {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/x-www-form-urlencoded")
        headers.set("Accept", "application/json")
        let request = HTTPRequest(method: .post, url: url, headers: headers, body: Data(FormBody.encode(fields).utf8),
                                  timeouts: HTTPTimeouts(connect: 10, total: 60, idle: 30))
        let response = try client.send(request)
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard let object else {
            throw ConnectorError.badResponse(service: service, detail: "status \(response.status) with a body that is not JSON")
        }
        return (response.status, object)
    }

    /// Posts `fields` to a token endpoint. OAuth errors are dispatched on the `error` string,
    /// not on the status: Google and Microsoft differ in the status they send for each.
    func token(_ fields: [(String, String)], now: Date) throws -> TokenReply {
        let (_, object) = try post(fields)
        if let code = object["error"] as? String {
            return .error(code: code, description: object["error_description"] as? String)
        }
        return .token(try OAuthToken.parse(object, now: now, service: service))
    }
}
