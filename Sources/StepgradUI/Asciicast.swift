import Foundation
import TerminalUI

/// A replay written as asciicast v2 (asciinema's format): a header line, then one event
/// `[seconds, "o", text]` per recorded place — the escape sequences that turn the previous frame
/// into this one, drawn at `size` — at the time the place was recorded.
@MainActor
public enum Asciicast {
    /// Draws every place of `replay` in order and returns the file's bytes and the frames drawn.
    public static func export(_ replay: ReplayScreen, size: Size, title: String, depth: ColourDepth) async -> (data: Data, frames: [Grid]) {
        var renderer = EscapeSequenceScreen(depth: depth, unicode: true)
        let term = depth == .trueColour ? "xterm-direct" : depth == .palette256 ? "xterm-256color" : "xterm"
        var text = json(["version": 2, "width": size.width, "height": size.height, "title": title,
                         "env": ["TERM": term]] as [String: Any]) + "\n"
        var frames: [Grid] = []
        let glyphs = Glyphs.forLocale(unicode: true)
        for index in 0..<replay.placeCount {
            if let training = replay.go(to: index) { _ = await training.value }
            let frame = replay.screen.frame(size: size, glyphs: glyphs)
            var bytes = renderer.update(to: frame)
            if index == 0 { bytes = Array("\u{1B}[?25l".utf8) + bytes }   // no cursor over the frames
            let time = String(format: "%.3f", replay.places[index].time)
            text += "[\(time), \"o\", " + json(String(decoding: bytes, as: UTF8.self)) + "]\n"
            frames.append(frame)
        }
        return (Data(text.utf8), frames)
    }

    private static func json(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
