import StepgradSession
import TerminalUI

/// A program whose session is recorded (`--record`): every event and message is passed on, and
/// the recorder notes where the session is after each.
@MainActor
public final class Recorded<Program: TerminalProgram>: TerminalProgram {
    public typealias Message = Program.Message
    public let program: Program
    public let recorder: SessionRecorder

    public init(_ program: Program, recorder: SessionRecorder) {
        self.program = program
        self.recorder = recorder
    }

    public var minimumSize: Size { program.minimumSize }

    public func update(_ event: InputEvent) -> TerminalUI.Command<Message> {
        defer { recorder.note() }
        return program.update(event)
    }

    public func update(_ message: Message) -> TerminalUI.Command<Message> {
        defer { recorder.note() }
        return program.update(message)
    }

    public func view(into grid: inout Grid) { program.view(into: &grid) }
}
