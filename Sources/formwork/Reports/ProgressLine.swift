import Foundation
import Reports

/// A one-line progress display on stderr, only when stderr is a terminal: redrawn in place,
/// at most every 100 ms, cleared at the end.
final class ProgressLine {
    private let enabled: Bool
    private var last = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ stage: ExportStage) {
        guard enabled else { return }
        let text: String
        switch stage {
        case .reading(let count): text = "reading responses… \(count)"
        case .writing(let name): text = "writing \(name)…"
        case .perResponse(let count): text = "per-response documents… \(count)"
        case .wrote: return
        case .finished: return finish()
        }
        let now = Date()
        if case .reading = stage, now.timeIntervalSince(last) < 0.1 { return }
        last = now
        drawn = true
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    }

    func finish() {
        guard enabled, drawn else { return }
        drawn = false
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
