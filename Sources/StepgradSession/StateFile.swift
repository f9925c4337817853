import Foundation
import StepgradEngine
import StepgradScenario

/// Where and how a session is saved between runs: one file per scenario.
///
/// Directory, first found wins: the `stateDirectory` given to `TrainingSession`;
/// `$STEPGRAD_STATE_DIR`; `$XDG_STATE_HOME/stepgrad` (when `XDG_STATE_HOME` is an absolute
/// path, as the XDG base directory specification asks); `~/.local/state/stepgrad`.
///
/// File name: the scenario file's stem and a hash of its absolute path, e.g.
/// `homework3-6f1c0a2b9d4e7f18.state`, so that two `homework.yaml` in different folders
/// keep apart.
///
/// Format: one header line, `stepgrad-state <version> <body bytes> <FNV-1a of the body>`,
/// then a JSON body (scenario path and fingerprint, iteration, cursor, granularity,
/// parameters, optimizer state, loss history, selection, speed). The header tells a
/// truncated file from a damaged one and a newer format from garbage. The file is
/// replaced atomically (temporary file, fsync, rename, fsync of the directory), so a
/// crash while saving leaves the previous state whole.
public enum StateFile {
    /// 2: the loss history is a bounded summary (`LossHistory`), no longer every loss.
    public static let version = 2
    static let magic = "stepgrad-state"

    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["STEPGRAD_STATE_DIR"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/stepgrad" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/stepgrad"
    }

    /// The state file for the scenario at `scenarioPath` (relative paths are taken from the working directory).
    public static func path(forScenarioAt scenarioPath: String, in directory: String) -> String {
        let absolute = absolutePath(scenarioPath)
        let base = URL(fileURLWithPath: absolute).deletingPathExtension().lastPathComponent
        let stem = String(base.unicodeScalars.map { isSafe($0) ? Character($0) : "_" }.prefix(40))
        return directory + "/" + (stem.isEmpty ? "scenario" : stem) + "-" + FNV1a(absolute.utf8).hex + ".state"
    }

    static func absolutePath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
    }

    /// What training depends on — network, initial parameters, data — hashed, so that a state
    /// saved for another version of the scenario is recognised. Title and answers are left out:
    /// a student filling in answers keeps their place.
    public static func fingerprint(of scenario: Scenario) -> String {
        var hash = FNV1a()
        for part in [String(reflecting: scenario.network), String(reflecting: scenario.parameters),
                     String(reflecting: scenario.batch)] {
            hash.add(part.utf8)
            hash.add([0])
        }
        return hash.hex
    }

    static func encode(_ saved: SavedSession) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return framed(try encoder.encode(saved))
    }

    /// A state file of this body: the header line (its length and checksum), then the body.
    public static func framed(_ body: Data) -> Data {
        Data("\(magic) \(version) \(body.count) \(FNV1a(body).hex)\n".utf8) + body
    }

    static func read(_ path: String) -> Result<SavedSession, StateFileError> {
        guard FileManager.default.fileExists(atPath: path) else { return .failure(.missing(path: path)) }
        do {
            return decode(try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        } catch {
            return .failure(.unreadable(path: path, reason: (error as NSError).localizedDescription))
        }
    }

    static func decode(_ data: Data, path: String) -> Result<SavedSession, StateFileError> {
        let magic = Data((Self.magic + " ").utf8)
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")) else {
            let started = data.isEmpty || magic.starts(with: data) || data.starts(with: magic)
            return .failure(started ? .truncated(path: path, detail: "it ends within its first line")
                                    : .notAStateFile(path: path))
        }
        guard data.starts(with: magic), let header = String(data: data[..<newline], encoding: .utf8) else {
            return .failure(.notAStateFile(path: path))
        }
        let fields = header.split(separator: " ").map(String.init)
        guard fields.count >= 2 else { return .failure(.corrupt(path: path, detail: "its first line is incomplete")) }
        guard fields[1] == String(version) else { return .failure(.unsupportedVersion(path: path, found: fields[1])) }
        guard fields.count == 4, let length = Int(fields[2]), length >= 0 else {
            return .failure(.corrupt(path: path, detail: "its first line is malformed"))
        }
        let body = data[(newline + 1)...]
        if body.count < length {
            return .failure(.truncated(path: path, detail: "\(body.count) of \(length) bytes"))
        }
        guard body.count == length else {
            return .failure(.corrupt(path: path, detail: "\(body.count - length) bytes more than its header says"))
        }
        guard FNV1a(body).hex == fields[3] else {
            return .failure(.corrupt(path: path, detail: "its checksum does not match its content"))
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return .success(try decoder.decode(SavedSession.self, from: Data(body)))
        } catch let error as DecodingError {
            return .failure(.corrupt(path: path, detail: error.summary))
        } catch {
            return .failure(.corrupt(path: path, detail: "\(error)"))
        }
    }
}

extension DecodingError {
    /// Where and what, without Swift's type names.
    var summary: String {
        let (context, what): (Context, String) = switch self {
        case .keyNotFound(let key, let c): (c, "\(key.stringValue) is missing")
        case .typeMismatch(_, let c): (c, "a value has the wrong type")
        case .valueNotFound(_, let c): (c, "a value is missing")
        case .dataCorrupted(let c): (c, c.debugDescription)
        @unknown default: (Context(codingPath: [], debugDescription: ""), "unreadable content")
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        return path.isEmpty ? what : "at \(path.drop { $0 == "." }): \(what)"
    }
}
