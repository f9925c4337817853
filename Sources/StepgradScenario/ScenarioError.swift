/// A problem with a scenario, answers file or exercise name, placed like a compiler
/// diagnostic so that an editor can jump to it: `path:line:column: message`.
public struct ScenarioError: Error, CustomStringConvertible, Equatable, Sendable {
    public var path: String?
    /// 1-based; `nil` when the problem has no place in the file (a missing file, an unknown exercise).
    public var line: Int?
    /// 1-based, counted in Unicode scalars as libyaml does.
    public var column: Int?
    public var message: String

    public init(path: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    init(_ message: String, at position: Position?) {
        self.init(line: position?.line, column: position?.column, message: message)
    }

    public var description: String {
        let place = [path, line.map(String.init), line == nil ? nil : column.map(String.init)].compactMap { $0 }
        return place.isEmpty ? message : place.joined(separator: ":") + ": " + message
    }

    /// The same error, attributed to the file it came from unless it names its own (a CSV file's).
    func located(in path: String?) -> ScenarioError {
        var error = self
        error.path = error.path ?? path
        return error
    }
}

/// A place in a text file, 1-based.
struct Position: Hashable, Sendable {
    var line: Int
    var column: Int
    static let start = Position(line: 1, column: 1)
}
