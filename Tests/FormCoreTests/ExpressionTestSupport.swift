import Foundation
import XCTest
@testable import FormCore

/// 2024-06-01T12:00:00Z: the fixed "now" of every evaluation test.
let fixedNow = Date(timeIntervalSince1970: 1_717_243_200)
let utc = TimeZone(secondsFromGMT: 0) ?? .current

/// A context with the given answers, repeat columns and the fixed clock in UTC.
func makeContext(_ values: [String: Value] = [:], repeats: [String: [Value]] = [:]) -> DictionaryContext {
    DictionaryContext(values: values, repeats: repeats, now: fixedNow, timeZone: utc)
}

/// Parses and evaluates `text`, failing the test on a parse error.
func evaluate(_ text: String, _ values: [String: Value] = [:], repeats: [String: [Value]] = [:],
              file: StaticString = #filePath, line: UInt = #line) throws -> Value {
    let expression = try ExpressionParser.parse(text)
    return try expression.evaluate(in: makeContext(values, repeats: repeats))
}

/// Asserts that `text` evaluates to `expected`.
func assertEval(_ text: String, _ expected: Value, _ values: [String: Value] = [:],
                repeats: [String: [Value]] = [:], file: StaticString = #filePath, line: UInt = #line) {
    do {
        let value = try evaluate(text, values, repeats: repeats)
        XCTAssertEqual(value, expected, "\(text)", file: file, line: line)
    } catch {
        XCTFail("\(text) threw \(error)", file: file, line: line)
    }
}

/// Asserts that `text` parses but fails to evaluate, and returns the error.
@discardableResult
func assertEvalError(_ text: String, _ values: [String: Value] = [:],
                     file: StaticString = #filePath, line: UInt = #line) -> EvaluationError? {
    do {
        let expression = try ExpressionParser.parse(text)
        let value = try expression.evaluate(in: makeContext(values))
        XCTFail("\(text) gave \(value) instead of an error", file: file, line: line)
    } catch let error as EvaluationError {
        return error
    } catch {
        XCTFail("\(text) failed to parse: \(error)", file: file, line: line)
    }
    return nil
}

/// Asserts that `text` fails to parse, and returns the error.
@discardableResult
func assertParseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> ExpressionError? {
    do {
        let expression = try ExpressionParser.parse(text)
        XCTFail("\(text) parsed as \(expression)", file: file, line: line)
    } catch {
        return error
    }
    return nil
}

/// SplitMix64: a tiny seeded generator so random tests are repeatable.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds random expression trees of the shapes the parser can produce.
struct TreeGenerator {
    var rng: SeededGenerator

    private static let keys = ["a", "age", "_x", "follow_up", "Q1", "item_price", "b2"]
    private static let textPieces = ["", "yes", "no", "it's", "a\\b", "line\nbreak", "tab\t", "\"q\"", "é", "日本", "👍🏽", "\u{301}x", "\r\n", "${x}", " "]
    private static let patterns = ["[0-9]+", "a|ab", "^x$", "\\d{3}", ".*", "(yes|no)"]

    mutating func tree(depth: Int) -> FormExpression {
        if depth <= 0 || Int.random(in: 0..<5, using: &rng) == 0 { return leaf() }
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return .unary(Bool.random(using: &rng) ? .negate : .not, tree(depth: depth - 1))
        case 1, 2: return binary(depth)
        case 3: return call(depth)
        case 4: return .inList(tree(depth: depth - 1), (0..<Int.random(in: 1...3, using: &rng)).map { _ in tree(depth: depth - 1) })
        default: return .between(tree(depth: depth - 1), tree(depth: depth - 1), tree(depth: depth - 1))
        }
    }

    private mutating func binary(_ depth: Int) -> FormExpression {
        let op = BinaryOperator.allCases.randomElement(using: &rng) ?? .add
        let rhs: FormExpression = op == .matches
            ? .literal(.string(TreeGenerator.patterns.randomElement(using: &rng) ?? ".*"))
            : tree(depth: depth - 1)
        return .binary(op, tree(depth: depth - 1), rhs)
    }

    private mutating func call(_ depth: Int) -> FormExpression {
        let function = Function.allCases.randomElement(using: &rng) ?? .len
        let most = function.maxArguments ?? function.minArguments + 3
        let count = Int.random(in: function.minArguments...most, using: &rng)
        return .call(function, (0..<count).map { _ in tree(depth: depth - 1) })
    }

    mutating func leaf() -> FormExpression {
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: return .reference(TreeGenerator.keys.randomElement(using: &rng) ?? "a")
        case 1: return .literal(.number(Double(Int.random(in: -1000...1000, using: &rng))))
        case 2: return .literal(.number(randomDouble()))
        case 3: return .literal(.string(randomText()))
        case 4: return .literal(.bool(Bool.random(using: &rng)))
        case 5: return .literal(.date(LocalDate(daysSince1970: Int.random(in: -20000...40000, using: &rng))))
        case 6: return .literal(.time(LocalTime(secondsSinceMidnight: Int.random(in: 0..<86400, using: &rng))))
        default: return .literal(.dateTime(LocalDateTime(secondsSince1970: Int.random(in: -1_000_000_000...2_000_000_000, using: &rng))))
        }
    }

    private mutating func randomDouble() -> Double {
        let magnitude = pow(10, Double(Int.random(in: -9...25, using: &rng)))
        return Double.random(in: -1...1, using: &rng) * magnitude
    }

    private mutating func randomText() -> String {
        (0..<Int.random(in: 0...3, using: &rng)).map { _ in TreeGenerator.textPieces.randomElement(using: &rng) ?? "" }.joined()
    }
}
