import StepgradEngine
import StepgradNotation
import Testing

/// Element equations against lines written out by hand (numbers to 4 decimals, as on paper).
@Suite struct ElementEquationTests {
    func trace(_ fixture: String) throws -> Trace {
        let f = try Fixture.load(fixture)
        return try f.network.iterate(f.initialParameters, OptimizerState(), on: f.batch).trace
    }

    func line(_ trace: Trace, _ q: Quantity, _ row: Int, _ column: Int,
              _ notation: Expression.Notation = .unicode, batch: Int = 1) -> String? {
        guard let op = trace.operation(producing: q) else { return nil }
        return op.element(at: Cell(row, column))
            .equation(notation, style: NumberStyle(decimals: 4), outputLayer: op.context.outputLayer, batch: batch)
    }

    @Test func homework2AffineElement() throws {
        let t = try trace("homework2")
        let z0 = try #require(t.operation(producing: .z(1))).element(at: Cell(0, 0))
        #expect(z0.steps.first?.rendered() == "0.3·1 + (−0.6)·3 + (−1)·0 + 0.1")
        #expect(abs(z0.value - -1.4) < 1e-15)
        #expect(line(t, .z(1), 0, 0) == "z₁[0] = 0.3·1 + (−0.6)·3 + (−1)·0 + 0.1 = −1.4")
        #expect(line(t, .z(1), 0, 0, .latex)
            == "\\left[z_{1}\\right]_{0} = 0.3 \\cdot 1 + \\left(-0.6\\right) \\cdot 3 + \\left(-1\\right) \\cdot 0 + 0.1 = -1.4")
        #expect(z0.reads.map(\.quantity.name) == ["W1", "x", "W1", "x", "W1", "x", "b1"])
        #expect(z0.reads.filter { $0.quantity == .W(1) }.map(\.cell) == [Cell(0, 0), Cell(1, 0), Cell(2, 0)])
    }

    @Test func homework2SoftmaxLossAndShortcut() throws {
        let t = try trace("homework2")
        // z = (−1.4, −1.3, 4.1); e^z = (0.24660, 0.27253, 60.34029), Σ = 60.85942
        #expect(line(t, .a(1), 0, 1) == "ŷ[1] = e^(−1.3)/(e^(−1.4) + e^(−1.3) + e^4.1) = 0.2725/60.8594 = 0.0045")
        // At a forced four decimals −ln 0.0045 is 5.4037, not 5.4086: the line cannot add up and says so.
        #expect(line(t, .loss, 0, 0) == "L = −(0·ln(0.0041) + 1·ln(0.0045) + 0·ln(0.9915)) = 5.4086 †")
        #expect(line(t, .dz(1), 0, 1) == "dz₁[1] = 0.0045 − 1 = −0.9955")
    }

    @Test func homework1TargetSummingToTwo() throws {
        let t = try trace("homework1")
        #expect(line(t, .a(1), 0, 1) == "a₁[1] = max(0, −1.15) = 0")
        #expect(line(t, .dz(2), 0, 0) == "dz₂[0] = 0.3557·2 − 1 = −0.2886")
        #expect(line(t, .dz(2), 0, 2) == "dz₂[2] = 0.4659·2 − 0 = 0.9318")
        // 1/0.3557 = 2.81136: at a forced four decimals the line cannot add up and is marked.
        #expect(line(t, .da(2), 0, 0) == "dŷ[0] = −(1/0.3557) = −2.8115 †")
        #expect(line(t, .W_new(2), 0, 0) == "W₂′[0,0] = 0.1 − 0.1·(−0.3464) = 0.1346")
    }

    @Test func mazurBackpropagation() throws {
        let t = try trace("mazur")
        #expect(line(t, .a(1), 0, 0) == "a₁[0] = σ(0.3775) = 1/(1 + e^(−0.3775)) = 0.5933")
        #expect(line(t, .loss, 0, 0) == "L = (1/2)·((0.7514 − 0.01)² + (0.7729 − 0.99)²) = 0.2984")
        #expect(line(t, .da(2), 0, 0) == "dŷ[0] = 0.7514 − 0.01 = 0.7414")
        #expect(line(t, .dz(2), 0, 0) == "dz₂[0] = 0.7414·0.7514·(1 − 0.7514) = 0.1385")
        #expect(line(t, .dW(2), 0, 0) == "dW₂[0,0] = 0.1385·0.5933 = 0.0822")
        #expect(line(t, .da(1), 0, 0) == "da₁[0] = 0.4·0.1385 + 0.5·(−0.0381) = 0.0364")
        #expect(line(t, .W_new(2), 0, 0) == "W₂′[0,0] = 0.4 − 0.5·0.0822 = 0.3589")
        // Mazur keeps the biases fixed: no update of b₁.
        #expect(line(t, .b_new(1), 0, 1) == nil)
    }

    @Test func batchOfTwoMeanSquaredError() throws {
        // 2 → 1 identity, W = [1 2], b = 0.5: z = (1 + 2 + 0.5, 2 + 0 + 0.5) = (3.5, 2.5)
        let network = Network(inputs: 2, layers: [Layer(units: 1)], loss: .mse, optimizer: .sgd(.init(learningRate: 0.1)))
        let parameters = Parameters(weights: [Matrix([[1, 2]])], biases: [Matrix(row: [0.5])])
        let batch = Batch(input: Matrix([[1, 1], [2, 0]]), target: Matrix([[1], [0]]))
        let t = network.iterate(parameters, OptimizerState(), on: batch).trace
        #expect(line(t, .z(1), 1, 0, batch: 2) == "z₁[0,1] = 1·2 + 2·0 + 0.5 = 2.5")
        // ℓ = (2.5², 2.5²), L = (6.25 + 6.25)/2
        #expect(t.operation(producing: .loss)?.element(at: Cell(0, 0)).value == 6.25)
        #expect(line(t, .loss, 0, 0, batch: 2)?.hasSuffix(" = (1/2)·(6.25 + 6.25) = 6.25") == true)
        // dŷ = (1/B)·2(ŷ − y)/n = ½·2·2.5 = 2.5; dW = Σₛ dz·x = 2.5·1 + 2.5·2
        #expect(line(t, .dW(1), 0, 1, batch: 2) == "dW₁[0,1] = 2.5·1 + 2.5·0 = 2.5")
        #expect(line(t, .dW(1), 0, 0, batch: 2) == "dW₁[0,0] = 2.5·1 + 2.5·2 = 7.5")
        #expect(line(t, .db(1), 0, 0, batch: 2) == "db₁[0] = 2.5 + 2.5 = 5")
    }

    @Test func fusedGradientAveragedOverTheBatch() {
        // One sigmoid unit with W = 0, b = 0: ŷ = ½ for both samples; BCE mean over B = 2.
        let network = Network(inputs: 1, layers: [Layer(units: 1, activation: .sigmoid)], loss: .binaryCrossEntropy)
        let parameters = Parameters(weights: [Matrix([[0]])], biases: [Matrix(row: [0])])
        let batch = Batch(input: Matrix([[1], [3]]), target: Matrix([[1], [0]]))
        let t = network.iterate(parameters, OptimizerState(), on: batch).trace
        #expect(line(t, .dz(1), 0, 0, batch: 2) == "dz₁[0,0] = (1/2)·(0.5 − 1) = −0.25")
        #expect(line(t, .dz(1), 1, 0, batch: 2) == "dz₁[0,1] = (1/2)·(0.5 − 0) = 0.25")
        // dW = Σₛ dz·x = −0.25·1 + 0.25·3
        #expect(line(t, .dW(1), 0, 0, batch: 2) == "dW₁[0,0] = (−0.25)·1 + 0.25·3 = 0.5")
    }
}
