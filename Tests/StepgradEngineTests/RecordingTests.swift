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

    /// A recorded trace builds its operations when first read; it must still compare and hash by
    /// its operations, like one made from them, and read the same from tasks reading it at once.
    @Test func aRecordedTraceIsTheValueOfItsOperations() async throws {
        let f = try Fixture.load(Fixture.names[0])
        let network = try f.network
        let first = network.iterate(f.initialParameters, OptimizerState(), on: f.batch)
        let second = network.iterate(first.parameters, first.optimizerState, on: f.batch)

        let reads = await withTaskGroup(of: [Operation].self) { group in
            for _ in 0..<8 { group.addTask { first.trace.operations } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(reads.count == 8 && reads.allSatisfy { $0 == reads[0] } && !reads[0].isEmpty)

        let eager = Trace(operations: reads[0])
        #expect(first.trace == eager && first.trace.hashValue == eager.hashValue)
        #expect(second.trace != eager)
    }
}
