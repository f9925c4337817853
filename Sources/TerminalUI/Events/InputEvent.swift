public enum MouseButton: Hashable, Sendable {
    case left, middle, right
}

/// A mouse action at a cell; (0, 0) is the top-left corner of the screen.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press(MouseButton)
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// What a program hears from its terminal: input, size and the terminal's fate. (Time and
/// background work reach it as its own messages, from the commands it returns.)
///
/// The last three end the run whatever `update` answers: they are delivered so the program can
/// note its state before the terminal is restored; the runner's caller then saves what needs saving.
public enum InputEvent: Hashable, Sendable {
    case key(KeyEvent)
    case mouse(MouseEvent)
    /// The terminal's new size; also sent once at the start so the program knows it.
    case resize(Size)
    /// The terminal went away (SIGHUP, e.g. a dropped SSH connection, or input reporting end of file).
    case hangup
    /// SIGINT from outside (Ctrl-C itself arrives as a key in raw mode).
    case interrupt
    /// SIGTERM.
    case terminate

    /// Whether the runner stops after delivering this event.
    public var endsRun: Bool {
        switch self {
        case .hangup, .interrupt, .terminate: true
        default: false
        }
    }
}
