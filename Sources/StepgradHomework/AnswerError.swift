/// An answer file that cannot be judged: the message names the file, line and key, so that a
/// student can find the number to fix, and a grader can report the file and move on.
public struct AnswerError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String?
    public var line: Int?
    public var key: String?
    public var message: String

    public init(path: String?, line: Int?, key: String?, message: String) {
        self.path = path
        self.line = line
        self.key = key
        self.message = message
    }

    /// `answers.yaml:12: dW2: expected 3×4 …`, one line.
    public var description: String {
        var place = path ?? "answers"
        if let line { place += ":\(line)" }
        return "\(place): " + (key.map { "\($0): " } ?? "") + message
    }
}
