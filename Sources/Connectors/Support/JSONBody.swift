import Foundation

/// Small helpers for reading the JSON answers of the Google and Microsoft APIs.
enum JSONBody {
    /// The body as a JSON object, or a `badResponse` error naming the service.
    static func object(_ data: Data, service: String) throws -> [String: Any] {
        guard let value = try? JSONSerialization.jsonObject(with: data), let object = value as? [String: Any] else {
            throw ConnectorError.badResponse(service: service, detail: "the body is not a JSON object")
        }
        return object
    }

    /// Serialises a JSON-compatible value (dictionaries, arrays, strings, numbers, booleans).
    static func data(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// The error an API reports in its body (`{"error":{"code","message","status"}}` for Google
    /// and Graph, `{"error":"...","error_description":"..."}` for OAuth), if any.
    static func apiError(_ data: Data, service: String, status: Int) -> ConnectorError {
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        if let error = object?["error"] as? [String: Any] {
            // Google carries a symbolic `status` beside the numeric code; Graph puts the symbol in `code`.
            let code = (error["status"] as? String) ?? (error["code"] as? String) ?? "\(status)"
            let message = (error["message"] as? String) ?? ""
            return .api(service: service, status: status, code: code, message: message)
        }
        if let code = object?["error"] as? String {
            return .api(service: service, status: status, code: code, message: (object?["error_description"] as? String) ?? "")
        }
        let text = String(decoding: data.prefix(200), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        return .api(service: service, status: status, code: "HTTP \(status)", message: text)
    }
}
