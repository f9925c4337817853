import Foundation

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
