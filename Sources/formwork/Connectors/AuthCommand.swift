import ArgumentParser
import Connectors
import Foundation

/// `formwork auth …`: sign in to Google or Microsoft, list and remove stored sign-ins.
struct AuthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Sign in to Google (Sheets) or Microsoft (OneDrive, Word).",
        discussion: "Tokens are stored per account in the workspace's credentials/ folder, readable only by you (0600).",
        subcommands: [AuthGoogle.self, AuthMicrosoft.self, AuthList.self, AuthLogout.self]
    )
}

struct AuthGoogle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "google",
        abstract: "Sign in to Google: browser with a loopback redirect (default), --device, or --service-account.",
        discussion: """
            The browser sign-in prints a URL and listens on 127.0.0.1. Over SSH, open the URL on your \
            own machine; when the browser fails to reach 127.0.0.1, paste the address it shows here. \
            --device works without a browser on this machine but Google grants it only drive.file: \
            spreadsheets Formwork creates itself, not ones you already have.
            """
    )
    static let spreadsheetsScope = "https://www.googleapis.com/auth/spreadsheets"
    static let driveFileScope = "https://www.googleapis.com/auth/drive.file"

    @OptionGroup var workspace: WorkspaceOptions
    @Option(name: .long, help: "Sign in with this service-account key file (JSON) for unattended runs.") var serviceAccount: String?
    @Flag(name: .long, help: "Use the device flow (only for spreadsheets Formwork creates: drive.file).") var device = false
    @Option(name: .long, help: "The scopes to ask for, space-separated.") var scope: String?
    @Option(name: .long, help: "The name to store the sign-in under (default: default, or the service account's email).") var account: String?
    @Option(name: .long, help: "The loopback port for the browser redirect (default: any free port).") var port = 0
    @Option(name: .long, help: "Seconds to wait for the browser sign-in.") var timeout = 300.0

    func run() throws {
        try guarded {
            let context = try ConnectorContext(workspace: workspace)
            let credential: StoredCredential
            if let serviceAccount {
                credential = try signInServiceAccount(context, keyFile: serviceAccount)
            } else if device {
                credential = try signInDevice(context)
            } else {
                credential = try signInBrowser(context)
            }
            try context.store.save(credential)
            output(["signed in to Google as \(credential.account) (\(credential.method.rawValue))"])
        }
    }

    private func signInServiceAccount(_ context: ConnectorContext, keyFile: String) throws -> StoredCredential {
        let key = try ServiceAccountKey(path: keyFile)
        let scope = scope ?? Self.spreadsheetsScope
        let token = try key.fetchToken(client: context.http, tokenURL: try context.settings.googleTokenURL, scope: scope, now: Date())
        let path = URL(fileURLWithPath: keyFile).standardizedFileURL.path
        return StoredCredential(provider: .google, account: account ?? key.clientEmail, method: .serviceAccount, token: token, scope: scope, keyFile: path)
    }

    private func signInDevice(_ context: ConnectorContext) throws -> StoredCredential {
        let scope = scope ?? Self.driveFileScope
        // Google's device flow grants a closed list of scopes; say so before asking.
        for item in scope.split(separator: " ") where !DeviceCodeFlow.googleDeviceScopes.contains(String(item)) {
            throw ConnectorError.scopeNotAllowed(scope: String(item), hint: "Google's device sign-in only grants drive.file (spreadsheets Formwork creates itself); "
                + "drop --device to sign in with the browser, or use --service-account")
        }
        let flow = DeviceCodeFlow(provider: .google, client: context.http, deviceCodeURL: try context.settings.googleDeviceCodeURL,
                                  tokenURL: try context.settings.googleTokenURL,
                                  clientID: try context.required(context.settings.googleClientID, "Google client id", env: "FORMWORK_GOOGLE_CLIENT_ID"),
                                  clientSecret: context.settings.googleClientSecret, scope: scope)
        let authorization = try flow.start()
        output([authorization.instructions])
        return StoredCredential(provider: .google, account: account ?? "default", method: .device, token: try flow.poll(authorization), scope: scope)
    }

    private func signInBrowser(_ context: ConnectorContext) throws -> StoredCredential {
        let scope = scope ?? Self.spreadsheetsScope
        let listener = try RedirectListener(port: port)
        let signIn = LoopbackSignIn(client: context.http, authorizeURL: context.settings.googleAuthorizeURL,
                                    tokenURL: try context.settings.googleTokenURL,
                                    clientID: try context.required(context.settings.googleClientID, "Google client id", env: "FORMWORK_GOOGLE_CLIENT_ID"),
                                    clientSecret: context.settings.googleClientSecret, scope: scope)
        let request = try signIn.prepare(redirectURI: listener.redirectURI)
        output([
            "Open this address in a browser and allow access:", "", request.url.absoluteString, "",
            "Waiting for the redirect to \(listener.redirectURI). Over SSH, either forward the port",
            "(ssh -L \(listener.port):127.0.0.1:\(listener.port) …) or paste the address the browser ends on here:",
        ])
        guard let event = listener.next(timeout: timeout, input: FileHandle.standardInput.fileDescriptor) else {
            throw ConnectorError.signInExpired(provider: "Google")
        }
        let redirect: String
        switch event {
        case .redirect(let target): redirect = target
        case .pasted(let line): redirect = line
        }
        let code = try signIn.code(fromRedirect: redirect, for: request)
        return StoredCredential(provider: .google, account: account ?? "default", method: .loopback,
                                token: try signIn.exchange(code: code, for: request), scope: scope)
    }
}

struct AuthMicrosoft: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "microsoft",
        abstract: "Sign in to Microsoft with the device code flow (Files.ReadWrite offline_access)."
    )
    @OptionGroup var workspace: WorkspaceOptions
    @Option(name: .long, help: "The name to store the sign-in under.") var account = "default"
    @Option(name: .long, help: "The scopes to ask for, space-separated.") var scope = "Files.ReadWrite offline_access"

    func run() throws {
        try guarded {
            let context = try ConnectorContext(workspace: workspace)
            let flow = DeviceCodeFlow(provider: .microsoft, client: context.http, deviceCodeURL: try context.settings.microsoftDeviceCodeURL,
                                      tokenURL: try context.settings.microsoftTokenURL,
                                      clientID: try context.required(context.settings.microsoftClientID, "Microsoft client id", env: "FORMWORK_MS_CLIENT_ID"),
                                      scope: scope)
            let authorization = try flow.start()
            output([authorization.instructions])
            let token = try flow.poll(authorization)
            try context.store.save(StoredCredential(provider: .microsoft, account: account, method: .device, token: token, scope: scope))
            output(["signed in to Microsoft as \(account)"])
        }
    }
}

struct AuthList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List stored sign-ins (never the tokens).")
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        try guarded {
            let context = try ConnectorContext(workspace: workspace)
            let credentials = try context.store.list()
            guard !credentials.isEmpty else { return output(["no stored sign-ins"]) }
            let formatter = ISO8601DateFormatter()
            output(credentials.map { credential in
                let expiry = credential.token.expiresAt.map { "token until \(formatter.string(from: $0))" } ?? "no expiry"
                let renew = credential.token.refreshToken != nil || credential.method == .serviceAccount ? ", renewable" : ""
                return "\(credential.provider.rawValue)\t\(credential.account)\t\(credential.method.rawValue)\t\(expiry)\(renew)"
            })
        }
    }
}

struct AuthLogout: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Remove a stored sign-in.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "google or microsoft.") var provider: String
    @Option(name: .long, help: "The account to remove.") var account = "default"

    func run() throws {
        try guarded {
            guard let which = ConnectorProvider(rawValue: provider) else { throw ValidationError("the provider is google or microsoft, not '\(provider)'") }
            let context = try ConnectorContext(workspace: workspace)
            guard try context.store.delete(which, account: account) else {
                printError("no stored \(which.displayName) sign-in for \(account)")
                throw Exit.invalid
            }
            output(["removed the \(which.displayName) sign-in for \(account)"])
        }
    }
}
