#!/usr/bin/env python3
"""rpc_hold.py LISTEN DAEMON HOLD PROC[,PROC...]: a UNIX-socket relay in
front of a libvirt daemon's socket that holds back chosen calls.

Clients connect to LISTEN (qemu+unix:///system?socket=LISTEN); each
connection is relayed to the daemon socket DAEMON. While the file HOLD
exists, a client's call to one of the procedure numbers PROC (libvirt's
remote protocol: REMOTE_PROC_CONNECT_LIST_ALL_NETWORKS is 283) waits,
and with it everything that client sends after it; HOLD.held is made
when a call is held. Removing HOLD lets it through. Everything else,
and all the daemon says, passes at once.

Live tests use it to keep a host's first picture on the screen without
its networks and pools for as long as they need (a slow host,
deterministically). Prints "ready" once it listens.
"""
import os
import socket
import struct
import sys
import threading
import time


def shut(*socks):
    """End both directions of each socket (the other relay thread ends)."""
    for s in socks:
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def relay_replies(src, dst):
    """Copy the daemon's bytes to the client until either side closes."""
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    shut(src, dst)


def recv_exact(sock, n):
    """n bytes from sock, or None when it closes first."""
    buf = b""
    while len(buf) < n:
        data = sock.recv(n - len(buf))
        if not data:
            return None
        buf += data
    return buf


def relay_calls(client, daemon, hold, procs):
    """Copy the client's messages to the daemon, holding the chosen calls."""
    try:
        while True:
            head = recv_exact(client, 4)
            if head is None:
                break
            (length,) = struct.unpack(">I", head)
            body = recv_exact(client, length - 4)
            if body is None:
                break
            # prog, vers, proc, type, serial, status
            proc = struct.unpack(">I", body[8:12])[0] if len(body) >= 12 else -1
            if proc in procs and os.path.exists(hold):
                open(hold + ".held", "w").close()
                while os.path.exists(hold):
                    time.sleep(0.02)
            daemon.sendall(head + body)
    except OSError:
        pass
    shut(client, daemon)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    listen, target, hold = sys.argv[1:4]
    procs = {int(p) for p in sys.argv[4].split(",")}
    try:
        os.unlink(listen)
    except FileNotFoundError:
        pass
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(listen)
    srv.listen(8)
    print("ready", flush=True)
    while True:
        client, _ = srv.accept()
        daemon = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            daemon.connect(target)
        except OSError:
            client.close()
            daemon.close()
            continue
        threading.Thread(target=relay_calls, args=(client, daemon, hold, procs),
                         daemon=True).start()
        threading.Thread(target=relay_replies, args=(daemon, client),
                         daemon=True).start()


if __name__ == "__main__":
    main()
