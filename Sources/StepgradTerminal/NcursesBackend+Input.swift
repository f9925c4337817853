import CNcurses
import Glibc
import TerminalUI

/// What reading the terminal can yield besides the program's events.
enum TerminalInput: Equatable {
    case event(InputEvent)
    /// ncurses has adopted a new terminal size (KEY_RESIZE).
    case resized
    /// Ctrl-Z.
    case suspend
}

extension NcursesBackend {
    /// Everything ncurses has for us now, without waiting (the window is in no-delay mode).
    func readInput() -> [TerminalInput] {
        var inputs: [TerminalInput] = []
        let window = stepgrad_stdscr()
        while true {
            var code: wint_t = 0
            let kind = wget_wch(window, &code)
            if kind == ERR { break }
            if let input = kind == KEY_CODE_YES ? keyCodeInput(Int32(bitPattern: code)) : characterInput(code) {
                inputs.append(input)
            }
        }
        return inputs
    }

    /// Whether standard input is at its end: readable, yet with no byte to read. A live terminal
    /// never looks like that; one whose connection is gone does (and reads fail with EIO).
    func inputAtEnd() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) == 1 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 || stepgrad_bytes_pending(STDIN_FILENO) <= 0
    }

    private func characterInput(_ code: wint_t) -> TerminalInput? {
        switch code {
        case 9: return .event(.key(KeyEvent(.tab)))
        case 10, 13: return .event(.key(KeyEvent(.enter)))
        case 8, 127: return .event(.key(KeyEvent(.backspace)))
        case 27: return .event(.key(KeyEvent(.escape)))
        case 26: return .suspend
        case 1...26:
            let letter = Character(Unicode.Scalar(UInt8(code) + 96))
            return .event(.key(KeyEvent(letter, .control)))
        case 0...31:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .event(.key(KeyEvent(Character(scalar))))
        }
    }

    private func keyCodeInput(_ code: Int32) -> TerminalInput? {
        let key: Key
        switch code {
        case KEY_RESIZE: return .resized
        case KEY_MOUSE: return mouseInput().map { .event(.mouse($0)) }
        case KEY_UP: key = .up
        case KEY_DOWN: key = .down
        case KEY_LEFT: key = .left
        case KEY_RIGHT: key = .right
        case KEY_HOME, KEY_FIND: key = .home
        case KEY_END, KEY_SELECT: key = .end
        case KEY_PPAGE: key = .pageUp
        case KEY_NPAGE: key = .pageDown
        case KEY_ENTER: key = .enter
        case KEY_BACKSPACE: key = .backspace
        case KEY_DC: key = .delete
        case KEY_IC: key = .insert
        case KEY_BTAB: key = .backTab
        case (KEY_F0 + 1)...(KEY_F0 + 63): key = .function(Int(code - KEY_F0))
        default: return nil
        }
        return .event(.key(KeyEvent(key)))
    }

    private func mouseInput() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let kind: MouseEvent.Kind
        switch stepgrad_mouse_button(event.bstate) {
        case 1: kind = .press(.left)
        case 2: kind = .press(.middle)
        case 3: kind = .press(.right)
        case 4: kind = .wheelUp
        case 5: kind = .wheelDown
        default: return nil
        }
        return MouseEvent(kind, x: Int(event.x), y: Int(event.y))
    }
}
