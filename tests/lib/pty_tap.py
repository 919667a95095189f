#!/usr/bin/env python3
"""pty_tap.py OUTFILE CELL_W CELL_H -- PROGRAM ARGS...: run PROGRAM on a
pseudo-terminal of our own terminal's size that also reports a pixel size
(CELL_W x CELL_H pixels per cell, as sixel/kitty terminals do), copy
input and output both ways, and append everything PROGRAM writes to
OUTFILE. $TMUX is removed from its environment. For the live tests of
the console's picture modes, run inside tmux (tests/lib/screen.sh)."""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import tty


def main():
    out_path, cw, ch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    argv = sys.argv[sys.argv.index("--") + 1:]
    rows, cols = 24, 80
    try:
        rows, cols, _, _ = struct.unpack(
            "HHHH", fcntl.ioctl(0, termios.TIOCGWINSZ, b"\0" * 8))
    except OSError:
        pass
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.pop("TMUX", None)
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ,
                struct.pack("HHHH", rows, cols, cols * cw, rows * ch))
    os.kill(pid, 28)  # SIGWINCH: the size with pixels
    old = None
    if os.isatty(0):
        old = termios.tcgetattr(0)
        tty.setraw(0)
    log = open(out_path, "ab", buffering=0)
    try:
        while True:
            r, _, _ = select.select([0, fd], [], [])
            if fd in r:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    break
                if not data:
                    break
                log.write(data)
                os.write(1, data)
            if 0 in r:
                data = os.read(0, 4096)
                if not data:
                    break
                os.write(fd, data)
    finally:
        if old:
            termios.tcsetattr(0, termios.TCSADRAIN, old)
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status))


main()
