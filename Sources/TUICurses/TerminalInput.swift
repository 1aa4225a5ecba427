import CNcursesw
import TUIKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Terminal {
    /// Waits up to `timeout` milliseconds (nil: forever) for the next event.
    ///
    /// Bytes are read raw and decoded by `InputDecoder`; after the first byte of a sequence,
    /// further bytes are awaited for `escapeDelay` ms (longer inside a bracketed paste), and a
    /// lone ESC becomes the Escape key. Returns nil on timeout.
    public func readEvent(timeout: Int?) -> InputEvent? {
        guard isOpen else { return nil }
        set_term(screen)
        if !pending.isEmpty { return pending.removeFirst() }
        if let resized = checkResize() { return resized }
        let window = cnc_stdscr()
        wtimeout(window, Int32(timeout ?? -1))
        let first = wgetch(window)
        if let resized = checkResize() { return resized }
        guard first != cnc_err() else { return nil }
        if first == cnc_key_resize() { return checkResize() }
        pending += decoder.feed(byteSequence(first))
        while decoder.hasPending {
            wtimeout(window, Int32(decoder.isInPaste ? 1000 : options.escapeDelay))
            let next = wgetch(window)
            if next == cnc_err() {
                pending += decoder.flush()
            } else {
                pending += decoder.feed(byteSequence(next))
            }
        }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    /// Checks the tty's size; on a change, resizes ncurses' screens and returns `.resize`.
    ///
    /// Called by every `readEvent`, and usable directly when the size is changed by other means
    /// (tests resize a pseudo-terminal they do not own as a controlling terminal).
    public func checkResize() -> InputEvent? {
        // The SIGWINCH flag only wakes us up; the ioctl below is the source of truth, so a
        // resize is never lost even when the signal went to another handler.
        _ = SignalGuard.takeResize()
        guard isOpen else { return nil }
        var window = winsize()
        guard ioctl(fileno(output), UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else { return nil }
        let newSize = Size(width: Int(window.ws_col), height: Int(window.ws_row))
        guard newSize != size else { return nil }
        set_term(screen)
        resizeterm(Int32(newSize.height), Int32(newSize.width))
        size = newSize
        lastFrame = nil
        return .resize(newSize)
    }

    /// Suspends like ctrl+z in a shell: restores the terminal, stops the process, and on
    /// resume re-enters curses mode and repaints on the next `present`.
    ///
    /// `stop` defaults to raising SIGTSTP; tests pass a closure that does not stop the process.
    public func suspend(stop: () -> Void = { raise(SIGTSTP) }) {
        guard isOpen else { return }
        set_term(screen)
        writeModes(enable: false)
        endwin()
        stop()
        writeModes(enable: true)
        invalidate()
        doupdate()
    }

    /// Whether curses mode is currently suspended (`isendwin`).
    public var isSuspended: Bool {
        set_term(screen)
        return isendwin()
    }

    private func byteSequence(_ code: Int32) -> [UInt8] {
        // With keypad off every read is one byte; anything larger is a key code we don't use.
        guard code >= 0, code <= 255 else { return [] }
        return [UInt8(code)]
    }
}
