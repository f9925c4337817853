import StepgradUI
import TerminalUI

/// The lecturer's terminal during `serve`: the full `open` screen, driving the session, with how
/// many viewers follow (and how many roam) at the right of the second row (redrawn as they come
/// and go: the counts are observed). `a` puts the element about to be computed to the room as a
/// question; the answers' histogram is drawn over the panels as they come in, and `a` again
/// reveals the value.
@MainActor
public final class LecturerConsole: TerminalProgram {
    public let screen: SessionScreen
    public let classroom: Classroom

    public init(screen: SessionScreen, classroom: Classroom) {
        self.screen = screen
        self.classroom = classroom
    }

    public var minimumSize: Size { screen.minimumSize }

    public func update(_ event: InputEvent) -> ScreenCommand {
        if case .key(let key) = event, key == KeyEvent("a"), !classroom.session.isBusy {
            if classroom.question != nil {
                classroom.reveal()
            } else if !classroom.ask() {
                screen.notify("Nothing is about to be computed: step into the next iteration first.", isError: true)
            }
            return .none
        }
        let command = screen.update(event)
        // A question is about the element about to be computed; once the lecturer moves, it is over.
        if let question = classroom.question, classroom.session.nextElement?.reference != question { classroom.close() }
        return command
    }

    public func update(_ report: ScreenMessage) -> ScreenCommand {
        let command = screen.update(report)
        if let question = classroom.question, classroom.session.nextElement?.reference != question { classroom.close() }
        return command
    }

    public func view(into grid: inout Grid) {
        screen.view(into: &grid)
        if let question = classroom.question {
            screen.drawQuizTally(classroom.tally, question: question, following: classroom.following + classroom.roaming, into: &grid)
        }
        let roaming = classroom.roaming > 0 ? ", \(classroom.roaming) roaming" : ""
        let label = " \(classroom.following) following\(roaming) "
        grid.write(label, x: grid.width - label.count - 1, y: 1, style: screen.theme[.accent].patched(with: Style(attributes: .reverse)))
    }
}
