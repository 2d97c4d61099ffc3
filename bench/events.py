"""The preview's event stream (`/__trasparenza/events`), for the bench
scripts that time a save until its reload (bench/serve.sh, bench/preview.sh)."""
import socket
import sys


def open_events(host, port, timeout=30):
    """Opens the event stream of the preview at host:port and reads its
    `hello`; returns a function that waits for the next event's name."""
    s = socket.create_connection((host, port), timeout=timeout)
    s.sendall(f"GET /__trasparenza/events HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
    f = s.makefile("rb")
    while f.readline() not in (b"\r\n", b""):
        pass  # headers

    def next_event():
        name = None
        while True:
            line = f.readline()
            if not line:
                sys.exit("the event stream closed")
            line = line.decode().rstrip("\r\n")
            if line.startswith("event: "):
                name = line[7:]
            elif line == "" and name:
                return name

    assert next_event() == "hello"
    return next_event
