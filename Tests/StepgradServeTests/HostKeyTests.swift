import Foundation
@testable import StepgradServe
import Testing

@Suite struct HostKeyTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-hostkey-\(UUID().uuidString)/state").path

    @Test func madeOnceKeptPrivateAndTheSameNextTime() throws {
        let path = folder + "/host_ed25519"
        let first = try HostKey.loadOrCreate(at: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(first.fingerprint.hasPrefix("SHA256:") && first.fingerprint.count == 7 + 43)
        #expect(try HostKey.loadOrCreate(at: path).fingerprint == first.fingerprint)
    }

    /// RFC 8032's first test key pair: secret 9d61…7f60, public d75a…511a. The fingerprint was
    /// computed by `ssh-keygen -lf` from the `ssh-ed25519 AAAA…` line of that public key.
    @Test func theFingerprintIsOpenSSHs() throws {
        let path = folder + "/host_ed25519"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let secret = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
        let bytes = stride(from: 0, to: secret.count, by: 2).map { i -> UInt8 in
            let start = secret.index(secret.startIndex, offsetBy: i)
            return UInt8(secret[start..<secret.index(start, offsetBy: 2)], radix: 16)!
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try HostKey.loadOrCreate(at: path).fingerprint == "SHA256:bbXpuKG6zhzdmnxq256TlqzFBzRl2f6OOg722cYNbU8")
    }

    @Test func aDamagedKeyIsReportedNotReplaced() throws {
        let path = folder + "/host_ed25519"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
        #expect(throws: ServeError.self) { try HostKey.loadOrCreate(at: path) }
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
    }
}
