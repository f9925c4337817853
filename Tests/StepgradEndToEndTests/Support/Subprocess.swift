import Foundation

/// Runs a program to completion with posix_spawn and waitpid, its standard input from /dev/null and
/// its output in files. (Foundation's `Process.waitUntilExit` can miss the exit of a child that
/// leaves a daemon behind, as `tmux new-session` does, and then waits forever.)
///
/// The child starts with no signal blocked and every signal at its default: test threads block
/// many signals, and a tmux server inheriting that mask would never reap its panes nor stop.
enum Subprocess {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
        /// Processor time the program used (user and system), whatever else the machine was doing.
        var cpuSeconds: Double
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    scratch directory: URL) throws -> Result {
        let outputPath = directory.appendingPathComponent("subprocess-output").path
        let errorPath = directory.appendingPathComponent("subprocess-errors").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw TmuxSession.Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let cpu = [usage.ru_utime, usage.ru_stime].map { Double($0.tv_sec) + Double($0.tv_usec) / 1e6 }.reduce(0, +)
        // Exit status as a shell reports it: the code, or 128 plus the signal that ended it.
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: code,
                      output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
                      errors: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "", cpuSeconds: cpu)
    }
}
