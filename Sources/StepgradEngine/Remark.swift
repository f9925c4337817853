/// Something about an operation a student needs to know besides its arithmetic, as data:
/// the notation layer words it.
public enum Remark: Hashable, Sendable {
    /// Cross-entropy with a target summing to `sum` rather than 1: the shortcut dz = ŷ − y does not
    /// hold, the exact gradient is dz = ŷ·Σy − y.
    case targetSumIsNotOne(Double)
    /// The first step of the iteration whose result holds ∞ or NaN although every number it read is
    /// finite: where the numbers overflow (a learning rate that explodes, a value beyond the double range).
    case overflowsHere(iteration: Int)
}
