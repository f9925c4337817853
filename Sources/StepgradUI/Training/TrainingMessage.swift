import StepgradSession
import TerminalUI

/// What the training view's commands report back.
public enum TrainingMessage: Sendable {
    /// Time to train the next slice of mini-batches.
    case trainTick
    /// A message of the step-by-step view shown inside the training view.
    case pass(ScreenMessage)
    /// `w` wrote the network as a scenario at this path, or could not.
    case wrote(Result<String, FileWriteError>)
}

public typealias TrainingCommand = TerminalUI.Command<TrainingMessage>
