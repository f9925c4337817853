/// Why `AtomicFile` wrote nothing, in words.
public enum FileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Something is already at the path and the caller asked not to replace it.
    case exists(path: String)
    case failed(path: String, reason: String)

    public var path: String {
        switch self {
        case .exists(let path), .failed(let path, _): path
        }
    }

    public var reason: String {
        switch self {
        case .exists: "already exists"
        case .failed(_, let reason): reason
        }
    }

    public var description: String { "cannot write \(path): \(reason)" }
}
