import Foundation
import StepgradEngine
import StepgradNotation
import Testing

/// Every line a student reads must be true: each step of every element, evaluated
/// independently here, equals the element's value, and every cell it claims to have
/// read exists — for every operation of every fixture's iterations.
@Suite struct ElementArithmeticTests {
    @Test(arguments: Fixture.names)
    func everyStepEvaluatesToTheElementValue(_ name: String) throws {
        let f = try Fixture.load(name)
        let network = try f.network
        var parameters = f.initialParameters, state = OptimizerState()
        for t in 1...f.spec.iterations {
            let iteration = network.iterate(parameters, state, on: f.batch)
            for op in iteration.trace.operations {
                let scale = max(op.result.maxMagnitude, 1e-3)
                for element in op.elements {
                    #expect(!element.steps.isEmpty, "\(name) \(op.quantity) has no arithmetic")
                    for (i, step) in element.steps.enumerated() {
                        let value = evaluate(step)
                        let holds = abs(value - element.value) <= 1e-12 * scale
                        #expect(holds,
                                "\(name) iteration \(t) \(element.label(batch: op.context.batch)) step \(i + 1): \(step.rendered()) = \(value), not \(element.value)")
                    }
                    #expect(element.value == op.result[element.cell.row, element.cell.column])
                    // What it read, for highlighting, must be cells of its own operands.
                    #expect(!element.reads.isEmpty)
                    for read in element.reads {
                        let operand = op.operands.first { $0.quantity == read.quantity }
                        let inside = operand.map { read.cell.row < $0.value.rows && read.cell.column < $0.value.columns } ?? false
                        #expect(inside, "\(name) \(op.quantity): read \(read.quantity) \(read.cell) is not an operand cell")
                    }
                }
            }
            parameters = iteration.parameters
            state = iteration.optimizerState
        }
    }

    func evaluate(_ e: StepgradEngine.Expression) -> Double {
        switch e {
        case .number(let v): return v
        case .sum(let terms): return terms.map(evaluate).reduce(0, +)
        case .difference(let a, let b): return evaluate(a) - evaluate(b)
        case .product(let factors): return factors.map(evaluate).reduce(1, *)
        case .quotient(let a, let b): return evaluate(a) / evaluate(b)
        case .negation(let a): return -evaluate(a)
        case .square(let a): return evaluate(a) * evaluate(a)
        case .call(let f, let args):
            let x = args.map(evaluate)
            switch f {
            case .exp: return Foundation.exp(x[0])
            case .ln: return Foundation.log(x[0])
            case .max: return x.max()!
            case .sigmoid: return 1 / (1 + Foundation.exp(-x[0]))
            case .tanh: return Activation.tanh(x[0])
            case .sqrt: return x[0].squareRoot()
            }
        }
    }
}
