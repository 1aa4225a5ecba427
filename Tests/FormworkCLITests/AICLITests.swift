import Foundation
import HTTPTestSupport
import XCTest

/// `formwork ai …` end to end: the real binary against loopback fakes, with a clean environment
/// (no keys, no proxies) so nothing can reach the internet.
final class AICLITests: CLITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        let facts = """
        {"section":"satisfaction","title":"Satisfaction","facts":[
         {"id":"F1","label":"responses","value":212,"display":"212","kind":"count","sampleSize":212},
         {"id":"F2","label":"mean satisfaction (1-5)","value":4.13,"display":"4.1","kind":"average","sampleSize":212}]}
        """
        try Data(facts.utf8).write(to: directory.appendingPathComponent("facts.json"))
    }

    /// Runs the binary with only HOME and PATH from the outside, so no real key or proxy leaks in.
    private func runClean(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = try XCTUnwrap(CLITestCase.binary, "the formwork binary was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + ["--workspace", directory.appendingPathComponent("ws").path]
        process.currentDirectoryURL = directory
        var clean = ["HOME": directory.path, "PATH": "/usr/bin:/bin"]
        // Coverage runs name the profile file for child processes; keep that, nothing else.
        clean["LLVM_PROFILE_FILE"] = ProcessInfo.processInfo.environment["LLVM_PROFILE_FILE"]
        process.environment = clean.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// An OpenAI answer in the shape the request asked for: a JSON body, or an SSE stream with
    /// the usage chunk and `[DONE]`.
    static func openAIAnswer(_ text: String, to request: LoopbackRequest) -> LoopbackResponse {
        let content = try! JSONSerialization.data(withJSONObject: [text])
        let quoted = String(String(decoding: content, as: UTF8.self).dropFirst().dropLast())
        guard (request.jsonBody?["stream"] as? Bool) == true else {
            return .json(200, #"{"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":\#(quoted)},"finish_reason":"stop"}],"usage":{"prompt_tokens":250,"completion_tokens":40}}"#)
        }
        return .eventStream([
            #"data: {"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":\#(quoted)},"finish_reason":null}]}"# + "\n\n",
            #"data: {"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"# + "\n\n",
            #"data: {"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":250,"completion_tokens":40}}"# + "\n\n",
            "data: [DONE]\n\n",
        ])
    }

    func testNarrateWithoutAKeyUsesTheLocalNarrator() throws {
        let result = try runClean(["ai", "narrate", "facts.json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("There are 212 responses. The mean satisfaction (1-5) is 4.1."))
        XCTAssertTrue(result.stdout.contains("[local narrator; facts F1, F2]"))
    }

    func testNarrateAgainstAFakeCarriesTheFakesParagraphsAndRecordsUsage() throws {
        let answer = #"{"insights":[{"text":"Satisfaction averaged 4.1 over 212 responses.","fact_ids":["F1","F2"],"confidence":"high"}]}"#
        let server = try LoopbackServer { request in Self.openAIAnswer(answer, to: request) }
        defer { server.stop() }
        let environment = ["OPENAI_API_KEY": "sk-cli-secret-key", "OPENAI_BASE_URL": server.url("/v1").absoluteString]
        let result = try runClean(["ai", "narrate", "facts.json", "--json"], environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Satisfaction averaged 4.1 over 212 responses."))
        XCTAssertTrue(result.stdout.contains(#""provider":"openai""#))
        XCTAssertFalse(result.stdout.contains("sk-cli-secret-key"))
        XCTAssertEqual(server.requests.first?.header("authorization"), "Bearer sk-cli-secret-key")

        let usage = try runClean(["ai", "usage"])
        XCTAssertEqual(usage.status, 0, usage.stderr)
        XCTAssertTrue(usage.stdout.contains("satisfaction"))
        XCTAssertTrue(usage.stdout.contains("250"))
        XCTAssertTrue(usage.stdout.contains("1 calls"))
        let json = try runClean(["ai", "usage", "--json", "--since", "1h"])
        XCTAssertTrue(json.stdout.contains(#""inputTokens":250"#))
        XCTAssertEqual(try runClean(["ai", "usage", "--since", "yesterday"]).status, 2)

        let cached = try runClean(["ai", "narrate", "facts.json"], environment: environment)
        XCTAssertTrue(cached.stdout.contains("note: from the insight cache"))
        XCTAssertEqual(server.requests.count, 1)
    }

    func testAITestSaysWhatWorks() throws {
        let server = try LoopbackServer { request in
            request.path.hasPrefix("/v1/messages")
                ? .json(401, #"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#)
                : Self.openAIAnswer(#"{"ok":true}"#, to: request)
        }
        defer { server.stop() }
        let environment = ["OPENAI_API_KEY": "sk-a", "OPENAI_BASE_URL": server.url("/v1").absoluteString,
                           "ANTHROPIC_API_KEY": "sk-b", "ANTHROPIC_BASE_URL": server.url().absoluteString]
        let result = try runClean(["ai", "test"], environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("ok    openai"), result.stdout)
        XCTAssertTrue(lines[1].hasPrefix("FAIL  anthropic"), result.stdout)
        XCTAssertTrue(lines[1].contains("authentication_error"))
        XCTAssertTrue(lines[2].hasPrefix("ok    local"))

        let only = try runClean(["ai", "test", "--provider", "anthropic", "--json"], environment: environment)
        XCTAssertEqual(only.status, 1)
        XCTAssertTrue(only.stdout.contains(#""status":"stop""#))
        let unknown = try runClean(["ai", "test", "--provider", "mistral"], environment: environment)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no provider 'mistral' is configured"))
    }

    func testInsightJobOnTheAIQueueRunsInTheWorker() throws {
        let answer = #"{"insights":[{"text":"Across 212 responses satisfaction averaged 4.1.","fact_ids":["F1","F2"],"confidence":"high"}]}"#
        let server = try LoopbackServer { request in Self.openAIAnswer(answer, to: request) }
        defer { server.stop() }
        let environment = ["OPENAI_API_KEY": "sk-job", "OPENAI_BASE_URL": server.url("/v1").absoluteString]
        let facts = try String(contentsOf: directory.appendingPathComponent("facts.json"), encoding: .utf8)
        let arguments = #"{"table":"# + facts + "}"
        let added = try runClean(["jobs", "add", "insight", "--queue", "ai", "--args", arguments], environment: environment)
        XCTAssertEqual(added.status, 0, added.stderr)
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let worker = try runClean(["worker", "--queues", "ai", "--exit-when-idle"], environment: environment)
        XCTAssertEqual(worker.status, 0, worker.stderr)
        let shown = try runClean(["jobs", "show", id, "--json"], environment: environment)
        XCTAssertTrue(shown.stdout.contains("completed"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("Across 212 responses satisfaction averaged 4.1."), shown.stdout)
        XCTAssertFalse(shown.stdout.contains("sk-job"))
        XCTAssertEqual(server.requests.count, 1)
    }

    func testConfigReadableByOthersIsRefused() throws {
        let config = directory.appendingPathComponent("ai.json")
        XCTAssertTrue(FileManager.default.createFile(atPath: config.path, contents: Data(#"{"providers":[]}"#.utf8), attributes: [.posixPermissions: 0o644]))
        let result = try runClean(["ai", "test"], environment: ["FORMWORK_AI_CONFIG": config.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("chmod 600"), result.stderr)
    }
}

/// `formwork export --ai` end to end against a fake model that narrates the first fact it is given.
final class AIExportCLITests: CLITestCase {
    /// Answers every insight request with one paragraph quoting the first fact of the prompt.
    static func narratingFake(_ request: LoopbackRequest) -> LoopbackResponse {
        let messages = request.jsonBody?["messages"] as? [[String: Any]] ?? []
        let prompt = messages.last?["content"] as? String ?? ""
        var text = #"{"insights":[]}"#
        if let start = prompt.range(of: "Facts (JSON):\n"), let end = prompt.range(of: "\n\nWrite at most", range: start.upperBound..<prompt.endIndex),
           let json = try? JSONSerialization.jsonObject(with: Data(prompt[start.upperBound..<end.lowerBound].utf8)) as? [String: Any],
           let fact = (json["facts"] as? [[String: Any]])?.first, let id = fact["id"] as? String,
           let label = fact["label"] as? String, let display = fact["display"] as? String {
            let insight: [String: Any] = ["text": "Fake model: the \(label) is \(display).", "fact_ids": [id], "confidence": "high"]
            text = String(decoding: try! JSONSerialization.data(withJSONObject: ["insights": [insight]]), as: UTF8.self)
        }
        return AICLITests.openAIAnswer(text, to: request)
    }

    func testReportWithAIAgainstAFakeCarriesTheFakesParagraphsAndWithoutAKeyTheLocalNarrators() throws {
        let server = try LoopbackServer { Self.narratingFake($0) }
        defer { server.stop() }
        let form = Self.samples.appendingPathComponent("customer-survey.form.json").path
        let responses = Self.samples.appendingPathComponent("customer-survey.csv").path
        let clean = ["OPENAI_API_KEY": "", "ANTHROPIC_API_KEY": "", "GEMINI_API_KEY": "", "OPENAI_BASE_URL": "", "OLLAMA_HOST": "",
                     "HOME": directory.path, "FORMWORK_AI_CONFIG": directory.appendingPathComponent("none.json").path]
        var withKey = clean
        withKey["OPENAI_API_KEY"] = "sk-export-secret"
        withKey["OPENAI_BASE_URL"] = server.url("/v1").absoluteString
        let ai = try run(["export", form, "--responses", responses, "--format", "md", "--out", "ai", "--ai",
                          "--workspace", directory.appendingPathComponent("ws").path], environment: withKey)
        XCTAssertEqual(ai.status, 0, ai.stderr)
        let aiReport = try String(contentsOfFile: try XCTUnwrap(ai.lines.first { $0.hasSuffix(".md") }), encoding: .utf8)
        XCTAssertTrue(aiReport.contains("Fake model: the responses is"), aiReport)
        XCTAssertTrue(aiReport.contains("by openai gpt-4o-mini"), aiReport)
        XCTAssertFalse(aiReport.contains("sk-export-secret"))
        XCTAssertGreaterThan(server.requests.count, 1)

        let local = try run(["export", form, "--responses", responses, "--format", "md", "--out", "local", "--ai",
                             "--workspace", directory.appendingPathComponent("ws").path], environment: clean)
        XCTAssertEqual(local.status, 0, local.stderr)
        XCTAssertTrue(local.stderr.contains("no AI provider configured"), local.stderr)
        let localReport = try String(contentsOfFile: try XCTUnwrap(local.lines.first { $0.hasSuffix(".md") }), encoding: .utf8)
        XCTAssertFalse(localReport.contains("Fake model"))
        XCTAssertTrue(localReport.contains("This report covers"), localReport)
    }

    func testReportJobWithAIWritesTheFakesParagraphs() throws {
        let server = try LoopbackServer { Self.narratingFake($0) }
        defer { server.stop() }
        let workspace = directory.appendingPathComponent("ws").path
        let out = directory.appendingPathComponent("job-out").path
        let environment = ["OPENAI_API_KEY": "sk-job", "OPENAI_BASE_URL": server.url("/v1").absoluteString, "ANTHROPIC_API_KEY": "",
                           "GEMINI_API_KEY": "", "OLLAMA_HOST": "", "FORMWORK_AI_CONFIG": directory.appendingPathComponent("none.json").path]
        let setup: [String: Any] = ["form": Self.samples.appendingPathComponent("customer-survey.form.json").path,
                                    "responses": Self.samples.appendingPathComponent("customer-survey.csv").path,
                                    "formats": "md", "out": out, "ai": true]
        let arguments = String(decoding: try JSONSerialization.data(withJSONObject: setup), as: UTF8.self)
        let added = try run(["jobs", "add", "report", "--queue", "reports", "--args", arguments, "--workspace", workspace], environment: environment)
        XCTAssertEqual(added.status, 0, added.stderr)
        let worker = try run(["worker", "--exit-when-idle", "--workspace", workspace], environment: environment)
        XCTAssertEqual(worker.status, 0, worker.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".md") }
        let report = try String(contentsOfFile: out + "/" + XCTUnwrap(files.first), encoding: .utf8)
        XCTAssertTrue(report.contains("Fake model:"), report)
        XCTAssertTrue(report.contains("by openai gpt-4o-mini"))
    }
}
