import StepgradEngine
import TerminalUI

/// Elements written out as equations, kept while the iteration on screen stays the same: an
/// element of a wide layer has hundreds of terms, and a frame may need its line twice.
final class EquationTexts {
    struct Key: Hashable {
        var iteration: Int
        var generation: Int
    }

    private var key: Key?
    private var texts: [CellReference: String] = [:]
    static let kept = 4096

    /// Forgets the texts when the iteration on screen is another.
    func use(_ key: Key) {
        guard key != self.key else { return }
        self.key = key
        texts = [:]
    }

    func text(_ reference: CellReference, write: () -> String) -> String {
        if let known = texts[reference] { return known }
        if texts.count >= Self.kept { texts = [:] }
        let text = write()
        texts[reference] = text
        return text
    }
}
