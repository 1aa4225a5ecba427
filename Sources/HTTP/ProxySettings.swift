import Foundation

/// The proxy a request uses, resolved from environment variables the way curl reads them:
/// `https_proxy`/`HTTPS_PROXY` for https, `http_proxy` (lower case only — the upper-case form
/// can be set by a CGI client, "httpoxy") for http, `all_proxy`/`ALL_PROXY` for both, and
/// `no_proxy`/`NO_PROXY` for hosts that bypass the proxy. Loopback addresses never use a proxy,
/// so a local model server keeps working behind a corporate proxy.
public struct ProxySettings: Sendable, Equatable {
    /// The proxy URL, or nil for a direct connection.
    public var proxy: String?
    /// Comma-separated hosts that bypass the proxy.
    public var noProxy: String

    /// Explicit settings.
    public init(proxy: String?, noProxy: String = ProxySettings.loopback) {
        self.proxy = proxy
        self.noProxy = noProxy
    }

    /// Hosts that never go through a proxy.
    public static let loopback = "localhost,127.0.0.1,::1"

    /// The settings for a URL given an environment.
    public static func resolve(for url: URL, environment: [String: String]) -> ProxySettings {
        func value(_ names: String...) -> String? {
            names.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        }
        let scheme = url.scheme?.lowercased() ?? ""
        let specific = scheme == "https" ? value("https_proxy", "HTTPS_PROXY") : value("http_proxy")
        let proxy = specific ?? value("all_proxy", "ALL_PROXY")
        var bypass = [loopback]
        if let extra = value("no_proxy", "NO_PROXY") { bypass.append(extra) }
        return ProxySettings(proxy: proxy, noProxy: bypass.joined(separator: ","))
    }
}
