import StepgradEngine
import StepgradScenario

/// Scenarios built in memory, with the values a student works out by hand.
enum Exercises {
    /// Homework 2 (softmax regression, convention WTx): x = (1, 3, 0), y = (0, 1, 0), η = 0.1.
    ///
    /// By hand: z = Wᵀx + b = (0.3 − 1.8 + 0.1, 0.1 − 1.5 + 0.1, −2 + 6 + 0.1) = (−1.4, −1.3, 4.1);
    /// eᶻ = (0.2465970, 0.2725318, 60.3402876), Σ = 60.8594164, ŷ = (0.0040519, 0.0044781, 0.9914700);
    /// L = −ln 0.0044781 = 5.4085666; dz = ŷ − y = (0.0040519, −0.9955219, 0.9914700);
    /// dW[k][j] = x_k·dz_j; W′ = W − 0.1·dW; b′ = b − 0.1·dz.
    static let homework2 = Scenario(
        title: "Homework 2: softmax regression",
        network: Network(inputs: 3, layers: [Layer(units: 3, activation: .softmax)], convention: .wtx,
                         loss: .crossEntropy, optimizer: .sgd(.init(learningRate: 0.1))),
        parameters: Parameters(weights: [Matrix([[0.3, 0.1, -2], [-0.6, -0.5, 2], [-1, -0.5, 0.1]])],
                               biases: [Matrix(row: [0.1, 0.1, 0.1])]),
        batch: Batch(input: Matrix(row: [1, 3, 0]), target: Matrix(row: [0, 1, 0])))

    /// Homework 2 with a target that sums to 2, where dz = ŷ − y is wrong.
    static var homework2TwoHot: Scenario {
        var s = homework2
        s.batch.target = Matrix(row: [0, 1, 1])
        return s
    }

    /// A regression with two samples, convention Wx: z = W·x + b, half-SSE summed over the batch.
    ///
    /// By hand: W = (1, −1), b = 0.5; sample 1 x = (2, 1): z = 2 − 1 + 0.5 = 1.5, y = 1, dz = 0.5;
    /// sample 2 x = (0, 3): z = −3 + 0.5 = −2.5, y = 0, dz = −2.5. L = ½·0.25 + ½·6.25 = 3.25.
    /// dW = Σₛ dzₛ·xₛ = (0.5·2 + (−2.5)·0, 0.5·1 + (−2.5)·3) = (1, −7); db = 0.5 − 2.5 = −2.
    static let twoSamples = Scenario(
        title: "Two samples",
        network: Network(inputs: 2, layers: [Layer(units: 1)], convention: .wx, loss: .halfSSE, reduction: .sum),
        parameters: Parameters(weights: [Matrix([[1, -1]])], biases: [Matrix(row: [0.5])]),
        batch: Batch(input: Matrix([[2, 1], [0, 3]]), target: Matrix([[1], [0]])))

    /// A diverged network: W = (∞ 1; 1 0), x = (1, 1) give z = (∞, 1) and L = +∞;
    /// dW = dz·xᵀ = (∞ ∞; 1 1), so W′ = (∞ − 0.1·∞, 1 − 0.1·∞; 0.9, −0.1) = (NaN, −∞; 0.9, −0.1).
    static let diverged = Scenario(
        title: "Diverged",
        network: Network(inputs: 2, layers: [Layer(units: 2, hasBias: false)], loss: .mse),
        parameters: Parameters(weights: [Matrix([[.infinity, 1], [1, 0]])], biases: [nil]),
        batch: Batch(input: Matrix(row: [1, 1]), target: Matrix(row: [0, 0])))
}

extension Exercises {
    /// Two layers, four samples, SGD with momentum: dW₁ is a 4 × 3 matrix whose elements are sums
    /// of four products, wider than a page line.
    static let wideBatch = Scenario(
        title: "Four samples through a hidden layer",
        network: Network(inputs: 3, layers: [Layer(units: 4, activation: .relu), Layer(units: 3, activation: .softmax)],
                         convention: .wx, loss: .crossEntropy, optimizer: .sgd(.init(learningRate: 0.5, momentum: 0.9))),
        parameters: Parameters(
            weights: [Matrix([[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.3, 0.1, 0.2], [0.4, -0.1, 0.3]]),
                      Matrix([[0.1, 0.2, -0.1, 0.1], [-0.2, 0.3, 0.1, -0.3], [0.2, -0.1, 0.3, 0.2]])],
            biases: [Matrix(row: [0.01, -0.02, 0.03, 0.04]), Matrix(row: [0.1, -0.1, 0.05])]),
        batch: Batch(input: Matrix([[0.5, -1, 2], [1.5, 0.25, -0.75], [-1.25, 2, 0.5], [0.3, -0.6, 1.1]]),
                     target: Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]])))
}

extension Exercises {
    /// Twelve inputs into one unit: each z is a sum of twelve products and a bias, too long for a row.
    static let wideInput = Scenario(
        title: "Twelve inputs",
        network: Network(inputs: 12, layers: [Layer(units: 1)], loss: .halfSSE),
        parameters: Parameters(weights: [Matrix([[0.25, -0.5, 0.75, -1, 1.25, -1.5, 1.75, -2, 2.25, -2.5, 2.75, -3]])],
                               biases: [Matrix(row: [0.125])]),
        batch: Batch(input: Matrix(row: [1.5, -2.5, 3.5, -4.5, 5.5, -6.5, 7.5, -8.5, 9.5, -10.5, 11.5, -12.5]),
                     target: Matrix(row: [1])))
}

extension Exercises {
    /// A learning rate of 10¹⁵⁰ (identity 2-2-1, MSE), worked by hand: iteration 1 is finite,
    /// z₁ = (−0.1, 1), z₂ = 0.7·(−0.1) − 0.6·1 = −0.67, L = 1.67² = 2.7889, dŷ = −3.34,
    /// dW₂ = −3.34·(−0.1, 1) = (0.334, −3.34), so W₂′ = (−3.34·10¹⁴⁹, 3.34·10¹⁵⁰). In iteration 2
    /// z₂ ≈ −4.5·10³⁰¹ is still a double but L = z₂² ≈ 2·10⁶⁰³ is not: the first overflow is the
    /// loss of iteration 2. Iteration 3 starts from weights that are already ∞ or NaN, so its
    /// first value that is not finite is z₁.
    static let explodingLearningRate = Scenario(
        title: "Exploding learning rate",
        network: Network(inputs: 2, layers: [Layer(units: 2), Layer(units: 1)], convention: .wx, loss: .mse,
                         optimizer: .sgd(.init(learningRate: 1e150))),
        parameters: Parameters(weights: [Matrix([[0.5, -0.3], [0.2, 0.4]]), Matrix([[0.7, -0.6]])],
                               biases: [Matrix(row: [0, 0]), Matrix(row: [0])]),
        batch: Batch(input: Matrix(row: [1, 2]), target: Matrix(row: [1])))
}
