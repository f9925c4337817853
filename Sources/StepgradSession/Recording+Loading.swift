import Foundation
import StepgradEngine
import StepgradScenario

/// Why a recording cannot be replayed: one line naming the file and the line in it.
public struct RecordingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String { path + (line.map { ":\($0)" } ?? "") + ": " + message }
}

extension Recording {
    /// Reads a recording and checks every line: the header, each place (a time that does not go
    /// back, an iteration from 1 to 10¹², a cursor inside the iteration of the scenario then in
    /// effect) and each recorded scenario, so that a damaged or edited file is reported, never replayed
    /// into a trap. Returns the recording and the scenarios it uses, in order (the first, then one per reload).
    public static func load(path: String) throws(RecordingError) -> (recording: Recording, scenarios: [Scenario]) {
        func failure(_ message: String, line: Int? = nil) -> RecordingError { RecordingError(path: path, line: line, message: message) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw failure(exists ? "cannot be read" : "no such file")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: largestFile + 1)) ?? Data()
        guard data.count <= largestFile else { throw failure("is larger than \(largestFile >> 20) MiB; not a stepgrad recording") }
        return try parse(data, path: path)
    }

    static func parse(_ data: Data, path: String) throws(RecordingError) -> (recording: Recording, scenarios: [Scenario]) {
        func failure(_ message: String, line: Int?) -> RecordingError { RecordingError(path: path, line: line, message: message) }
        guard let text = String(data: data, encoding: .utf8) else { throw failure("is not UTF-8 text; not a stepgrad recording", line: nil) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, !first.isEmpty,
              let header = try? JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any],
              let version = header["stepgrad-recording"] as? Int else {
            throw failure("not a stepgrad recording (the first line is not its header)", line: 1)
        }
        guard version == Self.version else { throw failure("recording version \(version) is not known (this stepgrad reads \(Self.version))", line: 1) }
        guard let scenarioText = header["scenario"] as? String else { throw failure("the header has no scenario", line: 1) }
        var recording = Recording(name: header["name"] as? String ?? "recording", scenarioText: scenarioText)

        var scenario = try Self.scenario(scenarioText, path: path, line: 1)
        var scenarios = [scenario]
        var layout = TraceLayout(Self.trace(of: scenario))
        var time = 0.0
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let number = index + 1
            guard let value = try? JSONSerialization.jsonObject(with: Data(line.utf8)) else {
                throw failure("not a place or a scenario (not JSON)", line: number)
            }
            let entry: Entry
            if let fields = value as? [Any] {
                guard fields.count == 5, let t = (fields[0] as? NSNumber)?.doubleValue,
                      let iteration = Self.integer(fields[1]), let operation = Self.integer(fields[2]),
                      let revealed = Self.integer(fields[3]),
                      let granularity = (fields[4] as? String).flatMap(Granularity.init(rawValue:)) else {
                    throw failure("a place is [seconds, iteration, operation, revealed, granularity], with granularity phase, operation or element", line: number)
                }
                guard (1...TrainingSession.maximumIteration).contains(iteration) else {
                    throw failure("iteration \(iteration) is outside 1…\(TrainingSession.maximumIteration)", line: number)
                }
                let cursor = Cursor(operation: operation, revealed: revealed)
                guard layout.isValid(cursor) else {
                    throw failure("operation \(operation), element \(revealed) is not a place of the scenario's iteration "
                                  + "(\(layout.quantities.count) operations)", line: number)
                }
                entry = Entry(time: t, event: .place(Place(iteration: iteration, cursor: cursor, granularity: granularity)))
            } else if let fields = value as? [String: Any], let t = (fields["t"] as? NSNumber)?.doubleValue,
                      let text = fields["scenario"] as? String {
                scenario = try Self.scenario(text, path: path, line: number)
                scenarios.append(scenario)
                layout = TraceLayout(Self.trace(of: scenario))
                entry = Entry(time: t, event: .scenario(text))
            } else {
                throw failure("not a place or a scenario", line: number)
            }
            guard entry.time.isFinite, entry.time >= time, entry.time <= 1e9 else {
                throw failure("time \(entry.time) goes back or out of range (the last was \(time))", line: number)
            }
            time = entry.time
            recording.entries.append(entry)
        }
        return (recording, scenarios)
    }

    private static func integer(_ value: Any) -> Int? {
        guard let number = value as? NSNumber, let int = Int(exactly: number.doubleValue) else { return nil }
        return int
    }

    private static func scenario(_ text: String, path: String, line: Int) throws(RecordingError) -> Scenario {
        do {
            let scenario = try ScenarioLoader.parse(text, path: nil)
            try WorkBudget.check(scenario, command: "replay")
            return scenario
        } catch {
            throw RecordingError(path: path, line: line, message: "the recorded scenario: \(error)")
        }
    }

    /// The first iteration of `scenario`, recorded: its layout is every iteration's.
    public static func trace(of scenario: Scenario) -> Trace {
        scenario.network.iterate(scenario.parameters, OptimizerState(), on: scenario.batch).trace
    }
}
