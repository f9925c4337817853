import StepgradSession
import StepgradUI
import TerminalUI

/// How a viewer's terminal shows the lecture, from what its client told us: the colour depth,
/// character set and theme. Followers with the same look and size share their frames.
struct ViewerLook: Hashable {
    var capabilities: TerminalCapabilities
    var theme: Theme

    init(_ terminal: ViewerTerminal) {
        capabilities = terminal.capabilities
        theme = ScreenOptions.defaultTheme(presenting: false, depth: capabilities.colourDepth, environment: terminal.environment)
    }

    /// A screen in this look of `session` for viewers in `role`.
    @MainActor func screen(_ session: TrainingSession, role: ViewerRole, decimals: Int) -> SessionScreen {
        let screen = SessionScreen(session: session, options: ScreenOptions(theme: theme, capabilities: capabilities, decimals: decimals))
        screen.viewerRole = role
        return screen
    }

    var encoder: EscapeSequenceScreen {
        EscapeSequenceScreen(depth: capabilities.colourDepth, unicode: capabilities.unicode)
    }
}
