import StepgradEngine
import StepgradScenario
import StepgradSession
import Testing
@testable import StepgradUI

/// The screen reads the session per quantity, not per cell; it must agree with the session on
/// every cell at every place of an iteration, so that nothing is shown before it is computed.
@MainActor
struct SceneTests {
    static func xor(_ optimizer: Optimizer) -> Scenario {
        let network = Network(inputs: 2, layers: [Layer(units: 3, activation: .tanh), Layer(units: 1, activation: .sigmoid)],
                              convention: .wtx, loss: .binaryCrossEntropy, optimizer: optimizer)
        return Scenario(title: "XOR", network: network, parameters: Initializer(seed: 3).parameters(for: network),
                        batch: Batch(input: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), target: Matrix([[0], [1], [1], [0]])))
    }

    static let scenarios: [Scenario] = [
        Fixtures.homework(), xor(.sgd(.init(learningRate: 0.5, momentum: 0.9))), xor(.adam(.init(learningRate: 0.05))),
    ]

    @Test(arguments: 0..<3)
    func revealedAgreesWithTheSessionEverywhere(_ index: Int) {
        let session = TrainingSession(scenario: Self.scenarios[index])
        session.granularity = .element
        repeat {
            let scene = Scene(session)
            for q in scene.quantities {
                guard let m = scene.matrix(q) else { continue }
                for r in 0..<m.rows {
                    for c in 0..<m.columns {
                        let cell = Cell(r, c)
                        #expect(scene.value(q, cell) == session.revealedValue(q, cell), "\(q.name)[\(r),\(c)] at \(session.cursor)")
                    }
                }
            }
            session.stepForward()
        } while !session.isAtStartOfIteration
    }

    /// What the screen marks as computed and read is what the session's step says, at every
    /// granularity (for the small networks where the session's lists are cheap).
    @Test(arguments: 0..<3, Granularity.allCases)
    func activityAgreesWithTheStep(_ index: Int, _ granularity: Granularity) {
        let session = TrainingSession(scenario: Self.scenarios[index])
        session.granularity = granularity
        session.stepForward()
        while !session.isAtStartOfIteration {
            let scene = Scene(session)
            guard let step = session.currentStep, let activity = scene.activity else {
                Issue.record("no step at \(session.cursor)")
                return
            }
            let changed = Set(step.changed)
            for q in scene.quantities {
                guard let m = scene.matrix(q) else { continue }
                for r in 0..<m.rows {
                    for c in 0..<m.columns {
                        let reference = CellReference(q, Cell(r, c))
                        #expect(activity.changed(q, reference.cell, columns: m.columns) == changed.contains(reference),
                                "\(q.name)[\(r),\(c)] at \(session.cursor)")
                        if activity.isSingleElement {
                            #expect(activity.read(q, reference.cell) == step.read.contains(reference))
                        } else if step.read.contains(reference) {
                            #expect(activity.readsAll(q), "\(q.name) read at \(session.cursor)")
                        }
                    }
                }
            }
            session.stepForward()
        }
    }
}
