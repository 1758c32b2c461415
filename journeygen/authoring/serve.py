"""The latest render of each watched spec -> a page on 127.0.0.1 that reloads itself when it changes."""

from __future__ import annotations

import contextlib
import html
import json
import re
import socket
import threading
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LONG_POLL_SECONDS = 20.0
IDLE_SECONDS = 10.0
"""A connection that sends nothing for this long is closed."""
MAX_CONNECTIONS = 32
"""Connections served at once; more are answered 503 and closed, so no one can pile up threads."""
_NUMBER = re.compile(r"-?[0-9]{1,18}")

_SCRIPT = b"""\
(async function wait(version) {
  for (;;) {
    try {
      const reply = await fetch('/version?since=' + version, {cache: 'no-store'});
      const now = (await reply.json()).version;
      if (now !== version) { location.reload(); return; }
    } catch (e) {
      await new Promise(done => setTimeout(done, 1000));
    }
  }
})(Number(document.documentElement.dataset.version));
"""

_STYLE = ("body{font-family:system-ui,sans-serif;margin:1rem}h2{font-size:1rem;margin:1.5rem 0 .5rem}"
          "img{max-width:100%;height:auto}.problems{border-left:4px solid;padding:.25rem 1rem}"
          "pre{white-space:pre-wrap}.note{opacity:.7}")


@dataclass(frozen=True)
class Entry:
    """What the page shows for one spec: its last good SVG and the problems of its latest save."""

    name: str
    svg: bytes | None = None
    problems: tuple[str, ...] = ()


class Board:
    """The latest state of every watched spec, shared by the watch loop and the page's requests."""

    def __init__(self, names: list[str]) -> None:
        self._changed = threading.Condition()
        self._version = 0
        self._entries = [Entry(name) for name in names]

    def publish(self, index: int, svg: bytes | None, problems: tuple[str, ...]) -> None:
        """Record a render (``svg``) or a failed one (``problems``; the last good SVG stays)."""
        with self._changed:
            entry = self._entries[index]
            self._entries[index] = replace(entry, svg=svg if svg is not None else entry.svg, problems=problems)
            self._version += 1
            self._changed.notify_all()

    def snapshot(self) -> tuple[int, list[Entry]]:
        with self._changed:
            return self._version, list(self._entries)

    def wait(self, since: int, timeout: float) -> int:
        """The version, once it differs from ``since`` or ``timeout`` seconds have passed."""
        with self._changed:
            self._changed.wait_for(lambda: self._version != since, timeout)
            return self._version


def page(version: int, entries: list[Entry]) -> bytes:
    """The HTML page: each map (or why it could not be redrawn), with the live-reload script."""
    parts = [f'<!doctype html><html lang="en" data-version="{version}"><head><meta charset="utf-8">'
             f"<title>journeygen watch</title><style>{_STYLE}</style></head><body>"]
    for index, entry in enumerate(entries):
        parts.append(f"<section><h2>{html.escape(entry.name)}</h2>")
        if entry.problems:
            kept = " The map below is the last version that rendered." if entry.svg else ""
            parts.append(f'<div class="problems" role="alert"><p>Not redrawn: fix these problems.{kept}</p>'
                         f"<pre>{html.escape(chr(10).join(entry.problems))}</pre></div>")
        if entry.svg is not None:
            parts.append(f'<img src="/map/{index}.svg?v={version}" alt="{html.escape(entry.name)}">')
        elif not entry.problems:
            parts.append('<p class="note">rendering...</p>')
        parts.append("</section>")
    parts.append('<script src="/live.js"></script></body></html>')
    return "".join(parts).encode("utf-8")


class PreviewServer(ThreadingHTTPServer):
    """A threaded HTTP server that knows the board it shows, and serves a bounded number of connections."""

    daemon_threads = True

    def __init__(self, port: int, board: Board) -> None:
        self.board = board
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(("127.0.0.1", port), _Handler)
        port = self.server_address[1]
        self.hosts = frozenset(f"{host}:{port}" for host in ("127.0.0.1", "localhost", "[::1]"))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def process_request(self, request: socket.socket | tuple[bytes, socket.socket],
                        client_address: tuple[str, int]) -> None:
        if self._slots.acquire(blocking=False):
            super().process_request(request, client_address)
            return
        assert isinstance(request, socket.socket)
        with contextlib.suppress(OSError):
            request.settimeout(1.0)
            request.sendall(b"HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n\r\n")
        self.shutdown_request(request)

    def process_request_thread(self, request: socket.socket | tuple[bytes, socket.socket],
                               client_address: tuple[str, int]) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


def number(text: str) -> int | None:
    """A whole number as written in a URL (ASCII digits, at most 18), or None."""
    return int(text) if _NUMBER.fullmatch(text) else None


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    timeout = IDLE_SECONDS

    def do_GET(self) -> None:
        # A page on another site that points its own name at 127.0.0.1 (DNS rebinding) sends its
        # name as Host: answer only requests addressed to this machine by its loopback names.
        if self.headers.get("Host", "").lower() not in self.server.hosts:
            self._send(403, "text/plain; charset=utf-8", b"forbidden: open the page as 127.0.0.1 or localhost\n")
            return
        url = urlsplit(self.path)
        board = self.server.board
        if url.path == "/":
            self._send(200, "text/html; charset=utf-8", page(*board.snapshot()),
                       "default-src 'none'; img-src 'self'; script-src 'self'; style-src 'unsafe-inline'; "
                       "connect-src 'self'")
        elif url.path == "/live.js":
            self._send(200, "text/javascript; charset=utf-8", _SCRIPT)
        elif url.path == "/version":
            since = number(parse_qs(url.query).get("since", ["-1"])[0])
            if since is None:
                self._send(400, "text/plain; charset=utf-8", b"since: not a whole number\n")
                return
            version = board.wait(since, LONG_POLL_SECONDS)
            self._send(200, "application/json", json.dumps({"version": version}).encode())
        else:
            self._map(url.path)

    def _map(self, path: str) -> None:
        _, entries = self.server.board.snapshot()
        index = number(path.removeprefix("/map/").removesuffix(".svg"))
        if path.startswith("/map/") and index is None:
            self._send(400, "text/plain; charset=utf-8", b"a map is named by its number: /map/0.svg\n")
            return
        svg = entries[index].svg if path.startswith("/map/") and index is not None and 0 <= index < len(entries) \
            else None
        if svg is None:
            self._send(404, "text/plain; charset=utf-8", b"no such map\n")
        else:
            self._send(200, "image/svg+xml", svg, "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                                                  "font-src data:")

    def _send(self, status: int, kind: str, body: bytes, policy: str | None = None) -> None:
        # A tab that closed or reloaded while its long poll waited has nobody left to answer.
        with contextlib.suppress(ConnectionError):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            if policy:
                self.send_header("Content-Security-Policy", policy)
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the terminal is for render results."""
