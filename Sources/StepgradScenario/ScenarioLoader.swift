import Foundation

/// Reads scenario files (YAML, or JSON, which is YAML).
public enum ScenarioLoader {
    public static func load(path: String) throws -> Scenario {
        try parse(SourceFile.read(path), path: path)
    }

    /// - Parameter path: where the text came from, for messages and the default title.
    public static func parse(_ text: String, path: String? = nil) throws -> Scenario {
        do {
            return try ScenarioDecoder.decode(YAMLNode.parse(text), path: path)
        } catch let error as ScenarioError {
            throw error.located(in: path)
        }
    }
}

/// Reads answers files: the top level holds what a scenario's `answers:` section holds.
public enum AnswersLoader {
    public static func load(path: String, for scenario: Scenario) throws -> Answers {
        try parse(SourceFile.read(path), path: path, for: scenario)
    }

    public static func parse(_ text: String, path: String? = nil, for scenario: Scenario) throws -> Answers {
        do {
            guard let root = try YAMLNode.parse(text) else {
                throw ScenarioError("the answers file is empty; write one line per quantity, like 'z1: [1.2, 0, 0.15]'",
                                    at: .start)
            }
            guard case .mapping = root.content else {
                throw ScenarioError("an answers file must be a mapping of quantity names to values "
                                    + "(like 'z1: [1.2, 0, 0.15]'), found \(root.kindDescription)", at: root.position)
            }
            var answers = try AnswersDecoder.decode(root, for: scenario)
            answers.path = path
            return answers
        } catch let error as ScenarioError {
            throw error.located(in: path)
        }
    }
}

/// Reading a file that a user named: bounded in size, and every failure a `ScenarioError`.
enum SourceFile {
    static func read(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(path: path, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ScenarioError(path: path, message: "is a directory, not a scenario file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ScenarioError(path: path, message: "cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: ScenarioLimits.fileBytes + 1) ?? Data()
        } catch {
            throw ScenarioError(path: path, message: "cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= ScenarioLimits.fileBytes else {
            throw ScenarioError(path: path, message: "the file is larger than 1 MiB "
                                + "(\(ScenarioLimits.fileBytes.grouped) bytes); stepgrad reads at most that much")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(path: path, message: "the file is not UTF-8 text")
        }
        return text
    }
}
