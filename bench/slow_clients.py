#!/usr/bin/env python3
"""Slow clients for bench/soak.sh: N connections that each announce a 100,000-byte JSON body on
POST /client_sessions/get_or_create and then send one byte every 5 s, with no credential. When the server answers
(408 once its body deadline has passed) or closes, the connection is opened again, so N are always dribbling.

    python3 bench/slow_clients.py HOST PORT CONNECTIONS SECONDS

Prints one line at the end: SLOW connections=.. opened=.. answered_408=.. answered_other=.. closed_unanswered=..
"""
import socket
import sys
import time

host, port, count, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
HEAD = (b"POST /client_sessions/get_or_create HTTP/1.1\r\nHost: " + host.encode() +
        b"\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
stats = {"opened": 0, "answered_408": 0, "answered_other": 0, "closed_unanswered": 0}


def open_one():
    s = socket.create_connection((host, port), timeout=5)
    s.sendall(HEAD)
    s.setblocking(False)
    stats["opened"] += 1
    return [s, time.monotonic() + 5]


def settle(conn):
    """Reads what the server sent, if anything; returns True when the connection is over."""
    try:
        data = conn[0].recv(4096)
    except BlockingIOError:
        return False
    except OSError:
        stats["closed_unanswered"] += 1
        return True
    if not data:
        stats["closed_unanswered"] += 1
    elif data.startswith(b"HTTP/1.1 408"):
        stats["answered_408"] += 1
    else:
        stats["answered_other"] += 1
    return True


conns = []
end = time.monotonic() + seconds
while time.monotonic() < end:
    while len(conns) < count:
        try:
            conns.append(open_one())
        except OSError:
            time.sleep(0.2)
            break
    now = time.monotonic()
    alive = []
    for conn in conns:
        over = settle(conn)
        if not over and now >= conn[1]:
            try:
                conn[0].send(b" ")
                conn[1] = now + 5
            except OSError:
                stats["closed_unanswered"] += 1
                over = True
        if over:
            conn[0].close()
        else:
            alive.append(conn)
    conns = alive
    time.sleep(0.25)
for conn in conns:
    conn[0].close()
print("SLOW connections=%d %s" % (count, " ".join("%s=%d" % kv for kv in stats.items())), flush=True)
