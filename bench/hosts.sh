#!/bin/bash
# hosts.sh BUILD: many hosts on one screen (issue 12): 10 and 50 hosts of
# 100 domains each (libvirt's test driver served by the harness daemon,
# test+unix:///FILE?socket=..., so every call is a real RPC) plus one
# host that accepts TCP on the loopback and never answers. For each:
# key-to-redraw p50/p99 on the main screen and in the top view, idle CPU
# and RSS, and the first frame. Figures are printed, never asserted
# (docs/PERFORMANCE.md says where they go; quote them only from a quiet
# machine). BENCH_HOST_COUNTS overrides "10 50".
set -eu
build=${1:?usage: bench/hosts.sh BUILD}
src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/bench/lib.sh"
bench_daemon hosts
hung=
trap '[ -n "$hung" ] && kill "$hung" 2>/dev/null; rm -rf "$data"' EXIT

# host number H with 100 running domains (UUIDs unique per host)
make_host() { bench_host "$data/host$1.xml" 100 "h$(printf %02d "$1")" "$(printf %04d "$1")"; }

# a host that accepts the TCP connection and never says a word
port_file=$data/hung.port
python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(16)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
held = []
while True:
    c, _ = s.accept(); held.append(c)
' "$port_file" &
hung=$!
for _ in $(seq 1 50); do [ -s "$port_file" ] && break; sleep 0.1; done
HUNG="qemu+tcp://127.0.0.1:$(cat "$port_file")/system"

for n in ${BENCH_HOST_COUNTS:-10 50}; do
    uris=
    for ((h = 1; h <= n; h++)); do uris+="$(make_host "$h") "; done
    uris+=$HUNG
    echo "== $n hosts x 100 domains + 1 hung host: key to redraw, main screen, 300 keys"
    python3 "$src/bench/monitor_pty.py" keys "$build/virtdeck" "$uris" 300
    echo "== $n hosts: key to redraw, top view, 300 keys"
    python3 "$src/bench/monitor_pty.py" keys-top "$build/virtdeck" "$uris" 300
    echo "== $n hosts: idle CPU and RSS, main screen, 30 s"
    python3 "$src/bench/monitor_pty.py" idle "$build/virtdeck" "$uris" 30
    echo "== $n hosts: idle CPU and RSS, top view, 30 s"
    python3 "$src/bench/monitor_pty.py" idle-top "$build/virtdeck" "$uris" 30
    echo "== $n hosts: first frame (until the first host's domains show), 5 runs"
    python3 "$src/bench/monitor_pty.py" startup "$build/virtdeck" "$uris" 5 "h01-00001"
done
echo "== 10 hosts + 1 hung host: quit (F10 to exit), 5 runs"
uris=
for ((h = 1; h <= 10; h++)); do uris+="$(make_host "$h") "; done
python3 "$src/bench/monitor_pty.py" quit "$build/virtdeck" "$uris$HUNG" 5 "h01-00001"
echo "== 10 hosts + 1 hung host: key to redraw, top view, a CPU hog on the other core, 300 keys"
python3 -c 'while True: pass' &
hog=$!
python3 "$src/bench/monitor_pty.py" keys-top "$build/virtdeck" "$uris$HUNG" 300
kill "$hog"
