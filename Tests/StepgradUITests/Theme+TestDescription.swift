import StepgradUI
import Testing

/// A theme names itself in a test's arguments: its full description is thousands of colours long,
/// which buried the test log.
extension Theme: CustomTestStringConvertible {
    public var testDescription: String { name }
}
