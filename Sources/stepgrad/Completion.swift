import ArgumentParser
import Foundation
import StepgradScenario

/// What the shells offer at TAB, computed by stepgrad itself when asked (`custom` completions):
/// for a scenario, the bundled exercises' names and scenario files; for answers, answer files.
/// Directories are offered too, to walk into.
enum Completion {
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    static let scenario = CompletionKind.custom { _, _, prefix in
        walkingInto(Exercises.all.map(\.name).filter { $0.hasPrefix(prefix) } + files(startingWith: prefix))
    }

    static let answers = CompletionKind.custom { _, _, prefix in walkingInto(files(startingWith: prefix)) }

    /// zsh puts a space after a lone candidate, which would end the word at a directory's slash;
    /// a lone directory is offered with what is in it, so zsh completes their common part, the
    /// directory and its slash, and the next TAB goes on inside.
    static func walkingInto(_ candidates: [String]) -> [String] {
        guard CompletionShell.requesting == .zsh, candidates.count == 1, let only = candidates.first, only.hasSuffix("/") else {
            return candidates
        }
        return candidates + files(startingWith: only)
    }

    /// A slash after a directory's name, to walk on into it; bash's script completes names as
    /// file names (`complete -o filenames`), which adds the slash itself.
    static var directorySuffix: String { CompletionShell.requesting == .bash ? "" : "/" }

    /// Files with a scenario's extensions and directories whose path starts with `prefix`, as typed
    /// (relative to the working directory, or absolute). Hidden ones only when asked for by a dot.
    static func files(startingWith prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let typedDirectory = slash.map { String(prefix[...$0]) } ?? ""
        let directory = typedDirectory.isEmpty ? "." : typedDirectory
        let stem = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.sorted().compactMap { name in
            guard name.hasPrefix(stem), !name.hasPrefix(".") || stem.hasPrefix(".") else { return nil }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory)
            if isDirectory.boolValue { return typedDirectory + name + directorySuffix }
            return extensions.contains((name as NSString).pathExtension.lowercased()) ? typedDirectory + name : nil
        }
    }
}
