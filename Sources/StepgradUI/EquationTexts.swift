import StepgradEngine
import TerminalUI

/// Elements written out as equations, kept while the iteration on screen stays the same: an
/// element of a wide layer has hundreds of terms, and a frame may need its line twice.
///
/// A few hundred are kept, more than a formula panel shows at once; to make room the oldest is
/// forgotten, one at a time, and the table is made at full size: no frame pays for dropping or
/// rehashing thousands of texts.
final class EquationTexts {
    struct Key: Hashable {
        var iteration: Int
        var generation: Int
    }

    static let kept = 256
    private var key: Key?
    private var texts: [CellReference: String] = [:]
    /// The references kept, in the order they were written from `oldest` round.
    private var order: [CellReference] = []
    private var oldest = 0

    init() {
        texts.reserveCapacity(Self.kept)
        order.reserveCapacity(Self.kept)
    }

    /// Forgets the texts when the iteration on screen is another.
    func use(_ key: Key) {
        guard key != self.key else { return }
        self.key = key
        texts.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        oldest = 0
    }

    func text(_ reference: CellReference, write: () -> String) -> String {
        if let known = texts[reference] { return known }
        let text = write()
        if order.count < Self.kept {
            order.append(reference)
        } else {
            texts[order[oldest]] = nil
            order[oldest] = reference
            oldest = (oldest + 1) % Self.kept
        }
        texts[reference] = text
        return text
    }
}
