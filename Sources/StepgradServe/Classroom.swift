import Observation
import StepgradSession

/// The lecturer's session and who is watching it. Observable, so the lecturer's console redraws
/// when someone joins or leaves.
@MainActor @Observable
public final class Classroom {
    public let session: TrainingSession
    /// Viewers drawing the lecturer's session now.
    public private(set) var following = 0
    @ObservationIgnored let decimals: Int

    public init(session: TrainingSession, decimals: Int = 4) {
        self.session = session
        self.decimals = decimals
    }

    func join() { following += 1 }
    func leave() { following -= 1 }
}
