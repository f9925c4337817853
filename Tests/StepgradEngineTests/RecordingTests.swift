import StepgradEngine
import Testing

/// Recording the trace must not change a single bit of the arithmetic.
@Suite struct RecordingTests {
    @Test(arguments: Fixture.names)
    func tracedAndUntracedIterationsAgreeBitForBit(_ name: String) throws {
        let f = try Fixture.load(name)
        let network = try f.network
        var traced = (f.initialParameters, OptimizerState()), untraced = traced
        for _ in 0..<3 {
            let a = network.iterate(traced.0, traced.1, on: f.batch, record: true)
            let b = network.iterate(untraced.0, untraced.1, on: f.batch, record: false)
            #expect(a.loss.bitPattern == b.loss.bitPattern)
            #expect(a.parameters == b.parameters)
            #expect(a.optimizerState == b.optimizerState)
            #expect(!a.trace.operations.isEmpty && b.trace.operations.isEmpty)
            traced = (a.parameters, a.optimizerState)
            untraced = (b.parameters, b.optimizerState)
        }
    }
}
