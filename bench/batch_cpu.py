#!/usr/bin/env python3
"""batch_cpu.py: client CPU per tick of `virtdeck top --batch` against
virsh's interactive `domstats`, on the same host, in one run (issue 18).
Not a test: figures are printed, never asserted.

  batch_cpu.py BIN URI NDOMAINS TICKS REPS

For each repetition, in turn (interleaved, so a change in the machine's
load touches all three alike):
  - csv:   virtdeck top --batch --csv - -d 1 -c URI
  - json:  virtdeck top --batch --json -d 1 -c URI
  - virsh: one `virsh -c URI` process fed `domstats` once a second on
           its standard input (its interactive mode, so virsh's own
           start-up is not counted, as virtdeck's is not)
The CPU of a process is the sum over its threads of the time on a CPU
(/proc/PID/task/*/schedstat, nanoseconds), read at tick boundaries:
after the last row of an iteration (virtdeck writes and flushes each
iteration whole), after the marker echoed behind each `domstats` (virsh).
The first two ticks are skipped (connection, first read without rates);
the figure is the mean over the next TICKS. Prints the median of the
repetitions per client, in ms of CPU per tick, and the ratio to virsh.
"""
import os
import statistics
import subprocess
import sys
import time

MARK = "@@vd-bench-tick@@"
SKIP = 2


def cpu_ns(pid):
    """CPU time of every thread of pid, in ns."""
    total = 0
    base = "/proc/%d/task" % pid
    for tid in os.listdir(base):
        try:
            with open("%s/%s/schedstat" % (base, tid)) as f:
                total += int(f.read().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass            # a thread that just ended
    return total


def per_tick(marks):
    """Mean CPU ms per tick between the marks after SKIP."""
    m = marks[SKIP:]
    return (m[-1] - m[0]) / (len(m) - 1) / 1e6


def run_virtdeck(binary, uri, ndom, ticks, fmt):
    args = [binary, "top", "--batch", "-d", "1", "-n", str(ticks + SKIP + 1),
            "-c", uri]
    args += ["--csv", "-"] if fmt == "csv" else ["--json"]
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         bufsize=1 << 20)
    marks, rows = [], 0
    header = fmt == "csv"
    for line in p.stdout:
        if header:
            header = False
            continue
        rows += 1
        if rows % ndom == 0:
            marks.append(cpu_ns(p.pid))
            if len(marks) > ticks + SKIP:
                break
    p.kill()
    p.wait()
    if len(marks) < SKIP + 2:
        sys.exit("virtdeck printed %d rows: is %s up with %d domains?" %
                 (rows, uri, ndom))
    return per_tick(marks)


def run_virsh(uri, ticks):
    p = subprocess.Popen(["virsh", "-q", "-c", uri], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         bufsize=0)
    marks = []
    next_at = time.monotonic()
    mark = MARK.encode()
    for _ in range(ticks + SKIP + 1):
        p.stdin.write(b"domstats\necho %s\n" % mark)
        tail = b""
        # the marker comes without a newline (virsh's prompt follows it):
        # read raw bytes until it shows
        while mark not in tail:
            chunk = os.read(p.stdout.fileno(), 1 << 16)
            if not chunk:
                sys.exit("virsh ended early")
            tail = (tail + chunk)[-2 * len(mark):]
        marks.append(cpu_ns(p.pid))
        next_at += 1.0
        time.sleep(max(0.0, next_at - time.monotonic()))
    p.stdin.close()
    p.stdout.close()
    p.wait()
    return per_tick(marks)


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    binary, uri = sys.argv[1], sys.argv[2]
    ndom, ticks, reps = (int(a) for a in sys.argv[3:6])
    got = {"csv": [], "json": [], "virsh": []}
    for _ in range(reps):
        got["csv"].append(run_virtdeck(binary, uri, ndom, ticks, "csv"))
        got["json"].append(run_virtdeck(binary, uri, ndom, ticks, "json"))
        got["virsh"].append(run_virsh(uri, ticks))
    med = {k: statistics.median(v) for k, v in got.items()}
    print("domains=%d ticks=%d reps=%d cpu_ms_per_tick: csv=%.2f json=%.2f "
          "virsh_domstats=%.2f ratio_csv=%.2f ratio_json=%.2f  (all: %s)" %
          (ndom, ticks, reps, med["csv"], med["json"], med["virsh"],
           med["csv"] / med["virsh"], med["json"] / med["virsh"],
           " ".join("%s=%s" % (k, "/".join("%.2f" % x for x in v))
                    for k, v in got.items())))


if __name__ == "__main__":
    main()
