import StepgradEngine
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// The inspector writes a weight's gradient as Mazur does, factor by factor. By hand, for the
/// homework: ŷ = (0.3557, 0.1784, 0.4659) and y = (1, 1, 0), so dz₂ = 2ŷ − y = (−0.2886, −0.6432,
/// 0.9318); da₁ = W₂ᵀ·dz₂, da₁[0] = 0.1·(−0.2886) + (−0.2)·(−0.6432) + 0.2·0.9318 = 0.2861;
/// z₁ = (1.2, −1.15, 0.15, 0.9), x = (0.5, −1, 2).
@MainActor
struct ChainRuleTests {
    func inspect(_ reference: CellReference) -> String {
        let program = Fixtures.screen()
        let backend = TestBackend(program: program, size: Size(width: 120, height: 40))
        backend.press(KeyEvent(.end))
        program.session.select(reference)
        backend.press(KeyEvent("i"))
        return backend.lines.joined(separator: "\n")
    }

    /// A hidden weight: ∂L/∂W₁[0,2] = da₁[0] · relu′(z₁[0]) · x[2] = 0.2861·1·2 = 0.5723.
    @Test func hiddenWeight() {
        let text = inspect(CellReference(.dW(1), Cell(0, 2)))
        #expect(text.contains("chain rule  ∂L/∂W₁[0,2] = ∂L/∂a₁[0] · ∂a₁[0]/∂z₁[0] · ∂z₁[0]/∂W₁[0,2]"))
        #expect(text.contains("= da₁[0] · relu′(z₁[0]) · x[2]"))
        #expect(text.contains("= 0.2861·1·2 = 0.5723"))
        #expect(text.contains("da₁[0] = 0.2861   backward: da₁ = W₂ᵀ·dz₂"))
        #expect(text.contains("relu′(z₁[0]) = 1   at z₁[0] = 1.2, forward: z₁ = W₁·x"))
        #expect(text.contains("x[2] = 2   given"))
    }

    /// A unit that relu switched off passes nothing back: relu′(−1.15) = 0.
    @Test func switchedOffUnit() {
        let text = inspect(CellReference(.dW(1), Cell(1, 0)))
        #expect(text.contains("relu′(z₁[1]) = 0   at z₁[1] = −1.15"))
        #expect(text.contains("·0·0.5 = 0"))
    }

    /// The output layer's ∂L/∂z is one rule (softmax with cross-entropy): dz₂[1]·a₁[2] = (−0.6432)·0.15 = −0.09648.
    @Test func outputWeight() {
        let text = inspect(CellReference(.dW(2), Cell(1, 2)))
        #expect(text.contains("chain rule  ∂L/∂W₂[1,2] = ∂L/∂z₂[1] · ∂z₂[1]/∂W₂[1,2]"))
        #expect(text.contains("= (−0.6432)·0.15 = −0.09648"))
        #expect(text.contains("a₁[2] = 0.15   forward: a₁ = relu(z₁)"))
    }
}
