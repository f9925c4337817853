import Foundation

/// The bundled exercises in `Assets/exercises` (and training examples in `Assets/examples`), in the order of their file names'
/// numeric prefixes (`01-…`, `02-…`), so that the first is the one stepgrad opens by default.
public enum Exercises {
    static let extensions = ["yaml", "yml", "json"]

    public static var all: [Exercise] { listing("exercises") }

    /// The bundled scenarios with `data:` in `Assets/examples`, for `stepgrad train` and the training view.
    public static var trainingExamples: [Exercise] { listing("examples") }

    private static func listing(_ folder: String) -> [Exercise] {
        guard let assets = assetsDirectory else { return [] }
        let directory = (assets as NSString).appendingPathComponent(folder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted().map { file in
            let path = (directory as NSString).appendingPathComponent(file)
            let name = exerciseName(fileName: file)
            return Exercise(name: name, title: title(of: path) ?? name, path: path)
        }
    }

    /// A path to open: `fileOrName` itself when it names a file, else the bundled exercise of that
    /// name (`relu-softmax-3-4-3`, or its file name `01-relu-softmax-3-4-3.yaml`).
    public static func resolve(_ fileOrName: String) throws -> String {
        if fileOrName == SourceFile.standardInput { return fileOrName }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: fileOrName, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw ScenarioError(path: fileOrName, message: "is a directory, not a scenario file")
            }
            return fileOrName
        }
        let exercises = all + trainingExamples
        if let match = exercises.first(where: {
            let file = ($0.path as NSString).lastPathComponent
            return [$0.name, file, (file as NSString).deletingPathExtension].contains(fileOrName)
        }) {
            return match.path
        }
        let looksLikePath = fileOrName.contains("/")
            || extensions.contains((fileOrName as NSString).pathExtension.lowercased())
        guard !exercises.isEmpty else {
            throw ScenarioError(message: "no such file '\(fileOrName)'"
                                + (looksLikePath ? "" : ", and the bundled exercises were not found "
                                   + "(set STEPGRAD_ASSETS to stepgrad's Assets directory)"))
        }
        let names = exercises.map(\.name)
        let listing = " (bundled exercises: \(names.joined(separator: ", ")))"
        guard !looksLikePath else {
            throw ScenarioError(message: "no such file '\(fileOrName)'")
        }
        throw ScenarioError(message: "no file or bundled exercise named '\(fileOrName)'"
                            + Suggestion.clause(for: fileOrName, in: names) + listing)
    }

    /// `01-relu-softmax-3-4-3.yaml` → `relu-softmax-3-4-3`.
    static func exerciseName(fileName: String) -> String {
        let stem = (fileName as NSString).deletingPathExtension
        let digits = stem.prefix { $0.isASCIIDigit }
        let rest = stem.dropFirst(digits.count)
        guard !digits.isEmpty, let separator = rest.first, separator == "-" || separator == "_", rest.count > 1 else {
            return stem
        }
        return String(rest.dropFirst())
    }

    /// The `title:` of a scenario file, read without building the scenario.
    private static func title(of path: String) -> String? {
        guard let text = try? SourceFile.read(path), let root = try? YAMLNode.parse(text),
              case .mapping(let entries) = root.content,
              let node = entries.first(where: { $0.key == "title" })?.value else { return nil }
        return try? node.text("'title'")
    }
}
