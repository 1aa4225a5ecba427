import XCTest
@testable import FormCore

/// Random and mutated form and answers files: the loaders never crash, and every refusal is a
/// `FormFileError` whose description is one line naming the file and a position in it.
final class FormLoaderFuzzTests: XCTestCase {
    private static let formName = "fuzz.form.json"
    private static let answersName = "fuzz.answers.json"

    func testMutatedSampleFormsFailCleanly() throws {
        var rng = SeededGenerator(seed: 0xF0F0_2026)
        var stats = Stats()
        for url in SampleFiles.formFiles {
            let original = Array(try String(contentsOf: url, encoding: .utf8).utf8)
            for _ in 0..<250 {
                let bytes = Mutator.mutateBytes(original, rng: &rng)
                guard let text = String(bytes: bytes, encoding: .utf8) else { continue }
                stats.record(try decodeForm(text))
            }
        }
        // The mutations must reach both outcomes, or the test proves little.
        XCTAssertGreaterThan(stats.failed, 500)
        XCTAssertGreaterThan(stats.accepted, 10)
    }

    func testTypeSwappedSampleFormsFailCleanly() throws {
        var rng = SeededGenerator(seed: 77)
        var stats = Stats()
        for url in SampleFiles.formFiles {
            let root = try JSONParser.parse(String(contentsOf: url, encoding: .utf8))
            for _ in 0..<150 {
                let mutated = Mutator.swapType(root.value, rng: &rng)
                stats.record(try decodeForm(JSONWriter.compact(mutated)))
            }
        }
        XCTAssertGreaterThan(stats.failed, 300)
    }

    func testRandomTextFailsCleanly() throws {
        var rng = SeededGenerator(seed: 5)
        let alphabet = Array("{}[]:,\"\\ \n\t0123456789-+.eEtrufalsnabcxyz\u{00e9}\u{1F44D}".unicodeScalars)
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...60, using: &rng) { text.unicodeScalars.append(alphabet.randomElement(using: &rng)!) }
            XCTAssertNotNil(try decodeForm(text), "random text parsed as a form: \(text.debugDescription)")
        }
    }

    func testMutatedAnswersFailCleanly() throws {
        var rng = SeededGenerator(seed: 0xA11)
        let inspection = try SampleFiles.form("site-inspection")
        let onboarding = try SampleFiles.form("employee-onboarding")
        let lines = try SampleFiles.text("employee-onboarding.jsonl").split(separator: "\n").prefix(20).map(String.init)
        let cases: [(Form, String)] = [(inspection, try SampleFiles.text("site-inspection.answers.json"))] + lines.map { (onboarding, $0) }
        var stats = Stats()
        for (form, text) in cases {
            let bytes = Array(text.utf8)
            let root = try JSONParser.parse(text)
            for round in 0..<100 {
                let candidate = round % 2 == 0
                    ? String(bytes: Mutator.mutateBytes(bytes, rng: &rng), encoding: .utf8)
                    : JSONWriter.compact(Mutator.swapType(root.value, rng: &rng))
                guard let candidate else { continue }
                stats.record(try decodeAnswers(candidate, form: form))
            }
        }
        XCTAssertGreaterThan(stats.failed, 500)
        XCTAssertGreaterThan(stats.accepted, 50)
    }

    // MARK: - Helpers

    private struct Stats {
        var failed = 0, accepted = 0
        mutating func record(_ error: FormFileError?) { if error == nil { accepted += 1 } else { failed += 1 } }
    }

    /// Decodes and returns the refusal, failing the test when it is not a clean one.
    private func decodeForm(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> FormFileError? {
        do {
            _ = try FormFile.decode(text, file: Self.formName)
            return nil
        } catch let error as FormFileError {
            assertClean(error, Self.formName, text, file: file, line: line)
            return error
        } catch {
            XCTFail("not a FormFileError: \(error) for \(text.prefix(200).debugDescription)", file: file, line: line)
            return nil
        }
    }

    private func decodeAnswers(_ text: String, form: Form, file: StaticString = #filePath, line: UInt = #line) throws -> FormFileError? {
        do {
            _ = try AnswersFile.decode(text, form: form, file: Self.answersName)
            return nil
        } catch let error as FormFileError {
            assertClean(error, Self.answersName, text, file: file, line: line)
            return error
        } catch {
            XCTFail("not a FormFileError: \(error) for \(text.prefix(200).debugDescription)", file: file, line: line)
            return nil
        }
    }

    private func assertClean(_ error: FormFileError, _ name: String, _ text: String, file: StaticString, line: UInt) {
        let description = error.description
        XCTAssertTrue(description.hasPrefix("\(name):"), description, file: file, line: line)
        XCTAssertFalse(description.contains("\n"), description.debugDescription, file: file, line: line)
        // Decoding errors always point into the text (line 0 is kept for unreadable files).
        XCTAssertGreaterThanOrEqual(error.position.line, 1, description, file: file, line: line)
        XCTAssertGreaterThanOrEqual(error.position.column, 1, description, file: file, line: line)
        XCTAssertFalse(error.message.isEmpty, file: file, line: line)
    }
}

/// Ways to damage a file: byte edits, truncation, and replacing one JSON value with another type.
enum Mutator {
    private static let interesting: [[UInt8]] = ["{", "}", "[", "]", "\"", ",", ":", "null", "true", "-1", "1e999", "\\u00", "\\", "0.5", "\"x\""]
        .map { Array($0.utf8) }

    static func mutateBytes(_ input: [UInt8], rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: bytes.remove(at: at)
            case 1: bytes.insert(UInt8.random(in: 32...126, using: &rng), at: at)
            case 2: bytes[at] = UInt8.random(in: 32...126, using: &rng)
            case 3: bytes.removeSubrange(at...)
            default: bytes.insert(contentsOf: interesting.randomElement(using: &rng)!, at: at)
            }
        }
        return bytes
    }

    /// Replaces one randomly chosen value in the tree by a value of another JSON type.
    static func swapType(_ value: JSONValue, rng: inout SeededGenerator) -> JSONValue {
        var count = 0
        countNodes(value, &count)
        var target = Int.random(in: 0..<max(count, 1), using: &rng)
        return replace(value, &target, rng: &rng)
    }

    private static func countNodes(_ value: JSONValue, _ count: inout Int) {
        count += 1
        switch value {
        case .array(let items): items.forEach { countNodes($0.value, &count) }
        case .object(let members): members.forEach { countNodes($0.node.value, &count) }
        default: break
        }
    }

    private static func replace(_ value: JSONValue, _ target: inout Int, rng: inout SeededGenerator) -> JSONValue {
        if target == 0 { target = -1; return other(than: value, rng: &rng) }
        target -= 1
        switch value {
        case .array(let items): return .array(items.map { JSONNode(replace($0.value, &target, rng: &rng)) })
        case .object(let members): return .object(members.map { JSONMember($0.key, JSONNode(replace($0.node.value, &target, rng: &rng))) })
        default: return value
        }
    }

    private static func other(than value: JSONValue, rng: inout SeededGenerator) -> JSONValue {
        let choices: [JSONValue] = [.null, .bool(true), .number(-3.5), .number(1e12), .string(""), .string("yes"), .string("2026-13-01"),
                                    .array([]), .array([JSONNode(.number(1)), JSONNode(.string("a"))]), .object([]),
                                    .object([JSONMember("lat", JSONNode(.number(91))), JSONMember("lon", JSONNode(.number(0)))])]
        let candidates = choices.filter { $0.typeName != value.typeName || $0 != value }
        return candidates.randomElement(using: &rng)!
    }
}

final class JSONSyntaxMessageTests: XCTestCase {
    /// A stray non-ASCII character is named whole, not by its first UTF-8 byte.
    func testUnexpectedCharacterIsNamedWhole() {
        for (text, shown) in [("é", "é"), ("[👍]", "👍"), ("{\"a\": ß}", "ß"), ("x", "x")] {
            XCTAssertThrowsError(try JSONParser.parse(text)) { error in
                XCTAssertTrue("\(error)".contains("unexpected character '\(shown)'"), "\(error)")
            }
        }
    }
}
