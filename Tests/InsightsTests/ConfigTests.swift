import Foundation
import HTTP
@testable import Insights
import XCTest

final class ConfigTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ai-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testFileReadableByOthersIsRefused() throws {
        let path = directory.appendingPathComponent("ai.json").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(#"{"providers":[]}"#.utf8), attributes: [.posixPermissions: 0o644]))
        XCTAssertThrowsError(try AIConfigLoader.load(path: path)) { error in
            XCTAssertEqual(error as? AIConfigError, .tooOpen(path: path, mode: 0o644))
            XCTAssertTrue("\(error)".contains("chmod 600"))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        XCTAssertEqual(try AIConfigLoader.load(path: path).providers, [])
    }

    func testSaveWritesMode0600AndRoundTrips() throws {
        let path = directory.appendingPathComponent("nested/ai.json").path
        let config = AIConfig(providers: [ProviderConfig(name: "main", kind: .openai, model: "gpt-4o", apiKey: Secret("sk-secret"), timeouts: TimeoutSettings(connect: 1, total: 2, idle: 3))],
                              prices: ["gpt-4o": ModelPrice(inputPerMillion: 2.5, outputPerMillion: 10)], budget: BudgetLimits(tokensPerDay: 10, dollarsPerDay: 1),
                              retry: RetrySettings(maxRetries: 1), breaker: BreakerSettings(failureThreshold: 2, cooldown: 5), maxOutputTokens: 500, temperature: 0.1)
        try AIConfigLoader.save(config, path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)
        XCTAssertEqual(try AIConfigLoader.load(path: path), config)
        XCTAssertFalse("\(config)".contains("sk-secret"), "a printed config shows no key")
    }

    func testMissingFileInvalidJSONAndDefaultPath() throws {
        XCTAssertEqual(try AIConfigLoader.load(path: directory.appendingPathComponent("none.json").path), AIConfig())
        let path = directory.appendingPathComponent("bad.json").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(#"{"providers":[{"kind":"skynet"}]}"#.utf8), attributes: [.posixPermissions: 0o600]))
        XCTAssertThrowsError(try AIConfigLoader.load(path: path)) { error in
            guard case .invalid(_, let reason)? = error as? AIConfigError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.hasPrefix("providers.[0].kind") || reason.hasPrefix("providers.Index 0.kind"), reason)
        }
        XCTAssertEqual(AIConfigLoader.defaultPath(environment: ["FORMWORK_AI_CONFIG": "/x/ai.json"]), "/x/ai.json")
        XCTAssertEqual(AIConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": "/cfg"]), "/cfg/formwork/ai.json")
        XCTAssertEqual(AIConfigLoader.defaultPath(environment: ["HOME": "/home/u"]), "/home/u/.config/formwork/ai.json")
    }

    func testChainFromTheEnvironment() throws {
        let environment = ["OPENAI_API_KEY": "sk-o", "ANTHROPIC_API_KEY": "sk-a", "GEMINI_API_KEY": "g", "OLLAMA_HOST": "127.0.0.1:11434",
                           "ANTHROPIC_BASE_URL": "http://127.0.0.1:9000"]
        let (endpoints, skipped) = try ProviderResolver.resolve(AIConfig(), environment: environment)
        XCTAssertEqual(endpoints.map(\.name), ["openai", "anthropic", "gemini", "ollama"])
        XCTAssertEqual(endpoints.map(\.model), ["gpt-4o-mini", "claude-sonnet-4-5", "gemini-2.5-flash", "llama3.2"])
        XCTAssertEqual(endpoints.map(\.baseURL.absoluteString),
                       ["https://api.openai.com/v1", "http://127.0.0.1:9000", "https://generativelanguage.googleapis.com", "http://127.0.0.1:11434"])
        XCTAssertEqual(endpoints[0].apiKey?.exposedValue, "sk-o")
        XCTAssertNil(endpoints[3].apiKey)
        XCTAssertEqual(skipped, [])
        XCTAssertTrue(try ProviderResolver.resolve(AIConfig(), environment: [:]).endpoints.isEmpty)
    }

    func testCompatibleServerByBaseURLWithoutKey() throws {
        let (endpoints, _) = try ProviderResolver.resolve(AIConfig(), environment: ["OPENAI_BASE_URL": "http://127.0.0.1:8080/v1"])
        XCTAssertEqual(endpoints.map(\.kind), [.openAICompatible])
        XCTAssertEqual(endpoints.first?.baseURL.absoluteString, "http://127.0.0.1:8080/v1")
    }

    func testConfiguredChainSkipsKeylessProvidersAndNamesDuplicates() throws {
        let config = AIConfig(providers: [
            ProviderConfig(kind: .anthropic),
            ProviderConfig(kind: .openai, model: "gpt-4o", baseURL: "http://127.0.0.1:1/v1", apiKey: Secret("sk-config"), stream: false,
                           timeouts: TimeoutSettings(idle: 4), requestsPerMinute: 10, headers: ["X-Route": "eu"]),
            ProviderConfig(kind: .openai, apiKey: Secret("sk-2")),
        ])
        let (endpoints, skipped) = try ProviderResolver.resolve(config, environment: ["OPENAI_API_KEY": "sk-env", "OPENAI_PROJECT_ID": "proj_1"])
        XCTAssertEqual(skipped.map(\.description), ["anthropic: no key (set ANTHROPIC_API_KEY or apiKey in the config)"])
        XCTAssertEqual(endpoints.map(\.name), ["openai", "openai-2"])
        XCTAssertEqual(endpoints[0].apiKey?.exposedValue, "sk-config", "the config's key wins")
        XCTAssertEqual(endpoints[0].timeouts, HTTPTimeouts(connect: 10, total: 120, idle: 4))
        XCTAssertEqual(endpoints[0].stream, false)
        XCTAssertEqual(endpoints[0].requestsPerMinute, 10)
        XCTAssertEqual(endpoints[0].extraHeaders, ["OpenAI-Project": "proj_1", "X-Route": "eu"])
        let bad = AIConfig(providers: [ProviderConfig(kind: .ollama, baseURL: "ftp://x")])
        XCTAssertThrowsError(try ProviderResolver.resolve(bad, environment: [:])) { error in
            XCTAssertEqual(error as? AIConfigError, .badBaseURL(provider: "ollama", value: "ftp://x"))
        }
    }

    func testSecretsNeverPrint() {
        let secret = Secret("sk-live-abcdef")
        XCTAssertEqual("\(secret)", "‹redacted›")
        XCTAssertEqual(String(reflecting: secret), "‹redacted›")
        var dumped = ""
        dump(ProviderEndpoint(name: "openai", kind: .openai, model: "m", baseURL: URL(string: "https://x")!, apiKey: secret), to: &dumped)
        XCTAssertFalse(dumped.contains("sk-live-abcdef"))
        XCTAssertEqual(secret.redact("bad key sk-live-abcdef given"), "bad key ‹redacted› given")
        XCTAssertEqual(Secret("abc").redact("abc"), "abc", "too short to redact safely")
        for error in [AIConfigError.unreadable(path: "p", reason: "r"), .invalid(path: "p", reason: "r"), .badBaseURL(provider: "p", value: "v")] {
            XCTAssertFalse(error.description.isEmpty)
        }
    }

    func testKindsDescribeTheirConventions() {
        XCTAssertEqual(ProviderKind.openAICompatible.baseURLVariable, "OPENAI_BASE_URL")
        XCTAssertEqual(ProviderKind.ollama.baseURLVariable, "OLLAMA_HOST")
        XCTAssertFalse(ProviderKind.ollama.requiresKey)
        XCTAssertEqual(ProviderKind.allCases.map(\.defaultBaseURL).count, 5)
        XCTAssertEqual(ProviderKind.openAICompatible.defaultModel, "default")
    }
}
