import Foundation

/// A throwaway OpenSSH server on loopback, for testing what a lecturer's session over SSH goes through:
/// its own host key, a client key made for the test, a random port on 127.0.0.1, no PAM, no passwords.
///
/// `.ci/run` installs openssh-server from Debian's packages. Where sshd is missing or will not start,
/// `SSHServer.unavailable` says why and the tests using it are skipped with that reason.
final class SSHServer {
    let directory: URL
    let port: Int
    let clientKey: String
    private let pidFile: String

    static let sshd = "/usr/sbin/sshd"

    /// The shared server, started on first use; `nil` when it cannot be.
    nonisolated(unsafe) static let shared: Result<SSHServer, SSHFailure> = {
        do { return .success(try SSHServer()) } catch let failure as SSHFailure { return .failure(failure) } catch {
            return .failure(SSHFailure(description: "\(error)"))
        }
    }()

    static var isAvailable: Bool { if case .success = shared { true } else { false } }
    static var unavailable: String {
        if case .failure(let failure) = shared { return "sshd cannot be started here: \(failure.description)" }
        return ""
    }

    private init() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.sshd) else {
            throw SSHFailure(description: "\(Self.sshd) is missing (apt-get install openssh-server)")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-ssh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        clientKey = directory.appendingPathComponent("client").path
        pidFile = directory.appendingPathComponent("sshd.pid").path
        let hostKey = directory.appendingPathComponent("host").path
        for key in [hostKey, clientKey] {
            try Self.check(Self.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key], in: directory), "ssh-keygen")
        }
        let authorized = directory.appendingPathComponent("authorized_keys").path
        try FileManager.default.copyItem(atPath: clientKey + ".pub", toPath: authorized)
        // Privilege separation needs this directory (root only; harmless to try otherwise).
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)

        var lastFailure = "no free port"
        for candidate in (0..<5).map({ _ in Int.random(in: 20_000..<60_000) }) {
            let config = directory.appendingPathComponent("sshd_config")
            try """
                Port \(candidate)
                ListenAddress 127.0.0.1
                HostKey \(hostKey)
                AuthorizedKeysFile \(authorized)
                PidFile \(pidFile)
                StrictModes no
                UsePAM no
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PermitRootLogin prohibit-password
                PrintMotd no
                PrintLastLog no
                LogLevel ERROR
                """.write(to: config, atomically: true, encoding: .utf8)
            let started = try Self.run(Self.sshd, ["-f", config.path, "-E", directory.appendingPathComponent("sshd.log").path],
                                       in: directory)
            if started.status == 0, Self.waitForPidFile(pidFile) {
                port = candidate
                // The shared server lives as long as the test process: stop the daemon and remove
                // its keys and files when it exits.
                if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
                   let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    serverPid = pid
                }
                serverDirectory = directory.path
                atexit {
                    if serverPid > 0 { kill(serverPid, SIGTERM) }
                    try? FileManager.default.removeItem(atPath: serverDirectory)
                }
                return
            }
            lastFailure = "sshd exited with \(started.status): \(started.errors)"
                + ((try? String(contentsOfFile: directory.appendingPathComponent("sshd.log").path, encoding: .utf8)) ?? "")
        }
        try? FileManager.default.removeItem(at: directory)
        throw SSHFailure(description: lastFailure.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The ssh command line (for a tmux pane) that runs `remote` on this server with a terminal.
    func client(running remote: String) -> String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? String(cString: getpwuid(getuid()).pointee.pw_name)
        let options = ["-tt", "-i", clientKey, "-p", "\(port)", "-o", "StrictHostKeyChecking=no",
                       "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "BatchMode=yes"]
        return "exec ssh " + options.joined(separator: " ") + " \(user)@127.0.0.1 " + Self.quoted(remote)
    }

    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    private static func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> Subprocess.Result {
        try Subprocess.run(executable, arguments, environment: ["PATH": "/usr/sbin:/usr/bin:/bin"], scratch: directory)
    }

    private static func check(_ result: Subprocess.Result, _ what: String) throws {
        guard result.status == 0 else { throw SSHFailure(description: "\(what) failed: \(result.errors)") }
    }

    private static func waitForPidFile(_ path: String) -> Bool {
        for _ in 0..<50 {
            if FileManager.default.fileExists(atPath: path) { return true }
            usleep(50_000)
        }
        return false
    }
}

/// The daemon's process id and directory, for the exit handler (a C function pointer cannot capture).
nonisolated(unsafe) private var serverPid: pid_t = 0
nonisolated(unsafe) private var serverDirectory = ""

struct SSHFailure: Error, CustomStringConvertible {
    let description: String
}
