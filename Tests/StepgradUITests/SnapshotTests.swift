import StepgradEngine
import StepgradSession
import TerminalUI
import TerminalUITesting
import Testing
@testable import StepgradUI

/// What a user must see in the key states of the 3-4-3 homework, as text. Every number here was
/// worked out by hand (see `Fixtures.homework`): z₁ = (1.2, −1.15, 0.15, 0.9), z₂ = (0.195, −0.495,
/// 0.465), ŷ = (0.3557, 0.1784, 0.4659), L = 2.7575, dŷ = (−2.8115, −5.6054, 0), dz₂ = ŷ·2 − y =
/// (−0.2886, −0.6432, 0.9318), W₂′[0] = (0.1346, 0.2, −0.0957, 0.126).
@MainActor
struct SnapshotTests {
    static let small = Size(width: 80, height: 24)
    static let large = Size(width: 160, height: 48)

    func backend(_ size: Size, granularity: Granularity = .operation, steps: Int = 0) -> TestBackend<SessionScreen> {
        let backend = TestBackend(program: Fixtures.screen(granularity: granularity), size: size)
        for _ in 0..<steps { backend.press(KeyEvent(.right)) }
        return backend
    }

    @Test func startOfIterationShowsOnlyGivenValues() {
        expectScreen(backend(Self.small), [
                " stepgrad · relu-softmax 3-4-3              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 0 of 13   operation   loss ·   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────┐",
                "│                  x       z₁      a₁        z₂       ŷ      y                 │",
                "│                 0.5         ·      ·          ·        ·   1                 │",
                "│                  −1         ·      ·          ·        ·   1                 │",
                "│                   2         ·      ·          ·        ·   0                 │",
                "│                             ·      ·                                         │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ Next: z₁ = W₁·x ────────────────────────────────────────────────────────────┐",
                "│                             W₁                     z₁                        │",
                "│                       0.2  −0.3   0.4      x          ·                      │",
                "│                       0.1   0.2  −0.5     0.5         ·                      │",
                "│                      −0.3   0.1   0.2  ·   −1  =      ·                      │",
                "│                       0.4  −0.1   0.3       2         ·                      │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ Formula ────────────────────────────────────────────────────────────────────┐",
                "│ Start of iteration 1: x, y and the parameters are known.                     │",
                "│ Next: z₁ = W₁·x                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                " Space play  ←→ step  [ ] phase  g granularity  Tab panels  ? help  q quit",
        ])
    }

    @Test func forwardStepAt80x24() {
        expectScreen(backend(Self.small, steps: 3), [
                " stepgrad · relu-softmax 3-4-3              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 3 of 13   operation   loss ·   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────┐",
                "│                  x       z₁      a₁        z₂       ŷ      y                 │",
                "│                 0.5       1.2    1.2      0.195        ·   1                 │",
                "│                  −1     −1.15      0     −0.495        ·   1                 │",
                "│                   2      0.15   0.15      0.465        ·   0                 │",
                "│                           0.9    0.9                                         │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ z₂ = W₂·a₁ ─────────────────────────────────────────────────────────────────┐",
                "│                                              a₁                              │",
                "│                            W₂                1.2       z₂                    │",
                "│                   0.1   0.2  −0.1   0.1        0      0.195                  │",
                "│                  −0.2   0.3   0.1  −0.3  ·  0.15  =  −0.495                  │",
                "│                   0.2  −0.1   0.3   0.2      0.9      0.465                  │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ Formula ────────────────────────────────────────────────────────────────────┐",
                "│ z₂ = W₂·a₁                                                                   │",
                "│ z₂[0] = 0.1·1.2 + 0.2·0 + (−0.1)·0.15 + 0.1·0.9 = 0.195                      │",
                "│ z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −0.495                  │",
                "│ z₂[2] = 0.2·1.2 + (−0.1)·0 + 0.3·0.15 + 0.2·0.9 = 0.465                      │",
                "│                                                                              │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                " Space play  ←→ step  [ ] phase  g granularity  Tab panels  ? help  q quit",
        ])
    }

    @Test func lossStepAt80x24() {
        expectScreen(backend(Self.small, steps: 5), [
                " stepgrad · relu-softmax 3-4-3              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 5 of 13   operation   loss 2.757   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────┐",
                "│                  x       z₁      a₁        z₂       ŷ      y                 │",
                "│                 0.5       1.2    1.2      0.195   0.3557   1                 │",
                "│                  −1     −1.15      0     −0.495   0.1784   1                 │",
                "│                   2      0.15   0.15      0.465   0.4659   0                 │",
                "│                           0.9    0.9                                         │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ L = −Σᵢ yᵢ·ln ŷᵢ ───────────────────────────────────────────────────────────┐",
                "│                                ŷ        y                                    │",
                "│                              0.3557     1          L                         │",
                "│                       loss(  0.1784  ,  1  )  =  2.757                       │",
                "│                              0.4659     0                                    │",
                "│ scale:  ŷ ±0.466  y ±1  L ±2.757                       −  0  +   read written│",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ Formula ────────────────────────────────────────────────────────────────────┐",
                "│ L = −Σᵢ yᵢ·ln ŷᵢ                                                             │",
                "│ L = −(1·ln(0.3557) + 1·ln(0.1784) + 0·ln(0.4659)) = 2.757                    │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                " Space play  ←→ step  [ ] phase  g granularity  Tab panels  ? help  q quit",
        ])
    }

    /// The target sums to 2, so the shortcut note must be there with the exact gradient ŷ·2 − y.
    @Test func backwardStepAt80x24() {
        expectScreen(backend(Self.small, steps: 7), [
                " stepgrad · relu-softmax 3-4-3              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 7 of 13   operation   loss 2.757   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────┐",
                "│               x       dz₁       da₁         dz₂       dŷ     y               │",
                "│              0.5          ·         ·     −0.2886   −2.812   1               │",
                "│               −1          ·         ·     −0.6432   −5.605   1               │",
                "│                2          ·         ·      0.9318        0   0               │",
                "│                           ·         ·                                        │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ dz₂ = ŷ·Σy − y ─────────────────────────────────────────────────────────────┐",
                "│                           ŷ            y          dz₂                        │",
                "│                         0.3557         1        −0.2886                      │",
                "│                      (  0.1784  ·Σy −  1  )  =  −0.6432                      │",
                "│                         0.4659         0         0.9318                      │",
                "│ scale:  ŷ ±0.466  y ±1  dz₂ ±0.932                     −  0  +   read written│",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ Formula ────────────────────────────────────────────────────────────────────┐",
                "│ dz₂ = ŷ·Σy − y                                                               │",
                "│ dz₂[0] = 0.3557·2 − 1 = −0.2886                                              │",
                "│ … 2 more of 3 elements (g: element by element)                               │",
                "│ Note: The target sums to 2, not 1, so the familiar shortcut dz = ŷ − y does  │",
                "│ not hold: the exact gradient is dz = ŷ·Σy − y.                               │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                " Space play  ←→ step  [ ] phase  g granularity  Tab panels  ? help  q quit",
        ])
    }

    @Test func updateStepAt80x24() {
        let screen = backend(Self.small)
        screen.press(KeyEvent(.end))
        expectScreen(screen, [
                " stepgrad · relu-softmax 3-4-3              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 13 of 13   operation   loss 2.757   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────┐",
                "│               x       dz₁       da₁         dz₂       dŷ     y               │",
                "│              0.5     0.2861    0.2861     −0.2886   −2.812   1               │",
                "│               −1          0   −0.3439     −0.6432   −5.605   1               │",
                "│                2     0.2441    0.2441      0.9318        0   0               │",
                "│                      0.3505    0.3505                                        │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ W₂′ = W₂ − η·dW₂ ───────────────────────────────────────────────────────────┐",
                "│          W₂                   dW₂                      W₂′                   │",
                "│   0.1  0.2 −0.1  0.1                      0.1346      0.2 −0.09567    0.126  │",
                "│  −0.2  0.3  0.1 −0.3 − 0.1·          =   −0.1228      0.3   0.1096  −0.2421  │",
                "│   0.2 −0.1  0.3  0.2                     0.08818     −0.1    0.286   0.1161  │",
                "│ scale:  W₂ ±0.3  dW₂ ±1.118  W₂′ ±0.3                  −  0  +   read written│",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ Formula ────────────────────────────────────────────────────────────────────┐",
                "│ W₂′ = W₂ − η·dW₂                                                             │",
                "│ W₂′[0,0] = 0.1 − 0.1·(−0.3464) = 0.1346                                      │",
                "│ W₂′[0,1] = 0.2 − 0.1·0 = 0.2                                                 │",
                "│ W₂′[0,2] = −0.1 − 0.1·(−0.0433) = −0.09567                                   │",
                "│ … 9 more of 12 elements (g: element by element)                              │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                " Space play  ←→ step  [ ] phase  g granularity  Tab panels  ? help  q quit",
        ])
    }

    @Test func elementStepAt80x24() {
        expectScreen(backend(Self.small, granularity: .element, steps: 10), [
                " stepgrad · relu-softmax 3-4-3              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 10 of 77   element   loss ·   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────┐",
                "│                  x       z₁      a₁        z₂       ŷ      y                 │",
                "│                 0.5       1.2    1.2      0.195        ·   1                 │",
                "│                  −1     −1.15      0     −0.495        ·   1                 │",
                "│                   2      0.15   0.15          ·        ·   0                 │",
                "│                           0.9    0.9                                         │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ z₂ = W₂·a₁ ─────────────────────────────────────────────────────────────────┐",
                "│                                              a₁                              │",
                "│                            W₂                1.2       z₂                    │",
                "│                   0.1   0.2  −0.1   0.1        0      0.195                  │",
                "│                  −0.2   0.3   0.1  −0.3  ·  0.15  =  −0.495                  │",
                "│                   0.2  −0.1   0.3   0.2      0.9          ·                  │",
                "│ scale:  W₂ ±0.3  a₁ ±1.2  z₂ ±0.495                    −  0  +   read written│",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ Formula ────────────────────────────────────────────────────────────────────┐",
                "│ z₂ = W₂·a₁                                                                   │",
                "│ z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −0.495                  │",
                "│                                                                              │",
                "│                                                                              │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                " Space play  ←→ step  [ ] phase  g granularity  Tab panels  ? help  q quit",
        ])
    }

    @Test func helpOverlayAt80x24() {
        let screen = backend(Self.small, granularity: .element, steps: 10)
        screen.press(KeyEvent("?"))
        expectScreen(screen, [
                " stepgrad · relu-softmax 3-4-3              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 10 of 77   element   loss ·   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────┐",
                "┏━ Keys · any key closes ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
                "┃ Space             play / pause         c         colour scale mode           ┃",
                "┃ → l n PgDn Enter  next step            t         next theme                  ┃",
                "┃ ← h p PgUp Bksp   previous step        r         reload the file             ┃",
                "┃ ]                 next phase           s         save the session            ┃",
                "┃ [                 previous phase       ? F1      this help                   ┃",
                "┃ Home              start of iteration   Esc       close / unfocus             ┃",
                "┃ End               end of iteration     q Ctrl-C  save and quit               ┃",
                "┃ g                 cycle granularity    click     inspect a cell              ┃",
                "┃ +                 play faster          wheel     step fwd / back             ┃",
                "┃ −                 play slower           −1       negative, paler nearer 0    ┃",
                "┃ f                 fast-forward          0        zero                        ┃",
                "┃ Tab               next panel            +1       positive; full at scale ±   ┃",
                "┃ Shift-Tab         previous panel       name      read by this step           ┃",
                "┃ ↑↓←→ Enter i      move, inspect cell   name      written by this step        ┃",
                "┃ z                 zoom in / out         1.5      the element being computed  ┃",
                "┃ b                 next batch sample     1.5      a value it reads            ┃",
                "┃ v                 numbers / colour      1.5      a student's wrong answer    ┃",
                "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                " Space play  ←→ step  [ ] phase  g granularity  Tab panels  ? help  q quit",
        ])
        screen.press(KeyEvent("x"))
        #expect(!screen.lines.joined().contains("Keys · any key closes"))
    }

    @Test func forwardStepAt160x48() {
        expectScreen(backend(Self.large, steps: 3), [
                " stepgrad · relu-softmax 3-4-3                                                                                              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 3 of 13   operation   loss ·   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│                                                          x       z₁      a₁        z₂       ŷ      y                                                         │",
                "│                                                         0.5       1.2    1.2      0.195        ·   1                                                         │",
                "│                                                          −1     −1.15      0     −0.495        ·   1                                                         │",
                "│                                                           2      0.15   0.15      0.465        ·   0                                                         │",
                "│                                                                   0.9    0.9                                                                                 │",
                "│                                                                     relu               softmax                                                               │",
                "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
                "┌─ z₂ = W₂·a₁ ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│                                                                                         a₁                                                                   │",
                "│                                                                                                                                                              │",
                "│                                                                  W₂                     1.2         z₂                                                       │",
                "│                                                                                                                                                              │",
                "│                                                      0.1     0.2    −0.1     0.1                   0.195                                                     │",
                "│                                                                                           0                                                                  │",
                "│                                                                                                                                                              │",
                "│                                                     −0.2     0.3     0.1    −0.3   ·          =   −0.495                                                     │",
                "│                                                                                        0.15                                                                  │",
                "│                                                                                                                                                              │",
                "│                                                      0.2    −0.1     0.3     0.2                   0.465                                                     │",
                "│                                                                                         0.9                                                                  │",
                "│                                                                                                                                                              │",
                "│ scale:  W₂ ±0.3  a₁ ±1.2  z₂ ±0.495                                                                                                    −  0  +   read written│",
                "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
                "┌─ Formula ────────────────────────────────────────────────────────────────────────────────────────────────────────┐┌─ Iteration 1 ────────────────────────────┐",
                "│ z₂ = W₂·a₁                                                                                                       ││ FORWARD                                  │",
                "│ z₂[0] = 0.1·1.2 + 0.2·0 + (−0.1)·0.15 + 0.1·0.9 = 0.195                                                          ││ ✓ z₁ = W₁·x                              │",
                "│ z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −0.495                                                      ││ ✓ a₁ = relu(z₁)                          │",
                "│ z₂[2] = 0.2·1.2 + (−0.1)·0 + 0.3·0.15 + 0.2·0.9 = 0.465                                                          ││ ▶ z₂ = W₂·a₁                             │",
                "│                                                                                                                  ││   ŷ = softmax(z₂)                        │",
                "│                                                                                                                  ││ LOSS                                     │",
                "│                                                                                                                  ││   L = −Σᵢ yᵢ·ln ŷᵢ                       │",
                "│                                                                                                                  ││ BACKWARD                                 │",
                "│                                                                                                                  ││   dŷ = −y/ŷ                              │",
                "│                                                                                                                  ││   dz₂ = ŷ·Σy − y                         │",
                "│                                                                                                                  ││   dW₂ = dz₂·a₁ᵀ                          │",
                "│                                                                                                                  ││   da₁ = W₂ᵀ·dz₂                          │",
                "│                                                                                                                  ││   dz₁ = da₁ ⊙ relu′(z₁)                  │",
                "│                                                                                                                  ││   dW₁ = dz₁·xᵀ                           │",
                "│                                                                                                                  ││ UPDATE                                   │",
                "│                                                                                                                  ││   W₁′ = W₁ − η·dW₁                       │",
                "│                                                                                                                  ││   W₂′ = W₂ − η·dW₂                       │",
                "│                                                                                                                  ││                                          │",
                "│                                                                                                                  ││                                          │",
                "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────┘",
                " Space play  ←→ step  [ ] phase  g granularity  Tab panels  f fast-forward  ? help  q quit",
        ])
    }

    @Test func elementStepAt160x48() {
        expectScreen(backend(Self.large, granularity: .element, steps: 10), [
                " stepgrad · relu-softmax 3-4-3                                                                                              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 10 of 77   element   loss ·   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│                                                     x         z₁        a₁          z₂         ŷ        y                                                    │",
                "│                                                                                                                                                              │",
                "│                                                                1.2      1.2                                                                                  │",
                "│                                                    0.5                             0.195          ·     1                                                    │",
                "│                                                                                                                                                              │",
                "│                                                              −1.15        0                                                                                  │",
                "│                                                     −1                            −0.495          ·     1                                                    │",
                "│                                                                                                                                                              │",
                "│                                                               0.15     0.15                                                                                  │",
                "│                                                      2                                 ·          ·     0                                                    │",
                "│                                                                                                                                                              │",
                "│                                                                0.9      0.9                                                                                  │",
                "│                                                                                                                                                              │",
                "│                                                                   relu                    softmax                                                            │",
                "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
                "┌─ z₂ = W₂·a₁ ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│                                                                                         a₁                                                                   │",
                "│                                                                                                                                                              │",
                "│                                                                  W₂                     1.2         z₂                                                       │",
                "│                                                                                                                                                              │",
                "│                                                      0.1     0.2    −0.1     0.1                   0.195                                                     │",
                "│                                                                                           0                                                                  │",
                "│                                                                                                                                                              │",
                "│                                                     −0.2     0.3     0.1    −0.3   ·          =   −0.495                                                     │",
                "│                                                                                        0.15                                                                  │",
                "│                                                                                                                                                              │",
                "│                                                      0.2    −0.1     0.3     0.2                       ·                                                     │",
                "│                                                                                         0.9                                                                  │",
                "│                                                                                                                                                              │",
                "│ scale:  W₂ ±0.3  a₁ ±1.2  z₂ ±0.495                                                                                                    −  0  +   read written│",
                "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
                "┌─ Formula ────────────────────────────────────────────────────────────────────────────────────────────────────────┐┌─ Iteration 1 ────────────────────────────┐",
                "│ z₂ = W₂·a₁                                                                                                       ││ FORWARD                                  │",
                "│ z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −0.495                                                      ││ ✓ z₁ = W₁·x                              │",
                "│                                                                                                                  ││ ✓ a₁ = relu(z₁)                          │",
                "│                                                                                                                  ││ ▶ z₂ = W₂·a₁  2/3                        │",
                "│                                                                                                                  ││   ŷ = softmax(z₂)                        │",
                "│                                                                                                                  ││ LOSS                                     │",
                "│                                                                                                                  ││   L = −Σᵢ yᵢ·ln ŷᵢ                       │",
                "│                                                                                                                  ││ BACKWARD                                 │",
                "│                                                                                                                  ││   dŷ = −y/ŷ                              │",
                "│                                                                                                                  ││   dz₂ = ŷ·Σy − y                         │",
                "│                                                                                                                  ││   dW₂ = dz₂·a₁ᵀ                          │",
                "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────┘",
                " Space play  ←→ step  [ ] phase  g granularity  Tab panels  f fast-forward  ? help  q quit",
        ])
    }

    @Test func lossStepAt160x48() {
        expectTop(backend(Self.large, steps: 5), [
                " stepgrad · relu-softmax 3-4-3                                                                                              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 5 of 13   operation   loss 2.757   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│                                                          x       z₁      a₁        z₂       ŷ      y                                                         │",
                "│                                                         0.5       1.2    1.2      0.195   0.3557   1                                                         │",
                "│                                                          −1     −1.15      0     −0.495   0.1784   1                                                         │",
                "│                                                           2      0.15   0.15      0.465   0.4659   0                                                         │",
                "│                                                                   0.9    0.9                                                                                 │",
                "│                                                                     relu               softmax                                                               │",
                "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
                "┌─ L = −Σᵢ yᵢ·ln ŷᵢ ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│                                                                                                                                                              │",
                "│                                                                      ŷ          y                                                                            │",
                "│                                                                                                                                                              │",
                "│                                                                    0.3557       1                                                                            │",
                "│                                                                                              L                                                               │",
                "│                                                                                                                                                              │",
                "│                                                            loss(   0.1784   ,   1   )  =   2.757                                                             │",
                "│                                                                                                                                                              │",
                "│                                                                                                                                                              │",
        ])
    }

    @Test func backwardStepAt160x48() {
        expectTop(backend(Self.large, steps: 7), [
                " stepgrad · relu-softmax 3-4-3                                                                                              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 7 of 13   operation   loss 2.757   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│                                                       x       dz₁       da₁         dz₂       dŷ     y                                                       │",
                "│                                                      0.5          ·         ·     −0.2886   −2.812   1                                                       │",
                "│                                                       −1          ·         ·     −0.6432   −5.605   1                                                       │",
                "│                                                        2          ·         ·      0.9318        0   0                                                       │",
                "│                                                                   ·         ·                                                                                │",
                "│                                                                   relu′                 softmax′                                                             │",
                "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
                "┌─ dz₂ = ŷ·Σy − y ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│                                                                                                                                                              │",
                "│                                                                 ŷ              y            dz₂                                                              │",
                "│                                                                                                                                                              │",
                "│                                                               0.3557           1          −0.2886                                                            │",
                "│                                                                                                                                                              │",
                "│                                                                                                                                                              │",
                "│                                                           (   0.1784   ·Σy −   1   )  =   −0.6432                                                            │",
                "│                                                                                                                                                              │",
                "│                                                                                                                                                              │",
                "│                                                               0.4659           0           0.9318                                                            │",
                "│                                                                                                                                                              │",
                "│                                                                                                                                                              │",
                "│                                                                                                                                                              │",
        ])
    }

    @Test func updateStepAt160x48() {
        let screen = backend(Self.large)
        screen.press(KeyEvent(.end))
        expectTop(screen, [
                " stepgrad · relu-softmax 3-4-3                                                                                              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 13 of 13   operation   loss 2.757   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│                                                       x       dz₁       da₁         dz₂       dŷ     y                                                       │",
                "│                                                      0.5     0.2861    0.2861     −0.2886   −2.812   1                                                       │",
                "│                                                       −1          0   −0.3439     −0.6432   −5.605   1                                                       │",
                "│                                                        2     0.2441    0.2441      0.9318        0   0                                                       │",
                "│                                                              0.3505    0.3505                                                                                │",
                "│                                                                   relu′                 softmax′                                                             │",
                "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
                "┌─ W₂′ = W₂ − η·dW₂ ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│                                                                                                                                                              │",
                "│                        W₂                                             dW₂                                                W₂′                                 │",
                "│                                                                                                                                                              │",
                "│            0.1     0.2    −0.1     0.1             −0.3464           0     −0.0433     −0.2598         0.1346         0.2    −0.09567       0.126            │",
                "│                                                                                                                                                              │",
                "│                                                                                                                                                              │",
                "│           −0.2     0.3     0.1    −0.3   − 0.1·    −0.7718           0    −0.09648     −0.5789   =    −0.1228         0.3      0.1096     −0.2421            │",
                "│                                                                                                                                                              │",
                "│                                                                                                                                                              │",
                "│            0.2    −0.1     0.3     0.2               1.118           0      0.1398      0.8387        0.08818        −0.1       0.286      0.1161            │",
                "│                                                                                                                                                              │",
                "│                                                                                                                                                              │",
                "│                                                                                                                                                              │",
        ])
    }

    @Test func helpOverlayAt160x48() {
        let screen = backend(Self.large, granularity: .element, steps: 10)
        screen.press(KeyEvent("?"))
        expectTop(screen, [
                " stepgrad · relu-softmax 3-4-3                                                                                              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 10 of 77   element   loss ·   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│                                                     x         z₁        a₁          z₂         ŷ        y                                                    │",
                "│                                                                                                                                                              │",
                "│                                                                1.2      1.2                                                                                  │",
                "│                                                    0.5┏━ Keys · any key closes ━━━━━━━━━━━━━━━━━━━━━━┓  1                                                    │",
                "│                                                       ┃ Space             play / pause               ┃                                                       │",
                "│                                                       ┃ → l n PgDn Enter  next step                  ┃                                                       │",
                "│                                                     −1┃ ← h p PgUp Bksp   previous step              ┃  1                                                    │",
                "│                                                       ┃ ]                 next phase                 ┃                                                       │",
                "│                                                       ┃ [                 previous phase             ┃                                                       │",
                "│                                                      2┃ Home              start of iteration         ┃  0                                                    │",
                "│                                                       ┃ End               end of iteration           ┃                                                       │",
                "│                                                       ┃ g                 cycle granularity          ┃                                                       │",
                "│                                                       ┃ +                 play faster                ┃                                                       │",
                "│                                                       ┃ −                 play slower                ┃                                                       │",
                "└───────────────────────────────────────────────────────┃ f                 fast-forward               ┃───────────────────────────────────────────────────────┘",
                "┌─ z₂ = W₂·a₁ ──────────────────────────────────────────┃ Tab               next panel                 ┃───────────────────────────────────────────────────────┐",
                "│                                                       ┃ Shift-Tab         previous panel             ┃                                                       │",
                "│                                                       ┃ ↑↓←→ Enter i      move, inspect cell         ┃                                                       │",
                "│                                                       ┃ z                 zoom in / out              ┃                                                       │",
                "│                                                       ┃ b                 next batch sample          ┃                                                       │",
                "│                                                      0┃ v                 numbers / colour           ┃95                                                     │",
                "│                                                       ┃ c                 colour scale mode          ┃                                                       │",
                "│                                                       ┃ t                 next theme                 ┃                                                       │",
                "│                                                     −0┃ r                 reload the file            ┃95                                                     │",
                "│                                                       ┃ s                 save the session           ┃                                                       │",
                "│                                                       ┃ ? F1              this help                  ┃                                                       │",
                "│                                                      0┃ Esc               close / unfocus            ┃ ·                                                     │",
                "│                                                       ┃ q Ctrl-C          save and quit              ┃                                                       │",
                "│                                                       ┃ click             inspect a cell             ┃                                                       │",
                "│ scale:  W₂ ±0.3  a₁ ±1.2  z₂ ±0.495                   ┃ wheel             step fwd / back            ┃                                 −  0  +   read written│",
                "└───────────────────────────────────────────────────────┃  −1               negative, paler nearer 0   ┃───────────────────────────────────────────────────────┘",
                "┌─ Formula ─────────────────────────────────────────────┃  0                zero                       ┃───────────┐┌─ Iteration 1 ────────────────────────────┐",
                "│ z₂ = W₂·a₁                                            ┃  +1               positive; full at scale ±  ┃           ││ FORWARD                                  │",
                "│ z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −┃ name              read by this step          ┃           ││ ✓ z₁ = W₁·x                              │",
                "│                                                       ┃ name              written by this step       ┃           ││ ✓ a₁ = relu(z₁)                          │",
                "│                                                       ┃  1.5              the element being computed ┃           ││ ▶ z₂ = W₂·a₁  2/3                        │",
                "│                                                       ┃  1.5              a value it reads           ┃           ││   ŷ = softmax(z₂)                        │",
        ])
    }

    /// Below 80×24 the screen asks to be enlarged rather than squeezing the panels.
    @Test func tooSmallTerminal() {
        expectScreen(TestBackend(program: Fixtures.screen(), size: Size(width: 60, height: 20)), [
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "           enlarge the terminal to at least 80×24",
                "                        (now 60×20)",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
        ])
        for size in [Size(width: 79, height: 24), Size(width: 80, height: 23)] {
            let screen = TestBackend(program: Fixtures.screen(), size: size)
            #expect(screen.lines.contains { $0.contains("enlarge the terminal to at least 80×24") })
        }
    }

    /// Without colour, colour-only cells (`v`) carry sign and magnitude in characters: x = (0.5, −1, 2)
    /// on its scale of ±2 is a quarter, a half and all of it.
    @Test func monoColourOnlyAt80x24() {
        let screen = monoScreen(Self.small)
        expectScreen(screen, [
                " stepgrad · relu-softmax 3-4-3              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 3 of 13   operation   loss ·   ‖ paused 2 steps/s",
                "┌─ Network ────────────────────────────────────────────────────────────────────┐",
                "│                          x    z₁  a₁    z₂   ŷ   y                           │",
                "│                         +░    +█  +█    +▒   ·  +█                           │",
                "│                         −▒    −█        −█   ·  +█                           │",
                "│                         +█    +░  +░    +█   ·                               │",
                "│                               +▓  +▓                                         │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ z₂ = W₂·a₁ ─────────────────────────────────────────────────────────────────┐",
                "│                                          a₁                                  │",
                "│                                W₂        +█    z₂                            │",
                "│                           +▒ +▓ −▒ +▒          +▒                            │",
                "│                           −▓ +█ +▒ −█  · +░  = −█                            │",
                "│                           +▓ −▒ +█ +▓    +▓    +█                            │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ Formula ────────────────────────────────────────────────────────────────────┐",
                "│ z₂ = W₂·a₁                                                                   │",
                "│ z₂[0] = 0.1·1.2 + 0.2·0 + (−0.1)·0.15 + 0.1·0.9 = 0.195                      │",
                "│ z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −0.495                  │",
                "│ z₂[2] = 0.2·1.2 + (−0.1)·0 + 0.3·0.15 + 0.2·0.9 = 0.465                      │",
                "│                                                                              │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                " Space play  ←→ step  [ ] phase  g granularity  Tab panels  ? help  q quit",
        ])
    }

    @Test func monoColourOnlyAt160x48() {
        expectTop(monoScreen(Self.large), [
                " stepgrad · relu-softmax 3-4-3                                                                                              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 3 of 13   operation   loss ·   ‖ paused 2 steps/s",
                "┌─ Network ─────────────────────────────────────────┐┌─ z₂ = W₂·a₁ ────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│             x    z₁  a₁    z₂   ŷ   y             ││                                                       a₁                                                │",
                "│                                                   ││                                                                                                         │",
                "│                                                   ││                                                                                                         │",
                "│                  +█  +█                           ││                                             W₂        +█    z₂                                          │",
                "│                                                   ││                                                                                                         │",
                "│            +░              +▒   ·  +█             ││                                                                                                         │",
                "│                                                   ││                                        +▒ +▓ −▒ +▒          +▒                                          │",
                "│                                                   ││                                                                                                         │",
                "│                  −█                               ││                                                                                                         │",
                "│                                                   ││                                                                                                         │",
                "│            −▒              −█   ·  +█             ││                                                                                                         │",
                "│                                                   ││                                        −▓ +█ +▒ −█  ·     = −█                                          │",
                "│                                                   ││                                                                                                         │",
                "│                  +░  +░                           ││                                                       +░                                                │",
                "│                                                   ││                                                                                                         │",
                "│            +█              +█   ·                 ││                                                                                                         │",
                "│                                                   ││                                        +▓ −▒ +█ +▓          +█                                          │",
        ])
    }

    private func monoScreen(_ size: Size) -> TestBackend<SessionScreen> {
        let mono = TerminalCapabilities(colourDepth: .mono, unicode: true)
        let screen = TestBackend(program: Fixtures.screen(theme: .mono, capabilities: mono), size: size)
        screen.press(KeyEvent(.right), KeyEvent(.right), KeyEvent(.right), KeyEvent("v"))
        return screen
    }
}
