import XCTest
#if canImport(Glibc)
import Glibc
#endif

// Glibc declares these only under _XOPEN_SOURCE, which Swift's Glibc module does not define.
@_silgen_name("posix_openpt") private func posixOpenpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantPT(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockPT(_ fd: Int32) -> Int32
@_silgen_name("ptsname") private func ptsName(_ fd: Int32) -> UnsafeMutablePointer<CChar>?

/// A pseudo-terminal pair for driving ncurses without a real terminal: the code under test
/// gets the slave side as its tty; the test writes keys into and reads screen output from the
/// master side.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32
    let slaveFile: UnsafeMutablePointer<FILE>

    init(columns: Int = 80, rows: Int = 24) throws {
        master = posixOpenpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantPT(master) == 0, unlockPT(master) == 0, let name = ptsName(master) else {
            throw XCTSkip("no pseudo-terminal available")
        }
        slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0, let file = fdopen(slave, "r+") else { throw XCTSkip("cannot open pty slave") }
        slaveFile = file
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
        resize(columns: columns, rows: rows)
    }

    deinit {
        fclose(slaveFile)
        close(master)
    }

    /// Sets the window size, as a terminal emulator does when its window changes.
    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Types bytes as if from the keyboard.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = write(master, $0.baseAddress, bytes.count) }
    }

    /// Reads everything the program wrote, waiting up to `timeout` ms for the first bytes and
    /// then until the output has been quiet for 50 ms.
    func readOutput(timeout: Int32 = 1000) -> String {
        var collected: [UInt8] = []
        var wait = timeout
        while true {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, wait) > 0 else { break }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            collected += buffer[0..<count]
            wait = 50
        }
        return String(decoding: collected, as: UTF8.self)
    }
}
