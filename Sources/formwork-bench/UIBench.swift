import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting

/// `formwork-bench ui`: the studio rendered headlessly. First frame after launch, and the
/// key-to-frame time (reduce + render + diff) for moves, indents and typing in the preview on
/// forms of 1,000 and 10,000 fields. Recompiling the rules after a structural edit runs off the
/// key loop in the studio, so it is reported on its own line (`ui.recompile_*`).
enum UIBench {
    static let size = Size(width: 160, height: 48)
    /// Loaded once, as the studio does.
    static let theme = Theme.defaultDark

    static func run() throws {
        let launch = Measure.median(runs: 20) {
            let repository = InMemoryFormRepository(forms: [form(fields: 1_000)])
            var state = AppState(size: size)
            let runner = EffectRunner(repository: repository)
            for action in runner.perform(.loadForms) { _ = AppReducer.reduce(action, &state) }
            _ = AppView.render(state, size: size, theme: theme)
        }
        Measure.report("ui.first_frame", launch / 1e6, "ms")
        for count in [1_000, 10_000] {
            try keys(fields: count, label: count == 1_000 ? "1k" : "10k")
        }
        try responses()
        try responsesSQLite()
    }

    static func keys(fields count: Int, label: String) throws {
        let form = form(fields: count)
        var state = AppState(size: size)
        let open = Measure.median(runs: 3) {
            state = AppState(size: size)
            let effects = AppReducer.reduce(.draftOpened(DraftSnapshot(form: form, revision: 1)), &state)
            for case .compileRules(let compiled, let answers, let generation) in effects {
                _ = AppReducer.reduce(.rulesCompiled(CompiledRules(form: compiled, answers: answers), generation: generation), &state)
            }
            _ = AppView.render(state, size: size, theme: theme)
        }
        Measure.report("ui.open_\(label)", open / 1e6, "ms")
        var previous = AppView.render(state, size: size, theme: theme)
        let render = Measure.median(runs: 20) { previous = AppView.render(state, size: size, theme: theme) }
        Measure.report("ui.render_\(label)", render / 1e6, "ms")
        func press(_ script: String) throws -> Double {
            let events = try KeyEvent.parseList(script)
            var total: UInt64 = 0
            for event in events {
                let start = Measure.nanos()
                _ = AppReducer.reduce(.key(event), &state)
                let frame = AppView.render(state, size: size, theme: theme)
                _ = frame.diff(from: previous)
                total += Measure.nanos() - start
                previous = frame
            }
            return Double(total) / Double(events.count)
        }
        // Go to a field in the middle of the form.
        for _ in 0..<(count / 40) { _ = try press("j") }
        let move = try (0..<10).map { _ in try press("ctrl+j ctrl+k") }.sorted()[5]
        let indent = try (0..<10).map { _ in try press("alt+left alt+right") }.sorted()[5]
        _ = try press("tab tab")
        while state.builder?.selectedField?.type != .shortText { _ = try press("j") }
        _ = try press("enter")
        let type = try (0..<10).map { _ in try press("a b c backspace backspace backspace") }.sorted()[5]
        _ = try press("esc")
        let all = [move, indent, type].sorted()[1]
        Measure.report("ui.key_\(label)", all / 1e6, "ms")
        Measure.report("ui.key_move_\(label)", move / 1e6, "ms")
        Measure.report("ui.key_indent_\(label)", indent / 1e6, "ms")
        Measure.report("ui.key_type_\(label)", type / 1e6, "ms")
        let recompile = Measure.median(runs: 3) { _ = CompiledRules(form: state.builder?.form ?? form, answers: Answers()) }
        Measure.report("ui.recompile_\(label)", recompile / 1e6, "ms")
    }

    /// A form of `count` fields in groups of 20: a yes/no at the top of each group shows the
    /// group's last field, so rules touch a tenth of the form.
    static func form(fields count: Int) -> Form {
        var groups: [Field] = []
        var rules: [Rule] = []
        let perGroup = 20
        for g in 0..<(count / perGroup) {
            var children: [Field] = []
            for i in 0..<(perGroup - 1) {
                let n = g * perGroup + i
                let type: FieldType = i == 0 ? .yesNo : (i % 3 == 0 ? .integer : .shortText)
                children.append(Field(id: "f\(n)", key: "k\(n)", type: type, label: "Question \(n)"))
            }
            let target = children[perGroup - 2].id
            rules.append(Rule(id: "r\(g)", when: .row(ConditionRow(sourceFieldId: children[0].id, condition: .equals, value: .bool(true))),
                              action: .show, targetFieldIds: [target]))
            groups.append(Field(id: "g\(g)", key: "group\(g)", type: .group, label: "Section \(g)", children: children))
        }
        return Form(id: "bench", title: "Bench \(count)", pages: [Page(id: "p1", title: "All", fields: groups)], rules: rules)
    }
}
