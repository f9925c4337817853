import Crypto
import Foundation
import NIOSSH

/// The server's Ed25519 host key: made on first run, kept as its 32 raw bytes in a file only the
/// user can read (0600), so that students' `known_hosts` entries stay valid from one lecture to the next.
public struct HostKey {
    public let key: NIOSSHPrivateKey
    /// `SHA256:…`, as `ssh` prints it when asking whether to trust the host.
    public let fingerprint: String

    /// The key at `path`, or a new one written there (with its folder) when there is none.
    public static func loadOrCreate(at path: String) throws -> HostKey {
        let signing: Curve25519.Signing.PrivateKey
        if let data = FileManager.default.contents(atPath: path) {
            do { signing = try Curve25519.Signing.PrivateKey(rawRepresentation: data) } catch {
                throw ServeError("the host key \(path) is damaged (\(error)); move it away to make a new one")
            }
        } else {
            signing = Curve25519.Signing.PrivateKey()
            try write(signing.rawRepresentation, to: path)
        }
        let key = NIOSSHPrivateKey(ed25519Key: signing)
        return HostKey(key: key, fingerprint: fingerprint(of: signing.publicKey.rawRepresentation))
    }

    /// SHA-256 of the public key blob as SSH encodes it (string "ssh-ed25519", string key),
    /// base64 without padding.
    static func fingerprint(of publicKey: Data) -> String {
        func string(_ bytes: [UInt8]) -> [UInt8] {
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian, Array.init) + bytes
        }
        let blob = string(Array("ssh-ed25519".utf8)) + string(Array(publicKey))
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.trimmingCharacters(in: CharacterSet(charactersIn: "="))
    }

    /// Creates the file with mode 0600 from the start (never wider, not even briefly); refuses to
    /// replace one that appeared meanwhile.
    private static func write(_ bytes: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ServeError("cannot create the host key \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            unlink(path)
            throw ServeError("cannot write the host key \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// Why `serve` cannot go on: one line for the command line.
public struct ServeError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
