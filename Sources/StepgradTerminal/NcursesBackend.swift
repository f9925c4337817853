import CNcurses
import Glibc
import TerminalUI

/// The ncurses screen: starts and ends it, copies grids to it, reads input from it.
/// The only type that calls ncurses; one exists at a time.
@MainActor
final class NcursesBackend {
    private let screen: OpaquePointer
    let capabilities: TerminalCapabilities
    /// Colour numbers are 0xRRGGBB (terminfo with the RGB capability).
    let directColour: Bool
    /// The frame on the terminal; `nil` when it is unknown and the next frame must be drawn whole.
    private var shown: Grid?
    /// Distinct colour pairs requested since the last reset (see `pair(for:)`).
    var pairsInUse: Set<PairKey> = []

    /// Switches the terminal to the full-screen view: alternate screen (if terminfo has one), raw
    /// input, no echo, keypad and mouse reporting, hidden cursor.
    init(capabilities: TerminalCapabilities, directColour: Bool) throws {
        guard let screen = stepgrad_newterm() else {
            throw TerminalError.cannotStart("ncurses could not open the terminal")
        }
        self.screen = screen
        self.capabilities = capabilities
        self.directColour = directColour
        set_term(screen)
        let window = stepgrad_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        set_escdelay(25)
        curs_set(0)
        mousemask(stepgrad_mouse_events(), nil)
        // Report presses at once instead of waiting to see whether they become clicks.
        mouseinterval(0)
        if capabilities.colourDepth > .mono && has_colors() {
            start_color()
            use_default_colors()
        }
    }

    var size: Size { Size(width: Int(stepgrad_cols()), height: Int(stepgrad_lines())) }

    /// Bytes that leave the full-screen view without ncurses, for `CrashGuard`: leave the alternate
    /// screen, show the cursor, reset attributes, stop keypad and mouse reporting.
    var emergencyRestoreSequence: [UInt8] {
        let capabilities = ["sgr0", "cnorm", "rmkx", "rmcup"].compactMap { name -> [UInt8]? in
            name.withCString { stepgrad_string_capability($0) }.map { Array(String(cString: $0).utf8) }
        }
        let mouseOff = Array("\u{1B}[?1000l\u{1B}[?1006l".utf8)
        return capabilities.flatMap { $0 } + mouseOff
    }

    /// Shows `frame`: writes only the cells that differ from what is on the terminal, then makes
    /// one `doupdate`, so each frame reaches the terminal as a single batch of output.
    func draw(_ frame: Grid) {
        if pairsInUse.count >= Int(stepgrad_color_pairs()) - 1 {
            // Every pair is taken (pair 0 is the default), so ncurses has started recycling pairs
            // that may still be on screen; start afresh and redraw everything.
            reset_color_pairs()
            pairsInUse = []
            invalidate()
        }
        let window = stepgrad_stdscr()
        let changes = (shown ?? Grid(width: 0, height: 0)).diff(frame)
        var text = [wchar_t](repeating: 0, count: Int(stepgrad_ccharw_max()) + 1)
        for change in changes {
            fillWideCharacters(&text, change.cell.character)
            let attributes = change.cell.style.attributes
            let attrs = stepgrad_attributes(attributes.contains(.bold) ? 1 : 0, attributes.contains(.dim) ? 1 : 0,
                                            attributes.contains(.underline) ? 1 : 0, attributes.contains(.reverse) ? 1 : 0)
            // The bottom-right cell reports ERR (the cursor cannot advance past it) but is drawn.
            _ = stepgrad_put_cell(window, Int32(change.y), Int32(change.x), text, attrs, pair(for: change.cell.style))
        }
        wnoutrefresh(window)
        doupdate()
        shown = frame
    }

    /// Forgets what the terminal shows, so the next frame is drawn whole (after a resize, a
    /// suspension, or a colour-pair reset).
    func invalidate() {
        shown = nil
        clearok(stepgrad_curscr(), true)
    }

    /// Restores the terminal for the shell, stops until continued, then takes the screen back.
    /// Returns the size, which may have changed meanwhile.
    func suspend(using relay: SignalRelay) -> Size {
        endwin()
        relay.stopProcessGroup()
        var rows: Int32 = 0, columns: Int32 = 0
        if stepgrad_window_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0,
           rows != stepgrad_lines() || columns != stepgrad_cols() {
            resizeterm(rows, columns)
        }
        curs_set(0)
        invalidate()
        return size
    }

    /// Leaves the full-screen view (alternate screen, modes) and frees ncurses' screen.
    func end() {
        endwin()
        delscreen(screen)
    }

    /// Writes `character` into `buffer` as a NUL-terminated wide string: the base character and
    /// as many combining marks as ncurses keeps. Outside UTF-8 locales non-ASCII becomes `?`.
    private func fillWideCharacters(_ buffer: inout [wchar_t], _ character: Character) {
        let scalars = capabilities.unicode || character.isASCII ? Array(character.unicodeScalars) : ["?"]
        let count = min(scalars.count, buffer.count - 1)
        for i in 0..<count { buffer[i] = wchar_t(bitPattern: scalars[i].value) }
        buffer[count] = 0
    }
}
