import StepgradEngine
import StepgradNotation

/// One selected cell as an inspector shows it: its value, the formula of its operation and,
/// once computed, the arithmetic that produced it. Nothing is given away before the cursor
/// reaches it: `value` and `element` stay `nil` until then.
public struct Inspection: Hashable, Sendable {
    public var reference: CellReference
    public var value: Double?
    /// The formula of the operation computing the quantity; `nil` for x, y and the parameters.
    public var formula: Formula?
    /// The element with its expanded arithmetic, once revealed; `nil` for given values and optimizer buffers.
    public var element: Element?
    /// The network around the operation, for rendering the equation.
    public var context: Operation.Context?

    /// `z₂[1] = 0.1·1.2 + … = 0.195`, in the notation and number style asked for.
    public func equation(_ notation: Expression.Notation = .unicode, style: NumberStyle = NumberStyle()) -> String? {
        guard let element, let context else { return nil }
        return element.equation(notation, style: style, outputLayer: context.outputLayer, batch: context.batch)
    }
}

/// The value of a cell in one iteration.
public struct IterationValue: Hashable, Sendable {
    public var iteration: Int
    public var value: Double
}
