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

    // Pre-built bytes that switch mouse reporting and bracketed paste off, written with plain
    // write(2) from the handler (no allocation there), so a killed studio leaves no mouse mode.
    nonisolated(unsafe) private static var resetBytes: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var resetCount = 0
    nonisolated(unsafe) private static var resetFD: Int32 = -1

    /// Records what the fatal-signal handler writes to `fd` before `endwin`.
    static func setResetSequence(_ sequence: String, fd: Int32) {
        resetBytes?.deallocate()
        let bytes = Array(sequence.utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        buffer.initialize(from: bytes, count: bytes.count)
        resetBytes = buffer
        resetCount = bytes.count
        resetFD = fd
    }

    /// Installs the handlers, remembering the previous ones.
    static func install() {
        guard !installed else { return }
        installed = true
        for signalNumber in fatalSignals {
            previous[signalNumber] = signal(signalNumber) { received in
                if let bytes = SignalGuard.resetBytes, SignalGuard.resetFD >= 0 {
                    _ = write(SignalGuard.resetFD, bytes, SignalGuard.resetCount)
                }
                endwin()
                signal(received, nil)
                raise(received)
            }
        }
        installResizeHandler()
    }

    // sigaction without SA_RESTART: a blocking read is interrupted by the resize, so
    // `readEvent(timeout: nil)` wakes up and reports it instead of waiting for the next key.
    private static func installResizeHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in SignalGuard.resizePending = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var old = sigaction()
        sigaction(SIGWINCH, &action, &old)
        previous[SIGWINCH] = old.__sigaction_handler.sa_handler
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
