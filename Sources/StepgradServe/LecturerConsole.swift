import StepgradUI
import TerminalUI

/// The lecturer's terminal during `serve`: the full `open` screen, driving the session, with how
/// many viewers follow (and how many roam) at the right of the second row (redrawn as they come and go: the count is observed).
@MainActor
public final class LecturerConsole: TerminalProgram {
    public let screen: SessionScreen
    public let classroom: Classroom

    public init(screen: SessionScreen, classroom: Classroom) {
        self.screen = screen
        self.classroom = classroom
    }

    public var minimumSize: Size { screen.minimumSize }

    public func update(_ event: InputEvent) -> ScreenCommand { screen.update(event) }

    public func update(_ report: ScreenMessage) -> ScreenCommand { screen.update(report) }

    public func view(into grid: inout Grid) {
        screen.view(into: &grid)
        let roaming = classroom.roaming > 0 ? ", \(classroom.roaming) roaming" : ""
        let label = " \(classroom.following) following\(roaming) "
        grid.write(label, x: grid.width - label.count - 1, y: 1, style: screen.theme[.accent].patched(with: Style(attributes: .reverse)))
    }
}
