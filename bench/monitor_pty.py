#!/usr/bin/env python3
"""monitor_pty.py: the live monitor through a pty: idle CPU, RSS, and
key-to-redraw latency. Not a test: figures are printed, never asserted.

  monitor_pty.py idle  BIN URI SECONDS         -> cpu_pct_of_core, rss_kib
  monitor_pty.py keys  BIN URI COUNT [STOPPID] -> p50/p99 ms (first byte,
                                                 end of redraw)
  monitor_pty.py startup BIN URI RUNS TEXT     -> p50/max ms from exec to
                                                 the first frame showing TEXT
  monitor_pty.py quit BIN URI RUNS TEXT   -> p50/max ms from F10 to exit,
                                                 once TEXT shows
  monitor_pty.py libs BIN URI SECONDS         -> the idle figures, then
                                                 RSS per mapped file (kB)
  monitor_pty.py idle-top / keys-top ...       -> the same in the top view
                                                 (`virtdeck top -c URI`)

`keys` sends j/k alternately (the cursor moves one row, so every key
changes the screen) and times from the write to the first byte of the
answer and to the end of the burst (the last byte before 30 ms of quiet).
With STOPPID, that process (the daemon) is SIGSTOPped for the run and
SIGCONTed after.
"""
import os
import pty
import select
import signal
import struct
import sys
import time
import fcntl
import termios


SUB = []                                # ["top"] for the top view


def spawn(binary, uri, extra=()):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        # several hosts: URIs separated by spaces (bench/hosts.sh)
        hosts = [a for u in uri.split(" ") if u for a in ("-c", u)]
        # VD_BENCH_ARGS: more arguments (e.g. "-d 3600": no tick during
        # the run, to tell a key's own redraw from a tick's)
        more = os.environ.get("VD_BENCH_ARGS", "").split()
        os.execv(binary, [binary, *SUB, *hosts, *extra, *more])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    return pid, fd


def drain(fd, quiet_s, limit_s):
    """Read until quiet_s without output or limit_s in all; returns
    (first_byte_time, last_byte_time, nbytes)."""
    first = last = None
    n = 0
    end = time.monotonic() + limit_s
    while True:
        now = time.monotonic()
        if now >= end:
            break
        r, _, _ = select.select([fd], [], [], min(quiet_s, end - now))
        if not r:
            if first is not None or quiet_s >= limit_s:
                break
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        t = time.monotonic()
        if first is None:
            first = t
        last = t
        n += len(data)
    return first, last, n


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])     # utime + stime


def rss_kib(pid, field="VmRSS:"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return 0


def stop(pid, fd):
    os.write(fd, b"q")
    drain(fd, 0.2, 2)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)


def rss_by_file(pid):
    """Resident kB per mapped file ("[anon]" for the rest) from smaps."""
    rss, name = {}, None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            head = line.split()
            if not head[0].endswith(":"):          # a mapping's first line
                name = head[5] if len(head) > 5 and head[5].startswith("/") \
                    else "[anon]"
            elif head[0] == "Rss:":
                rss[name] = rss.get(name, 0) + int(head[1])
    return rss


def idle(binary, uri, seconds, libs=False):
    pid, fd = spawn(binary, uri, ["-d", "2"])
    drain(fd, 3.0, 8.0)                 # connected, first ticks drawn
    hz = os.sysconf("SC_CLK_TCK")
    c0, t0 = cpu_ticks(pid), time.monotonic()
    end = t0 + seconds
    while time.monotonic() < end:       # keep the pty drained
        drain(fd, end - time.monotonic(), end - time.monotonic())
    c1, t1 = cpu_ticks(pid), time.monotonic()
    rss, anon = rss_kib(pid), rss_kib(pid, "RssAnon:")
    by_file = rss_by_file(pid) if libs else {}
    stop(pid, fd)
    for name, kib in sorted(by_file.items(), key=lambda kv: -kv[1]):
        print(f"{kib:8d} kB  {name}")
    print(f"idle_cpu_pct={100.0 * (c1 - c0) / hz / (t1 - t0):.3f} "
          f"rss_kib={rss} rss_anon_kib={anon} seconds={t1 - t0:.1f}")


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))]


def keys(binary, uri, count, stop_pid=None):
    pid, fd = spawn(binary, uri, ["-d", "2"])
    drain(fd, 3.0, 10.0)
    rss = rss_kib(pid)
    if stop_pid:
        os.kill(stop_pid, signal.SIGSTOP)
    firsts, ends = [], []
    try:
        for i in range(count):
            drain(fd, 0.005, 0.005)     # nothing pending
            t = time.monotonic()
            os.write(fd, b"j" if i % 2 == 0 else b"k")
            first, last, n = drain(fd, 0.03, 1.0)
            if first is None:
                continue
            firsts.append((first - t) * 1e3)
            ends.append((last - t) * 1e3)
    finally:
        if stop_pid:
            os.kill(stop_pid, signal.SIGCONT)
    stop(pid, fd)
    print(f"keys={len(ends)}/{count} first_p50_ms={pct(firsts, 50):.2f} "
          f"first_p99_ms={pct(firsts, 99):.2f} redraw_p50_ms={pct(ends, 50):.2f} "
          f"redraw_p99_ms={pct(ends, 99):.2f} rss_kib={rss}")


def wait_text(fd, want, t0, limit_s=10):
    """Read fd until want shows or limit_s after t0; returns the tail read."""
    seen = b""
    while want not in seen and time.monotonic() - t0 < limit_s:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                seen = seen[-4096:] + os.read(fd, 65536)
            except OSError:
                break
    return seen


def startup(binary, uri, runs, text):
    """Time from fork+exec to the first output containing text (a row
    of the host's data: the first full frame, not the connecting one)."""
    want = text.encode()
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        pid, fd = spawn(binary, uri)
        seen = wait_text(fd, want, t0)
        elapsed = (time.monotonic() - t0) * 1000
        stop(pid, fd)
        if want not in seen:
            print(f"'{text}' never appeared", file=sys.stderr)
            return 1
        times.append(elapsed)
    times.sort()
    print(f"startup_ms_p50={pct(times, 50):.1f} startup_ms_max={times[-1]:.1f} "
          f"runs={runs}")
    return 0


def quit_time(binary, uri, runs, text, key):
    """Time from the quit key (F10 or q) to the process's exit, once the
    screen shows text (a host's data: the others may still hang)."""
    want = text.encode()
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        pid, fd = spawn(binary, uri)
        seen = wait_text(fd, want, t0)
        if want not in seen:
            stop(pid, fd)
            print(f"'{text}' never appeared", file=sys.stderr)
            return 1
        time.sleep(0.5)                 # settle: a tick may be running
        t1 = time.monotonic()
        os.write(fd, key)
        done = None
        while time.monotonic() - t1 < 10:
            wpid, _ = os.waitpid(pid, os.WNOHANG)
            if wpid:
                done = time.monotonic()
                break
            r, _, _ = select.select([fd], [], [], 0.001)
            if r:
                try:
                    os.read(fd, 65536)
                except OSError:
                    pass
        if done is None:
            stop(pid, fd)
            print("did not exit within 10 s", file=sys.stderr)
            return 1
        os.close(fd)
        times.append((done - t1) * 1000)
    times.sort()
    print(f"quit_ms_p50={pct(times, 50):.1f} quit_ms_max={times[-1]:.1f} runs={runs}")
    return 0


def main():
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    mode, binary, uri = sys.argv[1:4]
    if mode.endswith("-top"):
        SUB.append("top")
        mode = mode[:-4]
    if mode in ("idle", "libs"):
        idle(binary, uri, float(sys.argv[4]), mode == "libs")
    elif mode == "startup" and len(sys.argv) > 5:
        return startup(binary, uri, int(sys.argv[4]), sys.argv[5])
    elif mode == "quit" and len(sys.argv) > 5:
        return quit_time(binary, uri, int(sys.argv[4]), sys.argv[5], b"\x1b[21~")
    elif mode == "keys":
        keys(binary, uri, int(sys.argv[4]),
             int(sys.argv[5]) if len(sys.argv) > 5 else None)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
