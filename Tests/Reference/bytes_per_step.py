#!/usr/bin/env python3
"""Bytes stepgrad writes to the terminal per step, as a viewer over SSH receives them.

Runs STEPGRAD open EXERCISE in a pseudo-terminal of COLSxROWS (stdlib only), waits for the first
frame, then presses Right (next step) N times and Left (step back) once, and prints one line:
"first=B steps=B1,B2,... back=B" (bytes of the first frame, of each step, of the step back).
"""
import os, pty, select, signal, struct, sys, termios, fcntl, time

def drain(fd, settle=0.3, limit=5.0):
    """Reads until the program has been quiet for `settle` seconds; returns the byte count."""
    total, start, last = 0, time.time(), time.time()
    while time.time() - start < limit:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            total += len(chunk)
            last = time.time()
        elif time.time() - last >= settle and total > 0:
            break
    return total

def main():
    binary, exercise, size, steps = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    cols, rows = (int(v) for v in size.split("x"))
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", STEPGRAD_STATE_DIR="/tmp/stepgrad-bench-state")
        os.execv(binary, [binary, "open", exercise])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    first = drain(fd, settle=0.5)
    counts = []
    for _ in range(steps):
        os.write(fd, b"\x1bOC")  # keypad mode: application cursor keys
        counts.append(drain(fd))
    os.write(fd, b"\x1bOD")
    back = drain(fd)
    os.write(fd, b"q")
    drain(fd, settle=0.2, limit=2)
    os.waitpid(pid, 0)
    print("first=%d steps=%s back=%d" % (first, ",".join(map(str, counts)), back))

main()
