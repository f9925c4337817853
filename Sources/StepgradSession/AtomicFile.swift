import Foundation
import StepgradScenario
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file so that a crash at any moment leaves either the old file or the new
/// one, whole: a temporary file in the same directory, flushed to disk, then renamed (or
/// linked) into place, and the directory entry flushed. Used for state files and for every
/// file `stepgrad new` writes.
public enum AtomicFile {
    /// What to do when the file is already there.
    public enum Existing: Sendable {
        case replace
        /// Fail with `FileWriteError.exists`; decided by the kernel at the moment of linking,
        /// so a file made meanwhile is not overwritten either.
        case refuse
    }

    /// Writes `data` at `path`. A symbolic link at `path` is followed and its target written, so
    /// the link stays a link. With `creatingDirectory`, missing directories are made, private
    /// to the user.
    public static func write(_ data: Data, to path: String, existing: Existing,
                             creatingDirectory: Bool = false) throws(FileWriteError) {
        let target = try resolvingLinks(path)
        func failure(_ what: String) -> FileWriteError { .failed(path: path, reason: "\(what): \(SystemError.describe(errno))") }
        if existing == .refuse, lstatExists(target) { throw .exists(path: path) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .failed(path: path, reason: "is a directory")
        }
        let directory = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        if creatingDirectory { try makeDirectories(directory, for: path) }

        var template = Array((target + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure("cannot create a temporary file in \(directory)") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var placed = false
        defer { if !placed { unlink(temporary) } }
        // mkstemp makes the file 0600; a written file gets the usual mode under the umask.
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)

        let complete = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
        guard complete, fsync(fd) == 0 else {
            let error = failure("cannot write \(temporary)")
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw failure("cannot write \(temporary)") }
        switch existing {
        case .replace:
            guard rename(temporary, target) == 0 else { throw failure("cannot rename \(temporary)") }
            placed = true
        case .refuse:
            // link(2), unlike rename(2), fails when the name is taken.
            guard link(temporary, target) == 0 else {
                if errno == EEXIST { throw .exists(path: path) }
                throw failure("cannot link \(temporary)")
            }
        }
        let directoryFD = open(directory, O_RDONLY)
        guard directoryFD >= 0 else { throw failure("cannot flush \(directory)") }
        defer { close(directoryFD) }
        guard fsync(directoryFD) == 0 else { throw failure("cannot flush \(directory)") }
    }

    /// Removes temporary files that a save killed midway left in `directory` (named like
    /// `NAME.state.XXXXXX`), once they are old enough that no running save can own them.
    public static func removeLeftovers(in directory: String, suffix: String, olderThan age: TimeInterval = 60) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let now = Date()
        for name in names where isTemporary(name, of: suffix) {
            let path = directory + "/" + name
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > age else { continue }
            unlink(path)
        }
    }

    /// Whether `name` is `SOMETHING` + `suffix` + `.XXXXXX`, as `mkstemp` makes them.
    static func isTemporary(_ name: String, of suffix: String) -> Bool {
        let tail = name.utf8.suffix(7)
        guard name.utf8.count > suffix.utf8.count + 7, tail.first == UInt8(ascii: "."),
              tail.dropFirst().allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                  || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return false }
        return name.utf8.dropLast(7).reversed().starts(with: suffix.utf8.reversed())
    }

    private static func lstatExists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The absolute path of the file that writing `path` would write: links followed (to a
    /// file that may not exist yet), `.` and `..` resolved. Two paths write one file when
    /// their destinations are equal.
    public static func destination(of path: String) -> String {
        let target = (try? resolvingLinks(path)) ?? path
        let directory = (target as NSString).deletingLastPathComponent
        let resolved = URL(fileURLWithPath: directory.isEmpty ? "." : directory).resolvingSymlinksInPath().standardizedFileURL
        return resolved.appendingPathComponent((target as NSString).lastPathComponent).path
    }

    /// The file a chain of symbolic links at `path` ends at (which may not exist yet).
    private static func resolvingLinks(_ path: String) throws(FileWriteError) -> String {
        var current = path
        for _ in 0..<32 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { throw .failed(path: path, reason: "cannot read the link: \(SystemError.describe(errno))") }
            let destination = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        throw .failed(path: path, reason: SystemError.describe(ELOOP))
    }

    private static func makeDirectories(_ directory: String, for path: String) throws(FileWriteError) {
        var made = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            made += "/" + component
            if mkdir(made, 0o700) != 0 && errno != EEXIST {
                throw .failed(path: path, reason: "cannot create \(made): \(SystemError.describe(errno))")
            }
        }
    }
}
