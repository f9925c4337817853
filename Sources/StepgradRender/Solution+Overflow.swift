import StepgradEngine
import StepgradNotation

extension Solution {
    /// Said at the head of every iteration whose numbers hold ∞ or NaN, so that no such value is
    /// read as a result: where the numbers first left the range of a double, iteration and quantity.
    func overflowNote(_ pass: Pass) -> String? {
        guard let here = pass.iteration.firstNonFinite, let first = firstOverflow else { return nil }
        let depth = scenario.network.depth
        let origin = first.iteration == pass.number
            ? "The numbers leave the range of a double in this iteration, first at \(first.quantity.symbol(outputLayer: depth))"
            : "The numbers left the range of a double in iteration \(first.iteration), at "
                + "\(first.quantity.symbol(outputLayer: depth)); here the first value that is not finite is "
                + here.symbol(outputLayer: depth)
        return "Overflow. " + origin + ": ∞ and NaN from there on are overflow, not values worked by hand."
    }
}
