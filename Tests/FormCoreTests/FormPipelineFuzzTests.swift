import XCTest
@testable import FormCore

/// Sample forms with random expressions written into random fields and random answers: the
/// linter, the engine, validation, the preview and the explainer never crash, and the linter
/// never falls into its internal-error branch.
final class FormPipelineFuzzTests: XCTestCase {
    func testRandomExpressionsAndAnswersNeverCrash() throws {
        var rng = SeededGenerator(seed: 0x5EED)
        var generator = TreeGenerator(rng: SeededGenerator(seed: 0x7EE))
        var engines = 0, cycles = 0
        for url in SampleFiles.formFiles {
            let original = try FormFile.decode(String(contentsOf: url, encoding: .utf8))
            let keys = FormIndex(original).entries.map(\.field.key)
            for _ in 0..<60 {
                var form = original
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let text = generator.tree(depth: 3).replacingReferences { _ in keys.randomElement(using: &rng)! }.description
                    form = Self.write(text, into: form, rng: &rng)
                }
                XCTAssertFalse(Linter.lint(form).contains { $0.code == "internal" })
                let answers = Self.randomAnswers(FormIndex(form), generator: &generator, rng: &rng)
                let engine: RuleEngine
                do {
                    engine = try RuleEngine(form: form, answers: answers, now: Date(timeIntervalSince1970: 1_795_694_400))
                } catch is RuleGraphError {
                    cycles += 1
                    continue
                }
                engines += 1
                _ = ResponseValidator.validate(engine)
                XCTAssertTrue(TextPreview.render(engine, width: 60).allSatisfy { $0.count <= 60 })
                for entry in engine.index.entries {
                    _ = Explainer.explain(entry.field.id, instance: entry.scope == 0 ? [] : [0], in: engine)?.lines
                }
            }
        }
        XCTAssertGreaterThan(engines, 150)
        XCTAssertGreaterThan(engines + cycles, 290)
    }

    /// Writes `text` into one expression property of a random field (or a page's visibleIf).
    static func write(_ text: String, into form: Form, rng: inout SeededGenerator) -> Form {
        var form = form
        let p = Int.random(in: 0..<form.pages.count, using: &rng)
        guard !form.pages[p].fields.isEmpty, Int.random(in: 0..<8, using: &rng) != 0 else {
            form.pages[p].visibleIf = text
            return form
        }
        var path = [Int.random(in: 0..<form.pages[p].fields.count, using: &rng)]
        while true {
            let children = field(at: path, in: form.pages[p].fields).children
            guard !children.isEmpty, Bool.random(using: &rng) else { break }
            path.append(Int.random(in: 0..<children.count, using: &rng))
        }
        modify(&form.pages[p].fields, at: path) { f in
            switch Int.random(in: 0..<7, using: &rng) {
            case 0: f.visibleIf = text
            case 1: f.requiredIf = text
            case 2: f.enabledIf = text
            case 3: f.calculate = text
            case 4: f.defaultValue = text
            case 5: f.constraint = Constraint(expression: text, message: "fuzz", severity: Bool.random(using: &rng) ? .error : .warning)
            default: if f.type == .repeatGroup { f.repeatSpec = RepeatSpec(countExpression: text) } else { f.visibleIf = text }
            }
        }
        return form
    }

    private static func field(at path: [Int], in fields: [Field]) -> Field {
        path.dropFirst().reduce(fields[path[0]]) { $0.children[$1] }
    }

    private static func modify(_ fields: inout [Field], at path: [Int], _ body: (inout Field) -> Void) {
        if path.count == 1 { return body(&fields[path[0]]) }
        modify(&fields[path[0]].children, at: Array(path.dropFirst()), body)
    }

    /// Answers of any type for random top-level fields, and a few instances for each repeat.
    static func randomAnswers(_ index: FormIndex, generator: inout TreeGenerator, rng: inout SeededGenerator) -> Answers {
        var answers = Answers()
        for entry in index.entries where Int.random(in: 0..<3, using: &rng) == 0 {
            guard case .literal(let value) = generator.leaf().kind else { continue }
            let keys = index.scopes[entry.scope].repeatKeys
            let path = keys.map { _ in Int.random(in: 0..<2, using: &rng) }
            answers.modifyInstance(keys: keys, path: path) { $0[entry.field.key] = value }
        }
        return answers
    }
}
