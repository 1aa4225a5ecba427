import XCTest
@testable import FormCore

/// Incremental re-evaluation must always equal a full evaluation of the same answers.
final class RuleEnginePropertyTests: XCTestCase {
    struct Rng: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1000) / 1000 < p }
    }

    static let inputTypes: [FieldType] = [.yesNo, .integer, .singleChoice, .shortText]

    /// A condition on an earlier field, as an expression.
    func condition(on field: Field, _ g: inout Rng) -> String {
        switch field.type {
        case .yesNo: return g.chance(0.5) ? "${\(field.key)}" : "not(${\(field.key)})"
        case .integer, .calculated: return "${\(field.key)} \(["<", ">", "=", ">="][g.int(4)]) \(g.int(10))"
        case .singleChoice: return "${\(field.key)} in ('a', 'b')"
        default: return g.chance(0.5) ? "empty(${\(field.key)})" : "${\(field.key)} contains 'x'"
        }
    }

    func makeForm(_ g: inout Rng) -> Form {
        var earlier: [Field] = []
        var pages: [Page] = (0..<3).map { Page(id: "p\($0)", title: "Page \($0)") }
        var rules: [Rule] = []
        for i in 0..<(14 + g.int(8)) {
            var f: Field
            if i > 2, g.chance(0.15) {
                f = Field(id: "f\(i)", key: "c\(i)", type: .calculated)
                let source = earlier[g.int(earlier.count)]
                f.calculate = source.type == .integer ? "${\(source.key)} * 2" : "if(\(condition(on: source, &g)), 5, 1)"
            } else {
                let type = Self.inputTypes[g.int(Self.inputTypes.count)]
                f = Field(id: "f\(i)", key: "q\(i)", type: type)
                if type == .singleChoice { f.choices = .list(["a", "b", "c"].map { Choice(value: $0) }) }
            }
            if !earlier.isEmpty, g.chance(0.3) { f.visibleIf = condition(on: earlier[g.int(earlier.count)], &g) }
            if !earlier.isEmpty, g.chance(0.2) { f.requiredIf = condition(on: earlier[g.int(earlier.count)], &g) }
            if g.chance(0.2) { f.hiddenValuePolicy = .keep }
            if g.chance(0.15) { f.required = true }
            if !earlier.isEmpty, g.chance(0.3) {
                let source = earlier[g.int(earlier.count)]
                let action = [RuleAction.show, .hide, .require, .disable, .enable][g.int(5)]
                let op: ConditionRow = source.type == .integer || source.type == .calculated
                    ? ConditionRow(sourceFieldId: source.id, condition: .greaterThan, value: .number(Double(g.int(10))))
                    : ConditionRow(sourceFieldId: source.id, condition: .isNotEmpty)
                rules.append(Rule(id: "r\(i)", when: .row(op), action: action, targetFieldIds: [f.id]))
            }
            let page = min(2, i * 3 / 16)
            if g.chance(0.2), let last = pages[page].fields.indices.last, pages[page].fields[last].type == .group {
                pages[page].fields[last].children.append(f)
            } else if g.chance(0.1) {
                var group = Field(id: "g\(i)", key: "grp\(i)", type: .group, children: [f])
                if !earlier.isEmpty, g.chance(0.5) { group.visibleIf = condition(on: earlier[g.int(earlier.count)], &g) }
                pages[page].fields.append(group)
            } else {
                pages[page].fields.append(f)
            }
            earlier.append(f)
        }
        let repeatGroup = Field(id: "rep", key: "rep", type: .repeatGroup, children: [
            Field(id: "rep_n", key: "rep_n", type: .integer),
            Field(id: "rep_t", key: "rep_t", type: .shortText, visibleIf: "${rep_n} > 4 and \(condition(on: earlier[0], &g))"),
        ])
        pages[2].fields.append(repeatGroup)
        pages[2].fields.append(Field(id: "rep_sum", key: "rep_sum", type: .calculated, calculate: "sum(${rep_n})"))
        if let source = pages[0].fields.first(where: { $0.type == .integer }) {
            rules.append(Rule(id: "skip", when: .row(ConditionRow(sourceFieldId: source.id, condition: .greaterThan, value: .number(5))),
                              action: .skipToPage, targetPageId: "p2"))
        }
        pages[1].visibleIf = condition(on: earlier[0], &g)
        return Form(id: "random", title: "Random", pages: pages, rules: rules)
    }

    func randomValue(for type: FieldType, _ g: inout Rng) -> Value? {
        if g.chance(0.15) { return nil }
        switch type {
        case .yesNo: return .bool(g.chance(0.5))
        case .integer: return .number(Double(g.int(10)))
        case .singleChoice: return .string(["a", "b", "c"][g.int(3)])
        default: return g.chance(0.3) ? .empty : .string(["x", "box", "y"][g.int(3)])
        }
    }

    func snapshot(_ engine: RuleEngine) -> [String] {
        var out = ["path \(engine.pagePath)"]
        for i in engine.index.entries.indices {
            for instance in engine.instances(ofField: i) {
                let s = engine.state(ofIndex: i, instance: instance)!
                out.append("\(engine.index.path(of: i, instance: instance)) v\(s.visible) e\(s.enabled) r\(s.required) \(s.value)")
            }
        }
        return out
    }

    func testIncrementalEqualsFullEvaluation() throws {
        var g = Rng(state: 2026)
        var checks = 0
        for _ in 0..<60 {
            let form = makeForm(&g)
            let graph = try RuleGraph(form: form)
            let engine = RuleEngine(graph: graph, now: Date(timeIntervalSince1970: 0))
            let inputs = graph.index.entries.filter { $0.field.type.takesInput && $0.field.type != .calculated && !$0.field.type.isContainer }
            for _ in 0..<40 {
                let entry = inputs[g.int(inputs.count)]
                let instance = entry.scope == 0 ? [] : [g.int(3)]
                engine.setAnswer(randomValue(for: entry.field.type, &g), for: entry.field.id, instance: instance)
                let full = RuleEngine(graph: graph, answers: engine.answers, now: Date(timeIntervalSince1970: 0))
                XCTAssertEqual(snapshot(engine), snapshot(full))
                checks += 1
            }
        }
        XCTAssertEqual(checks, 2_400)
    }
}
