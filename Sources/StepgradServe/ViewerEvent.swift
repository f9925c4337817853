import TerminalUI

/// What happens on one viewer's SSH channel, as the viewer hears it, in order.
enum ViewerEvent: Sendable {
    /// `pty-req`: the terminal type and size.
    case terminal(term: String, size: Size)
    case environment(name: String, value: String)
    /// The client asked for its shell: the viewer starts drawing.
    case shell
    case resize(Size)
    /// Bytes the viewer typed.
    case input([UInt8])
    /// The channel can take more output again, or no longer can.
    case writable(Bool)
    /// Something the last frame showed has changed.
    case changed
    /// The next frame is due.
    case redraw
    case closed
}
