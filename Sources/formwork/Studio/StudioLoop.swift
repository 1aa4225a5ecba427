import Dispatch
import Foundation
import Studio
import TUICurses
import TUIKit

/// The studio's key loop: read an event, reduce, draw the changed cells. Effects run on
/// background queues and post their answers to a mailbox the loop drains, so the loop never
/// waits on disk.
final class StudioLoop {
    private let terminal: Terminal
    private let runner: EffectRunner
    private let theme: Theme
    private var state: AppState
    private let mailbox = Mailbox()
    private let latest = Generation()
    // Store effects keep their order (save before publish); computing runs beside them.
    private let storeQueue = DispatchQueue(label: "formwork.studio.store")
    private let computeQueue = DispatchQueue(label: "formwork.studio.compute")
    private var running = true
    private let start: AppAction?
    private var lastTick = DispatchTime.now()
    private var lastPoll = DispatchTime.now()
    private static let tickNanoseconds: UInt64 = 500_000_000

    /// A loop over `terminal`; `start` is sent once the forms list is asked for (e.g. opening
    /// the Fill screen for `formwork fill FORM`).
    init(terminal: Terminal, runner: EffectRunner, theme: Theme, start: AppAction? = nil) {
        self.terminal = terminal
        self.start = start
        self.runner = runner
        self.theme = theme
        self.state = AppState(size: terminal.size)
    }

    func run() {
        dispatch([.loadForms])
        if let start { dispatch(AppReducer.reduce(start, &state)) }
        var dirty = true
        while running {
            if dirty { terminal.present(AppView.render(state, size: terminal.size, theme: currentTheme)) }
            dirty = false
            if let event = terminal.readEvent(timeout: 50) {
                dirty = handle(event) || dirty
            }
            for action in mailbox.drain() {
                dispatch(AppReducer.reduce(action, &state))
                dirty = true
            }
            if DispatchTime.now().uptimeNanoseconds - lastTick.uptimeNanoseconds >= StudioLoop.tickNanoseconds {
                lastTick = DispatchTime.now()
                let toast = state.toast
                dispatch(AppReducer.reduce(.tick, &state))
                if toast != state.toast { dirty = true }
            }
            // A second, faster pulse only while a screen asks for it (Jobs: 4 Hz); see
            // `AppState.pollMillis`. The refresh it starts runs on the store queue.
            if let poll = state.pollMillis,
               DispatchTime.now().uptimeNanoseconds - lastPoll.uptimeNanoseconds >= UInt64(poll) * 1_000_000 {
                lastPoll = DispatchTime.now()
                dispatch(AppReducer.reduce(.jobsEvent(.poll), &state))
            }
        }
        // Let saves in flight land before the terminal is given back.
        storeQueue.sync {}
    }

    /// The Settings preview (or the theme saved there) when there is one, snapped to what the
    /// terminal can show; else the theme the studio started with.
    private var currentTheme: Theme {
        state.themeOverride.map { $0.resolved(for: terminal.capabilities.colorCapability) } ?? theme
    }

    private func handle(_ event: InputEvent) -> Bool {
        switch event {
        case .key(let key): dispatch(AppReducer.reduce(.key(key), &state))
        case .paste(let text): dispatch(AppReducer.reduce(.paste(text), &state))
        case .resize(let size): dispatch(AppReducer.reduce(.resize(size), &state))
        case .mouse(let mouse): dispatch(AppReducer.reduce(.mouse(mouse), &state))
        }
        return true
    }

    private func dispatch(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .quit: running = false
            case .suspend: terminal.suspend()
            case .compileRules(_, _, let generation), .lint(_, let generation):
                // Fast typing queues a compile per key; only the newest one matters, so
                // older ones still waiting are skipped rather than run.
                latest.raise(to: generation)
                let runner = self.runner, mailbox = self.mailbox, latest = self.latest
                computeQueue.async {
                    guard latest.value <= generation else { return }
                    mailbox.post(runner.perform(effect))
                }
            default:
                let runner = self.runner, mailbox = self.mailbox
                storeQueue.async { mailbox.post(runner.perform(effect)) }
            }
        }
    }
}

/// Actions posted by effect workers for the key loop.
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [AppAction] = []

    func post(_ new: [AppAction]) {
        lock.lock()
        actions += new
        lock.unlock()
    }

    func drain() -> [AppAction] {
        lock.lock()
        defer { lock.unlock() }
        let taken = actions
        actions.removeAll()
        return taken
    }
}

/// The newest compile generation asked for, shared with the compute queue.
final class Generation: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func raise(to generation: Int) {
        lock.lock()
        current = max(current, generation)
        lock.unlock()
    }
}
