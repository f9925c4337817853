import StepgradEngine
import StepgradNotation
import StepgradRender
import Testing

@Suite struct TextRendererTests {
    let text = SolutionRenderer(format: .text).render(Exercises.homework2, iterations: 1)
    var lines: [String] { text.components(separatedBy: "\n") }

    @Test func elementsAreExpandedAsOnPaper() {
        let expected = [
            "    z₁[0] = 0.3·1 + (−0.6)·3 + (−1)·0 + 0.1 = −1.4",
            "    z₁[1] = 0.1·1 + (−0.5)·3 + (−0.5)·0 + 0.1 = −1.3",
            "    z₁[2] = (−2)·1 + 2·3 + 0.1·0 + 0.1 = 4.1",
            // Four significant figures; an operand gets more where the line needs them to add up:
            // 0.2725/60.859 = 0.0044776, −ln 0.004478 = 5.4085, 3·0.99552 = 2.98656, 0.1 − 0.099147 = 0.000853.
            "    ŷ[1] = e^(−1.3)/(e^(−1.4) + e^(−1.3) + e^4.1) = 0.2725/60.859 = 0.004478",
            "    L = −(0·ln(0.004052) + 1·ln(0.004478) + 0·ln(0.9915)) = 5.409",
            "    dŷ[1] = −(1/0.004478) = −223.3",
            "    dz₁[1] = 0.004478 − 1 = −0.9955",
            "    dW₁[1,1] = 3·(−0.99552) = −2.987",
            "    W₁′[1,1] = −0.5 − 0.1·(−2.987) = −0.2013",
            "    b₁′[2] = 0.1 − 0.1·0.99147 = 0.000853",
        ]
        for line in expected { #expect(lines.contains(line), "missing: \(line)") }
    }

    @Test func matrixEquationIsSetSideBySide() {
        // WTx: the transpose of W is written out, vectors are columns.
        let block = """
                     ⎡ 0.3  −0.6  −1  ⎤   ⎡1⎤   ⎡0.1⎤   ⎡−1.4⎤
                z₁ = ⎢ 0.1  −0.5  −0.5⎥ · ⎢3⎥ + ⎢0.1⎥ = ⎢−1.3⎥
                     ⎣−2     2     0.1⎦   ⎣0⎦   ⎣0.1⎦   ⎣ 4.1⎦
            """
        #expect(text.contains("z₁ = W₁ᵀ·x + b₁\n\n" + block + "\n"))
    }

    @Test func gradientIsOuterProductOfColumnAndRow() {
        let block = """
                      ⎡1⎤                                 ⎡0.004052  −0.9955  0.9915⎤
                dW₁ = ⎢3⎥ · [0.004052  −0.9955  0.9915] = ⎢0.01216   −2.987   2.974 ⎥
                      ⎣0⎦                                 ⎣0          0       0     ⎦
            """
        #expect(text.contains(block))
    }

    @Test func wideEquationBreaksBeforeEquals() {
        // W₁′ = W₁ − 0.1·dW₁ = W₁′ is 83 columns wide: the result goes on its own line, under the `=`.
        let block = """
                      ⎡ 0.3   0.1  −2  ⎤         ⎡0.004052  −0.9955  0.9915⎤
                W₁′ = ⎢−0.6  −0.5   2  ⎥ − 0.1 · ⎢0.01216   −2.987   2.974 ⎥
                      ⎣−1    −0.5   0.1⎦         ⎣0          0       0     ⎦

                      ⎡ 0.2996   0.1996  −2.099⎤
                    = ⎢−0.6012  −0.2013   1.703⎥
                      ⎣−1       −0.5      0.1  ⎦
            """
        #expect(text.contains(block))
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func phasesComeInOrder() throws {
        let positions = try ["ITERATION 1", "FORWARD", "LOSS", "BACKWARD", "UPDATE"].map { title in
            try #require(lines.firstIndex(of: title), "no section \(title)")
        }
        #expect(positions == positions.sorted())
        #expect(lines.firstIndex(of: "z₁ = W₁ᵀ·x + b₁")! < positions[2])
        #expect(lines.firstIndex(of: "W₁′ = W₁ − η·dW₁")! > positions[4])
    }

    @Test func notesAppearUnderTheirOperation() throws {
        let text = SolutionRenderer(format: .text).render(Exercises.homework2TwoHot, iterations: 1)
        let lines = text.components(separatedBy: "\n")
        let note = try #require(lines.firstIndex {
            $0 == "    Note: The target sums to 2, not 1, so the familiar shortcut dz = ŷ − y does"
        })
        #expect(lines[note + 1] == "          not hold: the exact gradient is dz = ŷ·Σy − y.")
        let dz = try #require(lines.firstIndex(of: "dz₁ = ŷ·Σy − y"))
        let dW = try #require(lines.firstIndex(of: "dW₁ = x·dz₁ᵀ"))
        #expect(dz < note && note < dW)
        // ŷ·2 − y, not ŷ − y: 0.004478·2 − 1.
        #expect(lines.contains { $0.hasPrefix("    dz₁[1] = 0.004478·2 − 1 = ") })
    }

    @Test func decimalsRoundEveryNumberShown() {
        let text = SolutionRenderer(format: .text, style: NumberStyle(decimals: 2)).render(Exercises.homework2, iterations: 1)
        // ŷ₁ = 0.0044781 is below 0.005: written to three figures rather than as a misleading 0. At two
        // places 0.27/60.86 is 0.004436, not 0.00448, so that line is marked; −ln 0.00448 is 5.408.
        #expect(text.contains("    ŷ[1] = e^(−1.3)/(e^(−1.4) + e^(−1.3) + e^4.1) = 0.27/60.86 = 0.00448 †\n"))
        #expect(text.contains("    L = −(0·ln(0.00405) + 1·ln(0.00448) + 0·ln(0.99)) = 5.41\n"))
        #expect(text.contains("    W₁′[1,1] = −0.5 − 0.1·(−2.99) = −0.2\n"))
        #expect(text.contains("    Note: Lines marked † do not add up at 2 decimal places"))
    }

    @Test func asciiBracketsAndRules() {
        let text = SolutionRenderer(format: .text, ascii: true).render(Exercises.homework2, iterations: 1)
        #expect(text.contains("""
                     [ 0.3  −0.6  −1  ]   [1]   [0.1]   [−1.4]
                z₁ = [ 0.1  −0.5  −0.5] · [3] + [0.1] = [−1.3]
                     [−2     2     0.1]   [0]   [0.1]   [ 4.1]
            """))
        #expect(text.contains("FORWARD\n-------\n"))
        #expect(!text.contains { "⎡⎢⎣⎤⎥⎦━─".contains($0) })
    }

    @Test func batchesAreColumnsAndElementsAreIndexedBySample() {
        let text = SolutionRenderer(format: .text).render(Exercises.twoSamples, iterations: 1)
        // Convention Wx, two samples: x is 2 × 2 with one column per sample; z is 1 × 2.
        #expect(text.contains("""
                z₁ = [1  −1] · ⎡2  0⎤ + [0.5] = [1.5  −2.5]
                               ⎣1  3⎦
            """))
        // Wrapped at 80 columns.
        #expect(text.contains("Vectors are written as columns, one column per sample; z[j,s] is unit j of\nsample s.\n"))
        #expect(text.contains("    z₁[0,0] = 1·2 + (−1)·1 + 0.5 = 1.5\n"))
        #expect(text.contains("    z₁[0,1] = 1·0 + (−1)·3 + 0.5 = −2.5\n"))
        #expect(text.contains("    dW₁[0,1] = 0.5·1 + (−2.5)·3 = −7\n"))
        #expect(text.contains("    db₁[0] = 0.5 + (−2.5) = −2\n"))
        #expect(text.components(separatedBy: "\n").contains { $0.hasPrefix("    L = ") && $0.hasSuffix(" = 3.25") })
    }

    @Test func iterationsCarryTheUpdatedParameters() {
        let text = SolutionRenderer(format: .text).render(Exercises.homework2, iterations: 2)
        // Iteration 2 starts from W′, b′: z′₀ = 0.2996·1 + (−0.6012)·3 + (−1)·0 + 0.09959 = −1.40441 (by hand).
        #expect(text.contains("ITERATION 2\n"))
        #expect(text.contains("    z₁[0] = 0.2996·1 + (−0.6012)·3 + (−1)·0 + 0.09959 = −1.404\n"))
    }

    @Test func gradientCheckTable() {
        let text = SolutionRenderer(format: .text, checkGradients: true).render(Exercises.homework2, iterations: 1)
        #expect(text.contains("GRADIENT CHECK\n──────────────\n"))
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("    W₁ ") || $0.hasPrefix("    b₁ ") }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.hasSuffix("agrees") })
    }
}

@Suite struct TextLayoutTests {
    @Test func continuationLinesStayWithinTheWidth() {
        // Four samples through a hidden layer: the widest equations break before `=` and before
        // the operators between matrices, and no line of them is wider than asked. (At 60 columns
        // `− 0.5 · buf`, whose buffer needs five figures for the update to add up, cannot fit.)
        for width in [64, 80, 100] {
            let text = SolutionRenderer(format: .text, width: width).render(Exercises.wideBatch, iterations: 1)
            let displayLines = text.components(separatedBy: "\n").filter { line in
                line.contains { "⎡⎢⎣[".contains($0) } && !line.contains("] = ")
            }
            #expect(!displayLines.isEmpty)
            #expect(displayLines.allSatisfy { $0.count <= width }, "width \(width): \(displayLines.filter { $0.count > width })")
        }
    }

    @Test func operatorContinuationsSitPastTheEquals() {
        let text = SolutionRenderer(format: .text, width: 60).render(Exercises.wideBatch, iterations: 1)
        // z₁ = W₁·x + b₁ at 60 columns: `+ b₁ = z₁` moves to the next line, its `+` two columns past
        // the `=` of `z₁ =`.
        let lines = text.components(separatedBy: "\n")
        let first = lines.firstIndex { $0.hasPrefix("    z₁ = ⎢ 0.1   0.2  −0.5⎥ · ⎢−1     0.25   2     −0.6⎥") }
        let plus = lines.firstIndex { $0.hasPrefix("         + ⎢−0.02⎥ = ⎢−1.17   0.555   0.005  −0.66⎥") }
        #expect(first != nil && plus != nil && first! < plus!)
    }
}

extension TextRendererTests {
    @Test func theSummaryGivesALeakyReLUsSlope() {
        var scenario = Exercises.twoSamples
        scenario.network.layers[0].activation = .leakyRelu(negativeSlope: 0.2)
        let text = SolutionRenderer(format: .text).render(scenario, iterations: 1)
        #expect(text.contains("Network    2 inputs → 1 leaky-relu (slope 0.2)\n"))
    }
}
