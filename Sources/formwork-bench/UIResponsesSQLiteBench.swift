import FormCore
import Foundation
import Studio
import Workspace

/// The Responses table's service calls on a real workspace of 100,000 responses in a temp
/// folder: the ordered ids of a sort (once per query) and the rows of one window (when
/// scrolling leaves the loaded one). In the studio both run on the effect queue, off the key
/// loop, so they add latency before rows appear, never time to a keystroke's frame.
extension UIBench {
    static func responsesSQLite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-bench-responses-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try Workspace.open(at: folder, durability: .normal)
        var form = responsesForm()
        form.state = .draft
        try workspace.forms.saveDraft(form, expectedRevision: 0)
        try workspace.forms.publish(form.id)
        let statuses = ["new", "open", "closed"]
        for batch in 0..<10 {
            let responses = (0..<10_000).map { i -> NewResponse in
                let n = batch * 10_000 + i
                return NewResponse(answers: Answers(values: ["name": .string("Person \(n)"), "age": .number(Double(18 + n % 60)),
                                                             "city": .string("City \(n % 97)"), "state": .string(statuses[n % 3]),
                                                             "score": .number(Double(n % 101))]), status: .submitted)
            }
            try workspace.responses.insert(responses, formID: form.id, version: 1)
        }
        let filter = ResponseFilter(formID: form.id)
        var ids: [Int64] = []
        let byID = try Measure.median(runs: 3) { ids = try workspace.responses.ids(filter, order: .id) }
        Measure.report("ui.responses_index_100k_sqlite", byID / 1e6, "ms")
        let byAnswer = try Measure.median(runs: 3) { _ = try workspace.responses.ids(filter, order: .answer(key: "city"), descending: true) }
        Measure.report("ui.responses_sort_100k_sqlite", byAnswer / 1e6, "ms")
        // One window as the screen asks for it at this size: the visible rows and a margin of
        // two pages (at least 50 rows) on each side.
        let page = size.height - 5, count = page + 2 * max(50, 2 * page)
        var start = 0
        let window = try Measure.median(runs: 21) {
            start = (start + 7_919) % (ids.count - count)
            for response in try workspace.responses.get(ids: Array(ids[start..<start + count])) {
                _ = ResponseMatching.cells(response.answers, form: form)
            }
        }
        Measure.report("ui.responses_window_100k_sqlite", window / 1e6, "ms")
        // The `/` filter as the live service runs it: every response streamed, decoded and evaluated.
        let expression = try ExpressionParser.parse("${age} > 40 and ${state} = 'open'")
        var matches = 0
        let filtered = try Measure.median(runs: 3) {
            matches = 0
            try workspace.responses.forEachAnswers(filter) { if ResponseMatching.matches(expression, $1) { matches += 1 } }
        }
        Measure.report("ui.responses_filter_100k_sqlite", filtered / 1e6, "ms")
        Measure.report("ui.responses_filter_100k_sqlite_matches", Double(matches), "responses")
    }
}
