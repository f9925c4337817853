import Foundation
import Testing

/// The quiz over SSH with real OpenSSH clients: the lecturer puts the next element to the room,
/// students type answers in their own terminals, the lecturer's console shows the histogram, and
/// revealing steps everyone on. z₁[0] = 0.2·0.5 + (−0.3)·(−1) + 0.4·2 = 1.2 by hand; 1.3 is W₁[0,0]
/// = 0.2 read as its neighbour 0.4.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)"),
       .enabled(if: sshClient != nil, "ssh is not installed (apt-get install openssh-client)"))
struct ServeQuizTests {
    @Test func viewersAnswerAndTheLecturerSeesTheHistogram() throws {
        let recordings = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-serve-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: recordings, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: recordings) }
        let recording = recordings.appendingPathComponent("lecture.rec").path
        let lecture = try Lecture(arguments: "--record \(recording)")
        defer { lecture.end() }
        let viewers = try [(80, 24), (120, 40), (100, 30)].map { try lecture.viewer(width: $0.0, height: $0.1) }
        for viewer in viewers { try viewer.waitForText("step 0 of 13") }
        try lecture.console.waitForText("3 following")

        try lecture.console.sendKeys("a")
        try lecture.console.waitForText("Quiz: z₁[0] · 0 of 3 answered")
        for viewer in viewers { try viewer.waitForText("z₁[0] = 0.2·0.5 + (−0.3)·(−1) + 0.4·2 = ?") }

        try viewers[0].type("1.2")
        try viewers[0].sendKeys("Enter")
        try viewers[0].waitForText("z₁[0] = 1.2  correct")
        try viewers[1].type("1.3")
        try viewers[1].sendKeys("Enter")
        try viewers[1].waitForText("z₁[0] = 1.3  wrong: misread a number")
        try viewers[2].type("−1.2")
        try viewers[2].sendKeys("Enter")
        try viewers[2].waitForText("wrong: sign error")

        try lecture.console.waitForText("Quiz: z₁[0] · 3 of 3 answered")
        let console = try lecture.console.screen().map { $0.split(separator: " ").joined(separator: " ") }
        for bar in ["┃ correct 1 █", "┃ wrong: misread a number 1 █", "┃ wrong: sign error 1 █"] {
            #expect(console.contains { $0.contains(bar) }, "\(bar): \(console.joined(separator: "\n"))")
        }
        #expect(try lecture.console.screen().joined().contains("step 0 of 13"), "answers do not move the lecturer")

        try lecture.console.sendKeys("a")   // reveal
        for viewer in viewers { try viewer.waitForText("step 1 of 13") }
        #expect(try !viewers[0].screen().joined().contains("Predict the value"))
        try lecture.console.sendKeys("q")
        try lecture.console.waitForText("serve status 0")

        // --record kept the lecture: the start, and the step the reveal took.
        let cast = recordings.appendingPathComponent("lecture.cast").path
        let export = try StepgradProcess.run(["replay", recording, "--asciicast", cast])
        #expect(export.status == 0 && export.output.contains("Wrote \(cast): 2 steps"), "\(export)")
    }
}
