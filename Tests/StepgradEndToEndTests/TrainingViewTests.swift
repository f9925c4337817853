import Foundation
import Testing

/// `stepgrad open` on a scenario with data, as a user runs it in a pseudo-terminal: train, pause,
/// step through the next mini-batch, resume, change the settings, write the network and quit,
/// reading the screen at each turn.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)"))
struct TrainingViewTests {
    /// The iteration in the header.
    func iteration(_ shell: ProgramInShell) throws -> Int? {
        guard let header = try shell.tmux.screen().first, let range = header.range(of: "iteration ") else { return nil }
        return Int(header[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func trainPauseStepThroughABatchResumeAndQuit() throws {
        let binary = try #require(StepgradProcess.executable, "stepgrad is built beside the tests").path
        // The bundled spiral with more epochs than any machine trains before the test pauses it:
        // at the end of its 60 a fast build would stop by itself, and the test's Space train on.
        let spiral = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Assets/examples/03-spiral.yaml").standardizedFileURL.path
        let shell = try ProgramInShell(width: 120, height: 40) { directory in
            "sed 's/^epochs: 60$/epochs: 100000/' \(spiral) > \(directory)/03-spiral.yaml && cd \(directory) && \(binary) open 03-spiral.yaml"
        }
        defer { shell.tmux.close() }
        try shell.tmux.waitForText("epoch 0/100000 · iteration 0")
        try shell.tmux.waitForText("‖ paused")
        try shell.tmux.waitForText("decision boundary")

        try shell.tmux.sendKeys("Space")
        try shell.tmux.waitForText("▶ training")
        try shell.tmux.wait(for: "some training") { (try iteration(shell) ?? 0) > 20 }
        try shell.tmux.sendKeys("Space")
        try shell.tmux.waitForText("‖ paused")
        let paused = try #require(try iteration(shell))
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try iteration(shell) == paused, "paused training stays put")
        #expect(try shell.tmux.screen().joined().contains("loss: train"))

        try shell.tmux.sendKeys("s")
        try shell.tmux.waitForText("x returns to training")
        try shell.tmux.waitForText("FORWARD › LOSS › BACKWARD › UPDATE")
        try shell.tmux.sendKeys("Right", "Right")
        try shell.tmux.waitForText("step 2 of")

        try shell.tmux.sendKeys("x")
        try shell.tmux.waitForText("Back to training at iteration \(paused)")
        try shell.tmux.sendKeys("Space")
        try shell.tmux.waitForText("▶ training")
        try shell.tmux.wait(for: "training to go on") { (try iteration(shell) ?? 0) > paused }

        // The learning rate changes while training goes on, on the same weights.
        try shell.tmux.sendKeys("+")
        try shell.tmux.waitForText("Learning rate 0.03, from the next mini-batch")
        try shell.tmux.waitForText("rate 0.03 · decay 0 · hidden relu · units [16] 16")
        try shell.tmux.sendKeys("r")
        try shell.tmux.waitForText("rate 0.03 · decay 0.001")
        try shell.tmux.sendKeys("Space")
        try shell.tmux.waitForText("‖ paused")
        // A new activation or unit count is a new network, trained from epoch 0.
        try shell.tmux.sendKeys("a")
        try shell.tmux.waitForText("Activation tanh: new network, fresh weights (seed 1, he), epoch 0")
        try shell.tmux.waitForText("epoch 0/100000 · iteration 0")
        try shell.tmux.sendKeys("l", "u")
        try shell.tmux.waitForText("Layer 2 has 17 units")
        try shell.tmux.waitForText("hidden tanh · units 16 [17]")
        try shell.tmux.sendKeys("e")
        try shell.tmux.waitForText("epoch 1/100000")

        // `w` writes it under a new name, and explain takes the file.
        try shell.tmux.sendKeys("w")
        try shell.tmux.waitForText("Wrote 03-spiral-trained.yaml")
        try shell.tmux.sendKeys("w")
        try shell.tmux.waitForText("Wrote 03-spiral-trained-2.yaml")
        let written = shell.tmux.directory.appendingPathComponent("03-spiral-trained.yaml").path
        let explained = try StepgradProcess.run(["explain", written])
        #expect(explained.status == 0, "\(explained.error)")
        #expect(explained.output.contains("16 tanh → 17 tanh → 2 softmax"))

        try shell.tmux.sendKeys("?")
        try shell.tmux.waitForText("Keys · any key closes")
        try shell.tmux.sendKeys("Escape")
        try shell.tmux.wait(for: "the keys to close") { try !shell.tmux.screen().joined().contains("any key closes") }

        try shell.tmux.sendKeys("q")
        #expect(try shell.waitForExitStatus() == 0)
        let modes = try shell.terminalModes()
        #expect(modes.before == modes.after)
        #expect(try !shell.tmux.isAlternateScreen())
    }
}
