import StepgradSession
import TerminalUI

/// What the screen's commands report back: timers and work done outside `update`.
public enum ScreenMessage: Sendable {
    /// Time for the next step of play.
    case playTick
    /// A fast-forward (asked for, or begun by a reload) has finished or been cancelled.
    case fastForwardEnded
    case reloaded(ReloadOutcome)
    /// Where the state file was written, or why it was not.
    case saved(Result<String, StateFileError>)
}

/// What `SessionScreen.update` returns. (`Command` alone, in this module, is a key's command.)
public typealias ScreenCommand = TerminalUI.Command<ScreenMessage>
