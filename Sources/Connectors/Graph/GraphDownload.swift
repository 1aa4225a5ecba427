import Foundation
import HTTP

extension GraphClient {
    /// Downloads the file at a OneDrive path.
    public func download(path: String) throws -> Data {
        try fetchContent(DrivePath.item(path) + "/content")
    }

    /// Downloads the file at a OneDrive path converted to PDF by Graph (`?format=pdf`).
    public func downloadPDF(path: String) throws -> Data {
        try fetchContent(DrivePath.item(path) + "/content?format=pdf")
    }

    /// Graph answers content requests with `302` to a pre-authenticated URL. The redirect is
    /// followed by hand so the bearer token is not sent to that other host.
    private func fetchContent(_ apiPath: String) throws -> Data {
        var request = try authorized(.get, try Endpoint.join(baseURL, apiPath))
        request.followRedirects = false
        request.maxResponseBytes = 512 << 20
        let first = try sender.send(request)
        switch first.status {
        case 200: return first.body
        case 301, 302, 303, 307, 308:
            guard let location = first.headers["Location"], let url = URL(string: location, relativeTo: request.url)?.absoluteURL else {
                throw ConnectorError.badResponse(service: Self.service, detail: "a redirect without a Location")
            }
            let plain = HTTPRequest(method: .get, url: url, timeouts: request.timeouts, maxRedirects: 5, maxResponseBytes: request.maxResponseBytes)
            let second = try sender.send(plain)
            guard second.head.isSuccess else { throw JSONBody.apiError(second.body, service: Self.service, status: second.status) }
            return second.body
        default:
            throw JSONBody.apiError(first.body, service: Self.service, status: first.status)
        }
    }
}
