#!/usr/bin/env python3
"""picture_bands.py TAPFILE MODE FIRST_ROW ROWS CELL_H EXPECTED.ppm PROBE DIR

Reads what virtdeck wrote to its terminal (TAPFILE, from pty_tap.py) in
picture MODE (sixel or kitty): every band is a cursor move ESC [ R ; C H
followed by one sixel image (DCS) or kitty commands (APC). Keeps the
latest band of each of the ROWS cell rows from FIRST_ROW (1-based) on,
decodes it independently (sixel: libsixel's sixel2png; kitty: the
escape framing, base64 and zlib here) and compares it pixel for pixel
with the same rows of EXPECTED.ppm (console_probe picture). Prints one
line per differing band and "bands: N same, M differ, K missing";
exit 0 when every band is there and equal. Also prints how many bands
were sent in all ("sent: N") and their rows in order ("rows: ...")."""
import base64
import re
import subprocess
import sys
import zlib


def read_ppm(path):
    data = open(path, "rb").read()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P6"
    w, h = int(parts[1]), int(parts[2])
    return w, h, parts[4][: w * h * 3]


def write_ppm(path, w, h, rgb):
    with open(path, "wb") as f:
        f.write(b"P6\n%d %d\n255\n" % (w, h))
        f.write(rgb)


def kitty_decode(seq):
    payload, w, h = b"", None, None
    for m in re.finditer(rb"\x1b_G([^;\x1b]*)(?:;([^\x1b]*))?\x1b\\", seq, re.S):
        keys = dict(kv.split(b"=", 1) for kv in m.group(1).split(b",") if b"=" in kv)
        if keys.get(b"a") == b"d":
            continue
        if keys.get(b"a") == b"T":
            assert keys.get(b"f") == b"24" and keys.get(b"o") == b"z", keys
            w, h, payload = int(keys[b"s"]), int(keys[b"v"]), b""
        payload += m.group(2) or b""
    raw = zlib.decompress(base64.b64decode(payload))
    assert len(raw) == w * h * 3, (len(raw), w, h)
    return w, h, raw


def main():
    tap, mode, first, rows, cell_h, expected, probe, tmp = sys.argv[1:9]
    first, rows, cell_h = int(first), int(rows), int(cell_h)
    data = open(tap, "rb").read()
    if mode == "sixel":
        pat = rb"\x1b\[(\d+);(\d+)H(\x1bP0;1;0q.*?\x1b\\)"
    else:
        pat = rb"\x1b\[(\d+);(\d+)H((?:\x1b_G[^\x1b]*\x1b\\)+)"
    latest, order = {}, []
    for m in re.finditer(pat, data, re.S):
        order.append(m.group(1).decode())
        latest[int(m.group(1))] = m.group(3)
    print("sent: %d" % len(order))
    print("rows: %s" % " ".join(order))
    ew, eh, exp = read_ppm(expected)
    same = differ = missing = 0
    for row in range(first, first + rows):
        b = row - first
        want = exp[b * cell_h * ew * 3:(b + 1) * cell_h * ew * 3]
        if row not in latest:
            missing += 1
            continue
        if mode == "kitty":
            w, h, got = kitty_decode(latest[row])
            ok = (w, h) == (ew, cell_h) and got == want
        else:
            six = "%s/band%d.six" % (tmp, row)
            png = "%s/band%d.png" % (tmp, row)
            exp_band = "%s/want%d.ppm" % (tmp, row)
            open(six, "wb").write(latest[row])
            write_ppm(exp_band, ew, cell_h, want)
            subprocess.run(["sixel2png", "-i", six, "-o", png], check=True)
            out = subprocess.run([probe, "cmp", png, exp_band], capture_output=True,
                                 text=True).stdout
            ok = ", 0 pixels differ" in out
        if ok:
            same += 1
        else:
            differ += 1
            print("row %d differs" % row)
    print("bands: %d same, %d differ, %d missing" % (same, differ, missing))
    sys.exit(0 if differ == 0 and missing == 0 else 1)


main()
