import StepgradEngine

extension Phase {
    /// The heading of a phase in a solution and on the screen: `FORWARD`.
    public var title: String { rawValue.uppercased() }
}
