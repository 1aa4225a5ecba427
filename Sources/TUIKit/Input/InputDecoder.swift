/// Turns raw terminal input bytes into key, mouse and paste events.
///
/// Pure and incremental: `feed` decodes every complete event and keeps an incomplete tail (a
/// lone ESC, half a CSI sequence, a split UTF-8 character, an unfinished paste) for the next
/// call. When no more bytes arrive within the escape delay, the caller calls `flush()`, which
/// reads a pending lone ESC as the Escape key. Reading bytes ourselves, rather than trusting
/// ncurses key codes, gives alt/ctrl arrow combinations the same meaning on every terminal.
public struct InputDecoder: Sendable {
    private var buffer: [UInt8] = []

    /// Creates a decoder with nothing pending.
    public init() {}

    /// True when bytes are waiting for the rest of a sequence.
    public var hasPending: Bool { !buffer.isEmpty }

    /// True while inside a bracketed paste, which may legitimately take a while to arrive.
    public var isInPaste: Bool { buffer.starts(with: InputDecoder.pasteStart) }

    /// Decodes what it can from `bytes` plus anything pending.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [InputEvent] where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        return drain(final: false)
    }

    /// Decodes everything pending, treating incomplete sequences as typed literally.
    public mutating func flush() -> [InputEvent] { drain(final: true) }

    private mutating func drain(final: Bool) -> [InputEvent] {
        var events: [InputEvent] = []
        var index = 0
        while index < buffer.count {
            switch decode(at: index) {
            case .event(let event, let length):
                events.append(event)
                index += length
            case .skip(let length):
                index += length
            case .incomplete:
                if !final {
                    buffer.removeFirst(index)
                    return events
                }
                let (event, length) = literal(at: index)
                if let event { events.append(event) }
                index += length
            }
        }
        buffer.removeAll()
        return events
    }

    // Timeout semantics: ESC alone is Escape; any other incomplete byte is dropped.
    private func literal(at index: Int) -> (InputEvent?, Int) {
        if buffer[index] == 0x1B { return (.key(KeyEvent(.escape)), 1) }
        return (nil, 1)
    }

    // MARK: - One event

    enum Step {
        case event(InputEvent, Int)
        case skip(Int)
        case incomplete
    }

    static let pasteStart: [UInt8] = Array("\u{1B}[200~".utf8)
    static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    private func decode(at index: Int) -> Step {
        let byte = buffer[index]
        guard byte == 0x1B else { return decodePlain(at: index, alt: false, prefix: 0) }
        guard index + 1 < buffer.count else { return .incomplete }
        switch buffer[index + 1] {
        case UInt8(ascii: "["): return decodeCSI(at: index)
        case UInt8(ascii: "O"): return decodeSS3(at: index)
        case 0x1B: return .event(.key(KeyEvent(.escape)), 1)
        default: return decodePlain(at: index + 1, alt: true, prefix: 1)
        }
    }

    private func decodeSS3(at index: Int) -> Step {
        guard index + 2 < buffer.count else { return .incomplete }
        let keys: [UInt8: Key] = [
            0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end,
            0x50: .function(1), 0x51: .function(2), 0x52: .function(3), 0x53: .function(4), 0x4D: .enter,
        ]
        guard let key = keys[buffer[index + 2]] else { return .skip(3) }
        return .event(.key(KeyEvent(key)), 3)
    }

    // A single key from plain bytes: control codes, DEL, or one UTF-8 character.
    private func decodePlain(at index: Int, alt: Bool, prefix: Int) -> Step {
        let byte = buffer[index]
        let extra: Modifiers = alt ? .alt : []
        if byte < 0x80 {
            return .event(.key(InputDecoder.controlKey(byte).adding(extra)), prefix + 1)
        }
        let length = InputDecoder.utf8Length(lead: byte)
        guard length > 1 else { return .skip(prefix + 1) }
        guard index + length <= buffer.count else { return .incomplete }
        var decoder = UTF8()
        var iterator = buffer[index..<(index + length)].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return .skip(prefix + 1) }
        return .event(.key(KeyEvent(.char(Character(scalar)), modifiers: extra)), prefix + length)
    }

    static func controlKey(_ byte: UInt8) -> KeyEvent {
        switch byte {
        case 0x0D: return KeyEvent(.enter)
        case 0x09: return KeyEvent(.tab)
        case 0x7F, 0x08: return KeyEvent(.backspace)
        case 0x1B: return KeyEvent(.escape)
        case 0x00: return KeyEvent(.char(" "), modifiers: .ctrl)
        case 0x01...0x1A: return KeyEvent(.char(Character(Unicode.Scalar(byte + 0x60))), modifiers: .ctrl)
        case 0x1C...0x1F: return KeyEvent(.char(Character(Unicode.Scalar(byte + 0x40))), modifiers: .ctrl)
        default: return KeyEvent(.char(Character(Unicode.Scalar(byte))))
        }
    }

    static func utf8Length(lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    // MARK: - CSI

    private func decodeCSI(at index: Int) -> Step {
        if buffer[index...].starts(with: InputDecoder.pasteStart) { return decodePaste(at: index) }
        var end = index + 2
        // X10 mouse: ESC [ M followed by three raw bytes.
        if end < buffer.count, buffer[end] == UInt8(ascii: "M") {
            guard end + 3 < buffer.count else { return .incomplete }
            return x10Mouse(Array(buffer[(end + 1)...(end + 3)])).map { .event($0, 6) } ?? .skip(6)
        }
        while end < buffer.count, !(0x40...0x7E).contains(buffer[end]) {
            guard (0x20...0x3F).contains(buffer[end]), end - index < 64 else { return .skip(end - index) }
            end += 1
        }
        guard end < buffer.count else { return .incomplete }
        let body = String(decoding: buffer[(index + 2)..<end], as: UTF8.self)
        let length = end - index + 1
        guard let event = CSISequence(body: body, final: buffer[end]).event else { return .skip(length) }
        return .event(event, length)
    }

    private func decodePaste(at index: Int) -> Step {
        let start = index + InputDecoder.pasteStart.count
        let end = InputDecoder.pasteEnd
        var cursor = start
        while cursor + end.count <= buffer.count {
            if buffer[cursor..<(cursor + end.count)].elementsEqual(end) {
                let raw = String(decoding: buffer[start..<cursor], as: UTF8.self)
                let text = raw.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
                return .event(.paste(text), cursor + end.count - index)
            }
            cursor += 1
        }
        return .incomplete
    }

    private func x10Mouse(_ bytes: [UInt8]) -> InputEvent? {
        guard bytes.allSatisfy({ $0 >= 32 }) else { return nil }
        let code = Int(bytes[0]) - 32
        let point = Point(x: Int(bytes[1]) - 33, y: Int(bytes[2]) - 33)
        return CSISequence.mouse(code: code, point: point, released: code & 3 == 3).map(InputEvent.mouse)
    }
}

extension KeyEvent {
    /// This event with `extra` modifiers added.
    func adding(_ extra: Modifiers) -> KeyEvent {
        extra.isEmpty ? self : KeyEvent(key, modifiers: modifiers.union(extra))
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
