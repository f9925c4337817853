import StepgradEngine
import Testing

/// Expected numbers come from a separate Python SplitMix64 (Tests/Reference/splitmix64.py).
@Suite struct InitializerTests {
    @Test func splitMix64MatchesTheReferenceSequence() {
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
        #expect(zero.next() == 0x6E78_9E6A_A1B9_65F4)
        var g = SplitMix64(seed: 1_234_567)
        #expect([g.next(), g.next(), g.next()] == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    let network = Network(inputs: 2, layers: [Layer(units: 3, activation: .tanh), Layer(units: 1, hasBias: false)], loss: .mse)

    @Test func xavierRoundedToTwoDecimals() {
        let p = Initializer(seed: 42, scheme: .xavier, decimals: 2).parameters(for: network)
        #expect(p.weights == [Matrix([[0.53, -0.75], [-0.49, -0.34], [-1.01, 0.81]]), Matrix([[-0.69, 0.74, -0.39]])])
        #expect(p.biases == [Matrix(row: [0, 0, 0]), nil])
    }

    @Test func heInTheTransposedLayout() {
        var transposed = network
        transposed.convention = .wtx
        let p = Initializer(seed: 42, scheme: .he).parameters(for: transposed)
        #expect(p.weights == [
            Matrix([[0.836805286714029, -1.1781049573266253, -0.7669481822728474],
                    [-0.5397391905439235, -1.6003104393046492, 1.2755794747039113]]),
            Matrix([[-0.7964703882921068], [0.8503153546598254], [-0.4527433913570413]]),
        ])
    }

    @Test func uniformToThreeDecimalsAndRepeatable() {
        let single = Network(inputs: 3, layers: [Layer(units: 2)], loss: .mse)
        let initializer = Initializer(seed: 7, scheme: .uniform, decimals: 3)
        #expect(initializer.parameters(for: single).weights == [Matrix([[-0.22, -0.966, 0.802], [0.166, -0.095, -0.501]])])
        #expect(initializer.parameters(for: single) == initializer.parameters(for: single))
        #expect(Initializer(seed: 8, scheme: .uniform, decimals: 3).parameters(for: single) != initializer.parameters(for: single))
    }
}
