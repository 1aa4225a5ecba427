import XCTest
@testable import FormCore

/// Feeds the parser random and mutated text: it must only ever throw `ExpressionError`,
/// and whatever it accepts must print, re-parse and evaluate without crashing.
final class ExpressionFuzzTests: XCTestCase {
    private static let alphabet: [String] = [
        "${", "}", "${a}", "${b_2}", "(", ")", ",", "'", "\"", "\\", "@", "$", "-", "+", "*", "/",
        "=", "!=", "<", "<=", ">", ">=", "!", " ", "  ", "\t", "\n", "0", "1", "42", "3.5", "1e", "e+",
        "and", "or", "not", "mod", "in", "between", "contains", "startswith", "endswith", "matches",
        "true", "false", "if", "len", "count-selected", "date-diff", "sum", "today", "x", "-",
        "2024-01-31", ":", "T", "é", "日", "👍", "\u{301}", "[", "]", "{", "%", "'abc'", "'[0-9]+'",
    ]

    private var context: DictionaryContext {
        makeContext(["a": .number(3), "b_2": .string("x"), "age": .date(LocalDate(year: 2000, month: 2, day: 29)!)],
                    repeats: ["a": [.number(1), .empty, .number(2)]])
    }

    func testRandomTokenSoup() {
        var rng = SeededGenerator(seed: 42)
        var accepted = 0
        for _ in 0..<4000 {
            let count = Int.random(in: 0...14, using: &rng)
            let text = (0..<count).map { _ in Self.alphabet.randomElement(using: &rng) ?? "" }.joined()
            if check(text) { accepted += 1 }
        }
        XCTAssertGreaterThan(accepted, 10, "some random inputs should be valid")
    }

    func testMutatedValidExpressions() {
        var rng = SeededGenerator(seed: 2024)
        var generator = TreeGenerator(rng: SeededGenerator(seed: 99))
        var rejected = 0
        for _ in 0..<3000 {
            var scalars = Array(ExpressionPrinter.print(generator.tree(depth: 4)).unicodeScalars)
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                mutate(&scalars, using: &rng)
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            if !check(String(view)) { rejected += 1 }
        }
        XCTAssertGreaterThan(rejected, 100, "mutations should break many expressions")
    }

    func testRandomBytes() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...24, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Random trees evaluate without crashing, and a traced evaluation always agrees with
    /// the plain one.
    func testRandomTreesEvaluateConsistently() {
        var generator = TreeGenerator(rng: SeededGenerator(seed: 77))
        let contexts = [
            context,
            makeContext(["a": .string("yes"), "age": .number(30), "follow_up": .list([.string("x")]),
                         "item_price": .duration(60), "Q1": .dateTime(LocalDateTime(secondsSince1970: 0)),
                         "_x": .time(LocalTime(secondsSinceMidnight: 100)), "b2": .geopoint(latitude: 1, longitude: 2)],
                        repeats: ["item_price": [.number(2), .string("x")]]),
        ]
        var succeeded = 0
        for _ in 0..<2000 {
            let tree = generator.tree(depth: 4)
            for context in contexts {
                let plain: String
                do {
                    plain = String(describing: try tree.evaluate(in: context))
                    succeeded += 1
                } catch {
                    plain = "error: \(error)"
                }
                let trace = tree.evaluateTraced(in: context)
                let traced = trace.value.map { String(describing: $0) } ?? "error: \(trace.error.map(String.init(describing:)) ?? "")"
                XCTAssertEqual(plain, traced, tree.description)
                XCTAssertEqual(trace.steps.last?.expression, tree)
            }
        }
        XCTAssertGreaterThan(succeeded, 500)
    }

    private func mutate(_ scalars: inout [Unicode.Scalar], using rng: inout SeededGenerator) {
        let position = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &rng)
        let insert = Self.alphabet.randomElement(using: &rng)?.unicodeScalars.first ?? "x"
        switch Int.random(in: 0..<3, using: &rng) {
        case 0 where !scalars.isEmpty: scalars.remove(at: position)
        case 1 where !scalars.isEmpty: scalars[position] = insert
        default: scalars.insert(insert, at: position)
        }
    }

    /// Parses `text`; when it is accepted, checks print/parse stability and evaluates it.
    @discardableResult
    private func check(_ text: String) -> Bool {
        let expression: FormExpression
        do {
            expression = try ExpressionParser.parse(text)
        } catch {
            XCTAssertGreaterThanOrEqual(error.column, 1)
            XCTAssertFalse(error.message.isEmpty)
            XCTAssertEqual(error.caretDiagram(text).split(separator: "\n", omittingEmptySubsequences: false).count, 2)
            return false
        }
        let printed = ExpressionPrinter.print(expression)
        XCTAssertEqual(try? ExpressionParser.parse(printed), expression, "\(text) printed as \(printed)")
        _ = try? expression.evaluate(in: context)
        _ = expression.evaluateTraced(in: context)
        _ = expression.inferType(fieldTypes: { _ in .any })
        return true
    }
}
