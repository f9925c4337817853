#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An operating-system error number in words a user reads mid-sentence ("is a directory",
/// "permission denied"), instead of Foundation's "The operation could not be completed
/// (NSCocoaErrorDomain error 512)".
public enum SystemError {
    public static func describe(_ code: Int32) -> String {
        switch code {
        case EISDIR: return "is a directory"
        case ENOENT: return "no such file or directory"
        case EACCES, EPERM: return "permission denied"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }
}
