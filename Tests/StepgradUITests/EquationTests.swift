import StepgradEngine
import StepgradScenario
import StepgradSession
import Testing
@testable import StepgradUI

/// Equations are laid out as on paper: the names a student writes, and factors whose shapes
/// meet, so that a row of the left one lines up against a column of the right one.
@MainActor
struct EquationTests {
    typealias Shown = (label: String, rows: Int, columns: Int)

    /// The matrices of an operation's equation as drawn (name and display shape), and its texts.
    static func shown(_ op: Operation, in session: TrainingSession) -> [Either] {
        let scene = Scene(session)
        return Equation(op).pieces.map { piece in
            switch piece {
            case .text(let text): return .text(text)
            case .matrix(let q, let transposed):
                let source = MatrixSource(q, label: Equation.label(q, transposed: transposed, outputLayer: scene.outputLayer),
                                          scene: scene, transposed: transposed)
                return .matrix((source?.label ?? "?", source?.rows ?? 0, source?.columns ?? 0))
            }
        }
    }

    enum Either {
        case text(String)
        case matrix(Shown)
        var label: String {
            switch self {
            case .text(let text): text
            case .matrix(let shown): shown.label
            }
        }
    }

    @Test func homeworkEquationsReadAsOnPaper() {
        let session = TrainingSession(scenario: Fixtures.homework())
        let labels = session.trace.operations.map { Self.shown($0, in: session).map(\.label).joined(separator: " ") }
        #expect(labels == [
            "W₁ · x = z₁",
            "relu( z₁ ) = a₁",
            "W₂ · a₁ = z₂",
            "softmax( z₂ ) = ŷ",
            "loss( ŷ , y ) = L",
            "∂L/∂ŷ( ŷ , y ) = dŷ",
            "( ŷ ·Σy − y ) = dz₂",
            "dz₂ · a₁ᵀ = dW₂",
            "W₂ᵀ · dz₂ = da₁",
            "da₁ ⊙ relu′( z₁ ) = dz₁",
            "dz₁ · xᵀ = dW₁",
            "W₁ − 0.1· dW₁ = W₁′",
            "W₂ − 0.1· dW₂ = W₂′",
        ])
    }

    /// In both conventions and with a batch, every product's factors meet and give the result's shape.
    @Test(arguments: [Convention.wx, .wtx], [1, 4])
    func productsLineUp(_ convention: Convention, _ batch: Int) {
        let network = Network(inputs: 2, layers: [Layer(units: 3, activation: .tanh), Layer(units: 2, activation: .softmax)],
                              convention: convention, loss: .crossEntropy)
        let rows = (0..<batch).map { [Double($0), 1 - Double($0)] }
        let scenario = Scenario(title: "shapes", network: network, parameters: Initializer(seed: 1).parameters(for: network),
                                batch: Batch(input: Matrix(rows), target: Matrix(rows)))
        let session = TrainingSession(scenario: scenario)
        for op in session.trace.operations {
            let pieces = Self.shown(op, in: session)
            guard let dot = pieces.firstIndex(where: { $0.label == "·" }),
                  case .matrix(let left) = pieces[dot - 1], case .matrix(let right) = pieces[dot + 1],
                  case .matrix(let result) = pieces[pieces.count - 1] else { continue }
            #expect(left.columns == right.rows, "\(op.quantity.name): \(left) · \(right)")
            #expect(result.rows == left.rows && result.columns == right.columns, "\(op.quantity.name) = \(result)")
        }
    }

    @Test func transposedWeightsAreNamedSo() {
        let network = Network(inputs: 2, layers: [Layer(units: 3)], convention: .wtx, loss: .mse)
        let scenario = Scenario(title: "WTx", network: network, parameters: Initializer(seed: 1).parameters(for: network),
                                batch: Batch(input: Matrix([[1, 2]]), target: Matrix([[0, 0, 0]])))
        let session = TrainingSession(scenario: scenario)
        let affine = Self.shown(session.trace.operations[0], in: session).map(\.label).joined(separator: " ")
        #expect(affine == "W₁ᵀ · x + b₁ = z₁")
        let gradient = session.trace.operations.first { $0.quantity == .dW(1) }.map { Self.shown($0, in: session).map(\.label) }
        #expect(gradient == ["x", "·", "dz₁ᵀ", "=", "dW₁"])
    }
}
