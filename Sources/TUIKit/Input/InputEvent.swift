/// A mouse button.
public enum MouseButton: Hashable, Sendable {
    /// The primary button.
    case left
    /// The wheel button.
    case middle
    /// The secondary button.
    case right
}

/// What the mouse did.
public enum MouseAction: Hashable, Sendable {
    /// A button went down.
    case press(MouseButton)
    /// A button went up (`nil` when the protocol does not say which).
    case release(MouseButton?)
    /// The mouse moved with a button held.
    case drag(MouseButton)
    /// The mouse moved with no button held.
    case move
    /// Wheel up.
    case scrollUp
    /// Wheel down.
    case scrollDown
    /// Wheel left (horizontal scrolling).
    case scrollLeft
    /// Wheel right.
    case scrollRight
}

/// A mouse report, at a zero-based cell position.
public struct MouseEvent: Hashable, Sendable {
    /// What happened.
    public var action: MouseAction
    /// Where, zero-based.
    public var position: Point
    /// Modifier keys held.
    public var modifiers: Modifiers

    /// Creates a mouse event.
    public init(action: MouseAction, position: Point, modifiers: Modifiers = []) {
        self.action = action
        self.position = position
        self.modifiers = modifiers
    }
}

/// Anything the terminal can tell the application.
public enum InputEvent: Hashable, Sendable {
    /// A key press.
    case key(KeyEvent)
    /// A mouse report.
    case mouse(MouseEvent)
    /// Bracketed paste: the pasted text arrives whole, so it is never mistaken for key commands.
    case paste(String)
    /// The terminal changed size.
    case resize(Size)
}
