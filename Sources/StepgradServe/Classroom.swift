import Observation
import StepgradSession

/// The lecturer's session and who is watching it. Observable, so the lecturer's console redraws
/// when someone joins, leaves, roams or snaps back.
@MainActor @Observable
public final class Classroom {
    public let session: TrainingSession
    /// Viewers drawing the lecturer's session now.
    public private(set) var following = 0
    /// Viewers looking around on a copy of their own now (see `Viewer`).
    public private(set) var roaming = 0
    @ObservationIgnored let decimals: Int

    public init(session: TrainingSession, decimals: Int = 4) {
        self.session = session
        self.decimals = decimals
    }

    func join() { following += 1 }
    func leave(roaming wasRoaming: Bool) { if wasRoaming { roaming -= 1 } else { following -= 1 } }
    func roam() { following -= 1; roaming += 1 }
    func snapBack() { roaming -= 1; following += 1 }
}
