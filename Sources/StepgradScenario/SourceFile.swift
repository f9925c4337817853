import Foundation

/// Reading a file that a user named: bounded in size, and every failure a `ScenarioError`.
enum SourceFile {
    /// The name that stands for standard input, as in most command-line tools.
    static let standardInput = "-"

    static func read(_ path: String) throws -> String {
        if path == standardInput {
            let data: Data
            do {
                data = try FileHandle.standardInput.read(upToCount: ScenarioLimits.fileBytes + 1) ?? Data()
            } catch {
                throw ScenarioError(path: path, message: "standard input cannot be read: \(SystemError.describe(errno))")
            }
            return try text(data, path: path)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(path: path, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ScenarioError(path: path, message: "is a directory, not a scenario file")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ScenarioError(path: path, message: "cannot be read: \(SystemError.describe(errno))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let data: Data
        do {
            data = try handle.read(upToCount: ScenarioLimits.fileBytes + 1) ?? Data()
        } catch {
            throw ScenarioError(path: path, message: "cannot be read: \(SystemError.describe(errno))")
        }
        return try text(data, path: path)
    }

    /// The bytes as text, or an error placing the first byte that is not UTF-8.
    static func text(_ data: Data, path: String?) throws -> String {
        guard data.count <= ScenarioLimits.fileBytes else {
            throw ScenarioError(path: path, message: "the file is larger than 1 MiB "
                                + "(\(ScenarioLimits.fileBytes.grouped) bytes); stepgrad reads at most that much")
        }
        if let text = String(data: data, encoding: .utf8) { return text }
        let bad = firstInvalidUTF8(data)
        let line = data.prefix(bad.offset).count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = data.prefix(bad.offset).lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? data.startIndex
        let column = String(decoding: data[lineStart..<(data.startIndex + bad.offset)], as: UTF8.self).unicodeScalars.count + 1
        throw ScenarioError(path: path, line: line, column: column,
                            message: "the file is not UTF-8 text: the byte at offset \(bad.offset) "
                                + "(0x\(String(bad.byte, radix: 16, uppercase: true))) is not valid UTF-8")
    }

    /// The offset (from 0) and value of the first byte that does not begin a valid UTF-8 sequence.
    private static func firstInvalidUTF8(_ data: Data) -> (offset: Int, byte: UInt8) {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar): offset += scalar.count
            case .error:
                return (offset, data[data.startIndex + offset])
            case .emptyInput: return (offset, 0)
            }
        }
    }
}
