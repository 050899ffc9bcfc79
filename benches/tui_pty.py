#!/usr/bin/env python3
"""The tutor in a real pseudo-terminal: time from process start to the
first frame on screen, key press to the next frame, and CPU used while idle.

Usage: benches/tui_pty.py [path/to/kubetutor]   (default: target/release/kubetutor)
Targets (issue 6): first frame < 30 ms, key to frame < 16 ms, ~0 % CPU idle.
"""
import os, pty, select, statistics, struct, sys, fcntl, termios, time, tempfile

BINARY = sys.argv[1] if len(sys.argv) > 1 else "target/release/kubetutor"
TICKS = os.sysconf("SC_CLK_TCK")


def spawn(home):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"KUBETUTOR_HOME": home, "TERM": "xterm-256color", "LANG": "C"})
        os.execv(BINARY, [BINARY, "--lang", "en"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def read_until(fd, needle, timeout=5.0):
    seen = b""
    end = time.perf_counter() + timeout
    while needle not in seen:
        left = end - time.perf_counter()
        if left <= 0:
            raise TimeoutError(needle)
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            seen += os.read(fd, 65536)
    return seen


def drain(fd, quiet=0.05):
    while select.select([fd], [], [], quiet)[0]:
        os.read(fd, 65536)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # Fields after the name: state is [0]; utime [11], stime [12] (+ threads' times).
    return (int(fields[11]) + int(fields[12])) / TICKS


def main():
    first = []
    keys = []
    idle_cpu = None
    with tempfile.TemporaryDirectory() as home:
        for run in range(20):
            start = time.perf_counter()
            pid, fd = spawn(home)
            read_until(fd, b"Objectives")
            first.append((time.perf_counter() - start) * 1e3)
            drain(fd)
            if run == 0:
                # Key to frame: each j or k redraws the selection.
                for i in range(200):
                    sent = time.perf_counter()
                    os.write(fd, b"j" if i % 2 == 0 else b"k")
                    select.select([fd], [], [], 1.0)
                    os.read(fd, 65536)
                    keys.append((time.perf_counter() - sent) * 1e3)
                    drain(fd, 0.005)
                drain(fd)
                before = cpu_seconds(pid)
                time.sleep(10)
                idle_cpu = (cpu_seconds(pid) - before) / 10 * 100
            os.write(fd, b"q")
            os.waitpid(pid, 0)
            os.close(fd)
    print(f"first frame from process start: median {statistics.median(first):.1f} ms, "
          f"max {max(first):.1f} ms ({len(first)} runs)")
    keys.sort()
    print(f"key to frame (pty round trip): median {statistics.median(keys):.2f} ms, "
          f"p99 {keys[int(len(keys) * 0.99) - 1]:.2f} ms ({len(keys)} keys)")
    print(f"CPU while idle for 10 s: {idle_cpu:.2f} %")


if __name__ == "__main__":
    main()
