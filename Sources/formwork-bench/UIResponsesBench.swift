import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting

/// `ui.responses_key_100k`: a keystroke on the Responses table over 100,000 responses —
/// reduce, the effects the frame needs (rows of a new window when scrolling leaves the loaded
/// one), render and diff. The table keeps only the ordered ids in memory and the rows around
/// the view; the service is the in-memory one (the bench target does not link the workspace).
extension UIBench {
    static func responses() throws {
        let service = InMemoryResponseService()
        let form = responsesForm()
        service.addForm(form)
        let statuses = ["new", "open", "closed"]
        for n in 0..<100_000 {
            service.add(Answers(values: ["name": .string("Person \(n)"), "age": .number(Double(18 + n % 60)),
                                         "city": .string("City \(n % 97)"), "state": .string(statuses[n % 3]),
                                         "score": .number(Double(n % 101))]),
                        formID: form.id, submittedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(n) * 60))
        }
        let runner = EffectRunner(services: StudioServices(forms: InMemoryFormRepository(forms: [form]), responses: service))
        var state = AppState(size: size)
        func settle(_ effects: [Effect]) {
            var queue = effects
            while !queue.isEmpty {
                for answer in runner.perform(queue.removeFirst()) { queue += AppReducer.reduce(answer, &state) }
            }
        }
        settle(AppReducer.reduce(.formsLoaded([FormListing(id: form.id, title: form.title, latestVersion: 1, revision: 1, responseCount: 100_000)]), &state))
        let open = Measure.median(runs: 3) {
            state.responses = ResponsesState()
            settle(AppReducer.reduce(.command(NavigationTab.responses.rawValue), &state))
        }
        Measure.report("ui.responses_open_100k", open / 1e6, "ms")
        var previous = AppView.render(state, size: size, theme: theme)
        var times: [UInt64] = []
        let script = try KeyEvent.parseList(String(repeating: "j ", count: 400) + "pagedown pagedown pagedown G k k pageup g")
        for _ in 0..<5 {
            for event in script {
                let start = Measure.nanos()
                settle(AppReducer.reduce(.key(event), &state))
                let frame = AppView.render(state, size: size, theme: theme)
                _ = frame.diff(from: previous)
                times.append(Measure.nanos() - start)
                previous = frame
            }
        }
        times.sort()
        Measure.report("ui.responses_key_100k", Double(times[times.count / 2]) / 1e6, "ms")
        Measure.report("ui.responses_key_100k_p99", Double(times[times.count * 99 / 100]) / 1e6, "ms")
        let filter = Measure.median(runs: 3) { _ = try? service.index(ResponseQuery(formID: form.id, filter: "${age} > 40 and ${state} = 'open'")) }
        Measure.report("ui.responses_filter_100k", filter / 1e6, "ms")
    }

    static func responsesForm() -> Form {
        Form(id: "people", title: "People", version: 1, pages: [Page(id: "p1", title: "All", fields: [
            Field(id: "f1", key: "name", type: .shortText, label: "Name"),
            Field(id: "f2", key: "age", type: .integer, label: "Age"),
            Field(id: "f3", key: "city", type: .shortText, label: "City"),
            Field(id: "f4", key: "state", type: .shortText, label: "State"),
            Field(id: "f5", key: "score", type: .integer, label: "Score"),
        ])])
    }
}
