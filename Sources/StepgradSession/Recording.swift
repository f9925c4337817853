import Foundation
import StepgradEngine
import StepgradScenario

/// A lecture as `--record` writes it: the scenario's text and the places the session went
/// through, timestamped — not screen bytes, so that a replay draws it at any size and in any theme.
///
/// The file is JSON Lines. The first line is a header, `{"stepgrad-recording": 1, "name": …,
/// "scenario": …}` with the scenario file's text; each further line is a place,
/// `[seconds, iteration, operation, revealed, "granularity"]` (the cursor as `Cursor` spells it),
/// or a reload that changed the scenario, `{"t": seconds, "scenario": …}`. A place is about 30 bytes.
public struct Recording: Hashable, Sendable {
    public struct Place: Hashable, Sendable {
        public var iteration: Int
        public var cursor: Cursor
        public var granularity: Granularity

        public init(iteration: Int, cursor: Cursor, granularity: Granularity) {
            self.iteration = iteration
            self.cursor = cursor
            self.granularity = granularity
        }
    }

    public enum Event: Hashable, Sendable {
        case place(Place)
        /// The scenario was reloaded with this text; the session starts over with it.
        case scenario(String)
    }

    public struct Entry: Hashable, Sendable {
        /// Seconds since the recording started.
        public var time: Double
        public var event: Event

        public init(time: Double, event: Event) {
            self.time = time
            self.event = event
        }
    }

    static let version = 1
    /// The largest recording read: a scenario is at most 1 MiB, an hour of places a few hundred kilobytes.
    static let largestFile = 64 << 20

    /// The scenario's name, for messages and the asciicast's title.
    public var name: String
    public var scenarioText: String
    public var entries: [Entry] = []

    public init(name: String, scenarioText: String) {
        self.name = name
        self.scenarioText = scenarioText
    }

    /// The places only, in order.
    public var places: [(time: Double, place: Place)] {
        entries.compactMap { if case .place(let place) = $0.event { ($0.time, place) } else { nil } }
    }

    public func encoded() -> Data {
        var text = Self.json(["stepgrad-recording": Self.version, "name": name, "scenario": scenarioText]) + "\n"
        for entry in entries {
            let t = String(format: "%.2f", entry.time)
            switch entry.event {
            case .place(let p):
                text += "[\(t),\(p.iteration),\(p.cursor.operation),\(p.cursor.revealed),\"\(p.granularity.rawValue)\"]\n"
            case .scenario(let scenario):
                text += "{\"t\":\(t),\"scenario\":" + Self.json(scenario) + "}\n"
            }
        }
        return Data(text.utf8)
    }

    private static func json(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
