import Connectors
import Foundation
import HTTP

/// The live connector services for one command: settings from the workspace and the
/// environment, the token store, and API clients that renew tokens on demand.
struct ConnectorContext {
    let directory: URL
    let settings: ConnectorSettings
    let environment: [String: String]
    let store: TokenStore
    let http: HTTPClient

    init(workspace: WorkspaceOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try self.init(directory: workspace.directory(environment: environment), environment: environment)
    }

    init(directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.directory = directory
        self.environment = environment
        self.settings = try ConnectorSettings.load(directory: directory, environment: environment)
        self.store = TokenStore(directory: directory.appendingPathComponent("credentials"))
        self.http = CurlHTTPClient(environment: environment)
    }

    /// A token source for a provider (and an account, if one is named).
    func tokens(_ provider: ConnectorProvider, account: String? = nil) -> AccessTokenSource {
        AccessTokenSource(provider: provider, store: store, account: account, settings: settings, environment: environment, client: http)
    }

    /// The Sheets client, signed in as the Google account.
    func sheets(account: String? = nil) -> SheetsClient {
        let source = tokens(.google, account: account)
        return SheetsClient(baseURL: settings.sheetsURL, sender: RetryingSender(client: http, service: "Google Sheets"),
                            token: { try source.accessToken() })
    }

    /// The Graph client, signed in as the Microsoft account.
    func graph(account: String? = nil) -> GraphClient {
        let source = tokens(.microsoft, account: account)
        return GraphClient(baseURL: settings.graphURL, sender: RetryingSender(client: http, service: "Microsoft Graph"),
                           token: { try source.accessToken() })
    }

    /// The editable column mappings of `sheets pull`.
    var sheetMappings: SheetMappingStore { SheetMappingStore(directory: directory.appendingPathComponent("sheets")) }

    /// Large uploads in progress, resumed by a later run.
    var uploadSessions: UploadSessionStore { UploadSessionStore(directory: directory.appendingPathComponent("uploads")) }

    /// A client id from the settings, or a usage error naming where to set it.
    func required(_ value: String?, _ what: String, env: String) throws -> String {
        guard let value, !value.isEmpty else {
            throw ConnectorError.invalidInput("no \(what): set \(env) or add it to \(directory.appendingPathComponent(ConnectorSettings.fileName).path)")
        }
        return value
    }
}
