import FormCore
import Foundation
import Reports
import Workspace

/// The submitted responses of one form version in the workspace, read in pages of 1,000 so
/// the report builder pulls them like a file, in bounded memory.
struct WorkspaceResponseSource: ResponseSource {
    let workspace: Workspace
    let filter: ResponseFilter

    func open() throws -> ResponseStream { Stream(store: workspace.responses, filter: filter) }

    private struct Stream: ResponseStream {
        let store: ResponseStore
        let filter: ResponseFilter
        var page: [StoredResponse] = []
        var index = 0
        var offset = 0
        var number = 0
        var exhausted = false

        init(store: ResponseStore, filter: ResponseFilter) {
            self.store = store
            self.filter = filter
        }

        mutating func next() throws -> ResponseRecord? {
            if index >= page.count {
                guard !exhausted else { return nil }
                page = try store.list(filter, offset: offset, limit: 1_000)
                offset += page.count
                index = 0
                exhausted = page.count < 1_000
                if page.isEmpty { return nil }
            }
            index += 1
            number += 1
            return ResponseRecord(number: number, answers: page[index - 1].answers)
        }
    }
}
