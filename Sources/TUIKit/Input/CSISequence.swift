/// One parsed CSI sequence (`ESC [ params final`) and the event it stands for.
struct CSISequence {
    /// The parameter text between `ESC [` and the final byte, e.g. `1;3` or `<0;10;5`.
    let body: String
    /// The final byte, e.g. `A` or `~`.
    let final: UInt8

    /// The event, or nil for sequences we deliberately ignore (focus reports, unknown keys).
    var event: InputEvent? {
        if body.hasPrefix("<") { return sgrMouse }
        let params = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0.split(separator: ":").first ?? "") }
        let modifiers = params.count > 1 ? Modifiers(xtermParameter: params[1] ?? 1) : []
        if final == UInt8(ascii: "~") {
            return CSISequence.tildeKey(params.first.flatMap { $0 } ?? 0).map { .key(KeyEvent($0, modifiers: modifiers)) }
        }
        if final == UInt8(ascii: "Z") { return .key(KeyEvent(.backtab, modifiers: modifiers)) }
        guard let key = CSISequence.letterKeys[final] else { return nil }
        return .key(KeyEvent(key, modifiers: modifiers))
    }

    static let letterKeys: [UInt8: Key] = [
        0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end,
        0x50: .function(1), 0x51: .function(2), 0x52: .function(3), 0x53: .function(4),
    ]

    static func tildeKey(_ code: Int) -> Key? {
        switch code {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(code - 10)
        case 17...21: return .function(code - 11)
        case 23, 24: return .function(code - 12)
        default: return nil
        }
    }

    // SGR (1006) mouse: ESC [ < button ; x ; y (M press | m release), 1-based coordinates.
    private var sgrMouse: InputEvent? {
        let numbers = body.dropFirst().split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3, final == UInt8(ascii: "M") || final == UInt8(ascii: "m") else { return nil }
        let point = Point(x: max(0, numbers[1] - 1), y: max(0, numbers[2] - 1))
        return CSISequence.mouse(code: numbers[0], point: point, released: final == UInt8(ascii: "m")).map(InputEvent.mouse)
    }

    /// Decodes an xterm button code: low bits pick the button, 4/8/16 are shift/alt/ctrl,
    /// 32 marks motion and 64 the wheel.
    static func mouse(code: Int, point: Point, released: Bool) -> MouseEvent? {
        var modifiers: Modifiers = []
        if code & 4 != 0 { modifiers.insert(.shift) }
        if code & 8 != 0 { modifiers.insert(.alt) }
        if code & 16 != 0 { modifiers.insert(.ctrl) }
        let low = code & 3
        let button: MouseButton? = [MouseButton.left, .middle, .right].indices.contains(low) ? [MouseButton.left, .middle, .right][low] : nil
        let action: MouseAction
        if code & 64 != 0 {
            action = [MouseAction.scrollUp, .scrollDown, .scrollLeft, .scrollRight][low]
        } else if code & 32 != 0 {
            action = button.map { .drag($0) } ?? .move
        } else if released {
            action = .release(button)
        } else if let button {
            action = .press(button)
        } else {
            return nil
        }
        return MouseEvent(action: action, position: point, modifiers: modifiers)
    }
}
