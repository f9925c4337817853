import Foundation
import Testing
import TerminalUI

/// `open --record`, then `replay` at another size and theme, then `replay --asciicast` played back
/// by asciinema's own `asciinema cat`: the same steps, in order, every time.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)"))
struct RecordReplayTests {
    static let asciinema = ["/usr/bin/asciinema", "/usr/local/bin/asciinema"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func recordAtOneSizeReplayAtAnotherThenAsAnAsciicast() throws {
        let binary = try #require(StepgradProcess.executable, "stepgrad is built beside the tests").path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("lecture.rec").path

        // Recorded at 120×40: four steps by operation, then element granularity (z₁, a₁, z₂, ŷ: 14 elements).
        let run = try StepgradInShell(width: 120, height: 40, arguments: "--record \(recording)")
        try run.tmux.waitForText("step 0 of 13")
        for step in 1...4 {
            try run.tmux.sendKeys("Right")
            try run.tmux.waitForText("step \(step) of 13")
        }
        try run.tmux.sendKeys("g")
        try run.tmux.waitForText("step 14 of 77")
        try run.tmux.sendKeys("q")
        #expect(try run.waitForExitStatus() == 0)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: recording)[.size] as? Int)
        #expect(size < 3000, "a scenario and a few places: \(size) bytes")

        // Replayed at 80×24 in the light theme: the same steps in order.
        let replay = try TmuxSession(width: 80, height: 24, command: "\(binary) replay \(recording) --theme light; echo replay status $?; sleep 30")
        defer { replay.close() }
        try replay.waitForText("replay 1/")
        try replay.waitForText("step 0 of 13")
        for step in 1...4 {
            try replay.sendKeys("Right")
            try replay.waitForText("step \(step) of 13")
        }
        try replay.sendKeys("End")
        try replay.waitForText("step 14 of 77")
        try replay.sendKeys("Home")
        try replay.waitForText("step 0 of 13")
        try replay.sendKeys("q")
        try replay.waitForText("replay status 0")

        // Exported, and played by asciinema: each frame in order, and the last one on screen.
        let cast = folder.appendingPathComponent("lecture.cast").path
        let export = try StepgradProcess.run(["replay", recording, "--asciicast", cast, "--size", "100x30"])
        #expect(export.status == 0 && export.output.contains("steps at 100×30"), "\(export)")
        let again = try StepgradProcess.run(["replay", recording, "--asciicast", cast])
        #expect(again.status == 2 && again.error.contains("exists"), "an asciicast is not replaced without --force")

        guard let asciinema = Self.asciinema else {
            Issue.record("asciinema is not installed (apt-get install asciinema): the cast was not played")
            return
        }
        // asciinema 2's cat reads /dev/tty (to stop on Ctrl-C): util-linux's script gives it a terminal.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            Issue.record("script (util-linux) is not installed: asciinema cat needs a terminal")
            return
        }
        let played = try Subprocess.run("/usr/bin/script", ["-q", "-e", "-c", "\(asciinema) cat \(cast)", "/dev/null"],
                                        environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": folder.path], scratch: folder)
        #expect(played.status == 0, "\(played.errors)")
        var terminal = TerminalEmulator(size: Size(width: 100, height: 30))
        var seen: [String] = []
        let events = try String(contentsOfFile: cast, encoding: .utf8).split(separator: "\n").dropFirst()
        var concatenated = ""
        for event in events {
            let fields = try #require(try JSONSerialization.jsonObject(with: Data(event.utf8)) as? [Any])
            let text = try #require(fields[2] as? String)
            concatenated += text
            terminal.feed(Array(text.utf8))
            if let step = terminal.screen.lines[1].firstMatch(of: /step \d+ of \d+/) { seen.append(String(step.output)) }
        }
        #expect(played.output == concatenated, "asciinema cat writes the frames as exported")
        #expect(seen == ["step 0 of 13", "step 1 of 13", "step 2 of 13", "step 3 of 13", "step 4 of 13", "step 14 of 77"])
        var fromCat = TerminalEmulator(size: Size(width: 100, height: 30))
        fromCat.feed(Array(played.output.utf8))
        #expect(fromCat.screen.lines == terminal.screen.lines)
        #expect(fromCat.screen.lines[1].contains("step 14 of 77"))
    }

    @Test(arguments: [
        ("{\"stepgrad-recording\": 1, \"scenario\": \"title: x\"}\n[0, 1, 0, 0, \"operation\"]\n", ":1: the recorded scenario: "),
        ("not a recording\n", ":1: not a stepgrad recording"),
    ])
    func aDamagedRecordingIsAClearErrorNotATrap(_ content: String, _ expected: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-damaged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.rec").path
        try content.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try StepgradProcess.run(["replay", file, "--asciicast", folder.appendingPathComponent("out.cast").path])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("stepgrad: \(file)\(expected)"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.cast").path))
    }
}
