import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide signal handling for the terminal session.
///
/// SIGINT/SIGTERM/SIGHUP: restore the terminal (`endwin`) and then die of the same signal, so
/// the shell is never left in raw mode. SIGWINCH: only sets a flag; the resize is handled on the
/// next `readEvent`, outside the handler, where calling ncurses is safe.
enum SignalGuard {
    /// Set by the SIGWINCH handler, cleared when the resize is processed.
    nonisolated(unsafe) static var resizePending: Int32 = 0
    nonisolated(unsafe) private static var previous: [Int32: sighandler_t?] = [:]
    nonisolated(unsafe) private static var installed = false

    static let fatalSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Installs the handlers, remembering the previous ones.
    static func install() {
        guard !installed else { return }
        installed = true
        for signalNumber in fatalSignals {
            previous[signalNumber] = signal(signalNumber) { received in
                endwin()
                signal(received, nil)
                raise(received)
            }
        }
        previous[SIGWINCH] = signal(SIGWINCH) { _ in SignalGuard.resizePending = 1 }
    }

    /// Puts the previous handlers back.
    static func uninstall() {
        guard installed else { return }
        installed = false
        for (signalNumber, handler) in previous { signal(signalNumber, handler ?? nil) }
        previous.removeAll()
    }

    /// True (once) when a SIGWINCH arrived since the last call.
    static func takeResize() -> Bool {
        guard resizePending != 0 else { return false }
        resizePending = 0
        return true
    }
}
