#!/usr/bin/env python3
"""monitor_pty.py: the live monitor through a pty: idle CPU, RSS, and
key-to-redraw latency. Not a test: figures are printed, never asserted.

  monitor_pty.py idle  BIN URI SECONDS         -> cpu_pct_of_core, rss_kib
  monitor_pty.py keys  BIN URI COUNT [STOPPID] -> p50/p99 ms (first byte,
                                                 end of redraw)
  monitor_pty.py startup BIN URI RUNS TEXT     -> p50/max ms from exec to
                                                 the first frame showing TEXT,
                                                 and to the first output
  monitor_pty.py floor BARE URI RUNS           -> p50/max ms from exec of
                                                 bench_bare_client --first
                                                 (a thread per URI) to the
                                                 first and the last host's
                                                 bulk stats in hand
  monitor_pty.py quit BIN URI RUNS TEXT   -> p50/max ms from F10 to exit,
                                                 once TEXT shows
  monitor_pty.py libs BIN URI SECONDS         -> the idle figures, then
                                                 RSS per mapped file (kB)
  monitor_pty.py idle-top / keys-top ...       -> the same in the top view
                                                 (`virtdeck top -c URI`)

`keys` sends j/k alternately (the cursor moves one row, so every key
changes the screen) and times from the write to the first byte of the
answer, to the end of the burst (the last byte before 30 ms of quiet),
and to the moment the screen shows the key's effect ("shown": a
terminal emulator, python3-pyte, is fed every byte, and the cursor bar
must stand on the row the key moved it to and no longer on the other).
The end of the burst also counts a tick's redraw that starts within
30 ms after the key; "shown" does not, but it does count a tick's redraw
that delays the key's own.
With STOPPID, that process (the daemon) is SIGSTOPped for the run and
SIGCONTed after.
"""
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import time
import fcntl
import termios


SUB = []                                # ["top"] for the top view
LINES, COLS = 50, 160                   # the pty's size


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
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLS, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    return pid, fd


def drain(fd, quiet_s, limit_s, on_data=None):
    """Read until quiet_s without output or limit_s in all; returns
    (first_byte_time, last_byte_time, nbytes). on_data(data, t) sees
    every read."""
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
        if on_data:
            on_data(data, t)
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
    # VD_BENCH_RSS_EVERY=S: print RSS every S seconds along the way (the
    # hour of history: bench/memory_hour.sh)
    every = float(os.environ.get("VD_BENCH_RSS_EVERY", "0"))
    next_print = t0 + every if every > 0 else end
    while time.monotonic() < end:       # keep the pty drained
        until = min(end, next_print)
        drain(fd, until - time.monotonic(), until - time.monotonic())
        if every > 0 and time.monotonic() >= next_print:
            print(f"t={time.monotonic() - t0:.0f}s rss_kib={rss_kib(pid)} "
                  f"rss_anon_kib={rss_kib(pid, 'RssAnon:')}", flush=True)
            next_print += every
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


class Screen:
    """The terminal as the user sees it (pyte, a terminal emulator fed
    every byte virtdeck writes), to tell when a key's effect is on the
    screen: the cursor row's colour moved to the row the key names."""

    def __init__(self):
        try:
            import pyte
        except ImportError:
            # an interpreter outside Debian's (pyenv) does not see
            # python3-pyte's directory
            sys.path.append("/usr/lib/python3/dist-packages")
            import pyte
        self.screen = pyte.Screen(COLS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.rows = self.cols = None
        self.want = None                # (row lit, row unlit)
        self.shown = None

    def feed(self, data, t):
        self.stream.feed(data)
        if self.want and self.shown is None and self.lit(*self.want):
            self.shown = t

    def bgs(self):
        buf = self.screen.buffer
        return [[buf[y][x].bg for x in range(COLS)] for y in range(LINES)]

    def calibrate(self, before):
        """From the colours before and after the first j: the two rows
        whose background changed (the cursor's old and new row) and the
        columns of the cursor bar. False when the key did not show as
        that."""
        after = self.bgs()
        changed = [(y, x) for y in range(LINES) for x in range(COLS)
                   if before[y][x] != after[y][x]]
        # the cursor bar spans most of its row (a tick may change a
        # meter's colour elsewhere meanwhile)
        rows = sorted(y for y in {y for y, _ in changed}
                      if sum(1 for cy, _ in changed if cy == y) > COLS // 2)
        if len(rows) != 2 or rows[1] != rows[0] + 1:
            return False
        self.rows = rows
        self.cols = [x for y, x in changed if y == rows[1]]
        self.on = after[rows[1]][self.cols[0]]
        self.off = after[rows[0]][self.cols[0]]
        return True

    def lit(self, row, other):
        buf = self.screen.buffer
        return all(buf[row][x].bg == self.on and buf[other][x].bg == self.off
                   for x in self.cols)

    def expect(self, key):
        """The key about to be sent: k lights the upper row, j the lower."""
        up, down = self.rows
        self.want = (up, down) if key == b"k" else (down, up)
        self.shown = None


def keys(binary, uri, count, stop_pid=None):
    scr = Screen()
    pid, fd = spawn(binary, uri, ["-d", "2"])
    drain(fd, 3.0, 10.0, scr.feed)
    rss = rss_kib(pid)
    # the cursor to the first row (it follows its domain while hosts
    # come in, and a cursor on the last visible row scrolls instead of
    # moving)
    os.write(fd, b"g" if SUB else b"\033[H")
    drain(fd, 0.3, 2.0, scr.feed)
    before = scr.bgs()
    os.write(fd, b"j")
    drain(fd, 0.3, 2.0, scr.feed)
    calibrated = scr.calibrate(before)
    if stop_pid:
        os.kill(stop_pid, signal.SIGSTOP)
    firsts, ends, shown = [], [], []
    try:
        for i in range(count):
            key = b"k" if i % 2 == 0 else b"j"
            drain(fd, 0.005, 0.005, scr.feed)   # nothing pending
            if calibrated:
                scr.expect(key)
            t = time.monotonic()
            os.write(fd, key)
            first, last, n = drain(fd, 0.03, 1.0, scr.feed)
            if first is None:
                continue
            firsts.append((first - t) * 1e3)
            ends.append((last - t) * 1e3)
            if calibrated and scr.shown is not None:
                shown.append((scr.shown - t) * 1e3)
    finally:
        if stop_pid:
            os.kill(stop_pid, signal.SIGCONT)
    stop(pid, fd)
    on_screen = (f" shown_p50_ms={pct(shown, 50):.2f} shown_p99_ms={pct(shown, 99):.2f}"
                 f" shown={len(shown)}" if shown else " shown=unmeasured")
    print(f"keys={len(ends)}/{count} first_p50_ms={pct(firsts, 50):.2f} "
          f"first_p99_ms={pct(firsts, 99):.2f} redraw_p50_ms={pct(ends, 50):.2f} "
          f"redraw_p99_ms={pct(ends, 99):.2f}{on_screen} rss_kib={rss}")


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
    times, firsts = [], []
    for _ in range(runs):
        t0 = time.monotonic()
        pid, fd = spawn(binary, uri)
        r, _, _ = select.select([fd], [], [], 10)   # the first output:
        firsts.append((time.monotonic() - t0) * 1000)  # the frame drawn
        seen = wait_text(fd, want, t0)              # before any answer
        elapsed = (time.monotonic() - t0) * 1000
        stop(pid, fd)
        if want not in seen:
            print(f"'{text}' never appeared", file=sys.stderr)
            return 1
        times.append(elapsed)
    times.sort()
    firsts.sort()
    print(f"startup_ms_p50={pct(times, 50):.1f} startup_ms_max={times[-1]:.1f} "
          f"first_output_ms_p50={pct(firsts, 50):.1f} runs={runs}")
    return 0


def floor(bare, uri, runs):
    """libvirt's floor for the first frame: from exec of a bare client
    that opens every URI and makes one bulk call on each, one thread per
    host side by side as virtdeck's workers do (bench_bare_client
    --first), to the first host's stats in hand and to the last's."""
    uris = [u for u in uri.split(" ") if u]
    firsts, alls = [], []
    for _ in range(runs):
        t0 = time.monotonic()
        p = subprocess.Popen([bare, "--first", *uris], stdout=subprocess.PIPE)
        p.stdout.readline()             # "first"
        firsts.append((time.monotonic() - t0) * 1000)
        p.stdout.readline()             # "all"
        alls.append((time.monotonic() - t0) * 1000)
        p.wait()
    firsts.sort()
    alls.sort()
    print(f"floor_first_ms_p50={pct(firsts, 50):.1f} floor_first_ms_max={firsts[-1]:.1f} "
          f"floor_all_ms_p50={pct(alls, 50):.1f} hosts={len(uris)} runs={runs}")
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
    elif mode == "floor":
        return floor(binary, uri, int(sys.argv[4]))
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
