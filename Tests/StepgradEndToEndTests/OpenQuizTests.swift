import Foundation
import Testing

/// `stepgrad open --quiz` as a student runs it: asked before each value is revealed, marked as
/// `check` marks, the score printed once the terminal is restored. z₁[0] = 0.2·0.5 + 0.3 + 0.8 = 1.2
/// by hand, and a₁[0] = relu(z₁[0]) = 1.2.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)"))
struct OpenQuizTests {
    @Test func aStudentAnswersBeforeEachRevealAndGetsAScore() throws {
        let run = try StepgradInShell(width: 100, height: 30, arguments: "--quiz")
        try run.tmux.waitForText("step 0 of 13")
        try run.tmux.sendKeys("Right")
        try run.tmux.waitForText("Predict the value")
        try run.tmux.waitForText("z₁[0] = 0.2·0.5 + (−0.3)·(−1) + 0.4·2 = ?")
        #expect(try run.tmux.screen().joined().contains("step 0 of 13"), "nothing is revealed before the answer")

        try run.tmux.type("1.2")
        try run.tmux.sendKeys("Enter")
        try run.tmux.waitForText("z₁[0] = 1.2: correct; it is 1.2. Score 1 of 1.")
        try run.tmux.waitForText("step 1 of 13")

        try run.tmux.sendKeys("Right")
        try run.tmux.waitForText("a₁[0] = max(0, 1.2) = ?")
        try run.tmux.type("−1.2")   // a typographic minus (tmux takes a leading - for a flag)
        try run.tmux.sendKeys("Enter")
        try run.tmux.waitForText("a₁[0] = -1.2: wrong: sign error; it is 1.2. Score 1 of 2.")
        try run.tmux.waitForText("step 2 of 13")

        try run.tmux.sendKeys("q")
        #expect(try run.waitForExitStatus() == 0)
        try run.tmux.waitForText("Quiz: 1 of 2 right.")
        let modes = try run.terminalModes()
        #expect(modes.before == modes.after)
    }
}
