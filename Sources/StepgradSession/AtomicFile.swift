import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum AtomicFile {
    /// Replaces the file at `path` with `data` so that a crash at any moment leaves either the
    /// old file or the new one, whole: writes a temporary file in the same directory, flushes
    /// it to disk, renames it over the old one and flushes the directory entry. Creates the
    /// directory (private to the user) when needed.
    static func replace(_ path: String, with data: Data) throws(StateFileError) {
        func failure(_ what: String) -> StateFileError {
            .unwritable(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
        }
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .unwritable(path: path, reason: "cannot create \(directory): \((error as NSError).localizedDescription)")
        }
        var template = Array((path + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure("cannot create a temporary file in \(directory)") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var written = false
        defer { if !written { unlink(temporary) } }

        let complete = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
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
        guard rename(temporary, path) == 0 else { throw failure("cannot rename \(temporary)") }
        written = true
        let directoryFD = open(directory, O_RDONLY)
        guard directoryFD >= 0 else { throw failure("cannot flush \(directory)") }
        defer { close(directoryFD) }
        guard fsync(directoryFD) == 0 else { throw failure("cannot flush \(directory)") }
    }
}
