import FormCore
import Foundation

/// `formwork-bench rules`: a generated form of 10,000 fields and 10,000 rules; compile time,
/// full evaluation, and incremental re-evaluation after one answer changes.
enum RulesBench {
    static let fieldCount = 10_000
    static let ruleCount = 10_000

    static func run() throws {
        let form = makeForm()
        let answers = makeAnswers(form)
        var graph: RuleGraph?
        let compile = try Measure.median(runs: 7) { graph = try RuleGraph(form: form) }
        Measure.report("rules.compile", compile / 1e6, "ms")
        let engine = RuleEngine(graph: graph!, answers: answers, now: Date(timeIntervalSince1970: 1_790_000_000))
        let full = Measure.median(runs: 21) { engine.evaluateAll() }
        Measure.report("rules.full_eval", full / 1e6, "ms")
        var generator = SplitMix(seed: 7)
        let ids = form.pages[0].fields.map(\.id)
        let types = form.pages[0].fields.map(\.type)
        var samples: [Double] = []
        for _ in 0..<2_001 {
            let i = Int(generator.next() % UInt64(fieldCount))
            let value = randomValue(types[i], &generator)
            let start = Measure.nanos()
            engine.setAnswer(value, for: ids[i])
            samples.append(Double(Measure.nanos() - start))
        }
        samples.sort()
        Measure.report("rules.incremental", samples[samples.count / 2] / 1e3, "us")
        Measure.report("rules.incremental_p99", samples[samples.count * 99 / 100] / 1e3, "us")
    }

    /// Fields of four kinds; each rule reads an earlier field and acts on a later one, so the
    /// graph is deep and wide like a long inspection checklist.
    static func makeForm() -> Form {
        var generator = SplitMix(seed: 42)
        let kinds: [FieldType] = [.yesNo, .integer, .singleChoice, .shortText]
        var fields: [Field] = []
        for i in 0..<fieldCount {
            let type = kinds[i % kinds.count]
            var field = Field(id: "f\(i)", key: "q\(i)", type: type, label: "Question \(i)")
            if type == .singleChoice { field.choices = .list(["a", "b", "c"].map { Choice(value: $0) }) }
            fields.append(field)
        }
        var rules: [Rule] = []
        let actions: [RuleAction] = [.show, .hide, .require, .disable]
        for r in 0..<ruleCount {
            let target = 1 + Int(generator.next() % UInt64(fieldCount - 1))
            let source = Int(generator.next() % UInt64(target))
            let row: ConditionRow
            switch kinds[source % kinds.count] {
            case .yesNo: row = ConditionRow(sourceFieldId: "f\(source)", condition: .equals, value: .bool(true))
            case .integer: row = ConditionRow(sourceFieldId: "f\(source)", condition: .greaterThan, value: .number(50))
            case .singleChoice: row = ConditionRow(sourceFieldId: "f\(source)", condition: .in, value: .list([.string("a"), .string("b")]))
            default: row = ConditionRow(sourceFieldId: "f\(source)", condition: .isNotEmpty)
            }
            rules.append(Rule(id: "r\(r)", when: .row(row), action: actions[r % actions.count], targetFieldIds: ["f\(target)"]))
        }
        return Form(id: "bench", title: "Bench", pages: [Page(id: "p1", title: "All", fields: fields)], rules: rules)
    }

    static func makeAnswers(_ form: Form) -> Answers {
        var generator = SplitMix(seed: 99)
        var answers = Answers()
        for field in form.pages[0].fields { answers.values[field.key] = randomValue(field.type, &generator) }
        return answers
    }

    static func randomValue(_ type: FieldType, _ g: inout SplitMix) -> Value {
        switch type {
        case .yesNo: return .bool(g.next() % 2 == 0)
        case .integer: return .number(Double(g.next() % 101))
        case .singleChoice: return .string(["a", "b", "c"][Int(g.next() % 3)])
        default: return g.next() % 4 == 0 ? .empty : .string("note \(g.next() % 1000)")
        }
    }
}

/// A small deterministic generator so every run measures the same work.
struct SplitMix: RandomNumberGenerator {
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
