"""`watch` under attack: a FIFO swapped in for the spec; `--serve` as a page on another site would use it
(wrong Host, malformed URLs, held connections).

The real command runs in a child process; requests are written by hand on a raw socket, so the
test controls every byte (Host header, bytes that are not ASCII, thousands of digits).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT
from watchproc import Watch

from journeygen.authoring import serve
from journeygen.authoring.serve import Board, PreviewServer

pytestmark = pytest.mark.loopback
SHOP = ROOT / "examples" / "online-shop.journey.yaml"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Watch, int]]:
    (tmp_path / ".git").mkdir()
    shutil.copy(SHOP, tmp_path / "shop.journey.yaml")
    watch = Watch("shop.journey.yaml", "--serve", "--port", "0", cwd=tmp_path)
    port = int(watch.expect(r"serving http://127\.0\.0\.1:(\d+)/").group(1))
    watch.expect(r"rendered")
    yield watch, port
    log = watch.terminate()
    assert "Traceback" not in log, log


def test_a_fifo_swapped_in_for_the_spec_is_reported_and_watch_recovers(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    spec = tmp_path / "shop.journey.yaml"
    shutil.copy(SHOP, spec)
    watch = Watch("shop.journey.yaml", cwd=tmp_path)
    watch.expect(r"rendered shop\.svg")
    first = (tmp_path / "shop.svg").read_bytes()
    spec.unlink()
    os.mkfifo(spec)
    watch.expect(r"shop\.journey\.yaml:1:1: \(file\): is a named pipe \(FIFO\), not a regular file")
    watch.expect(r"not rendered; the last good output is kept")
    assert (tmp_path / "shop.svg").read_bytes() == first
    spec.unlink()
    spec.write_text(SHOP.read_text().replace("Buying running shoes online", "Back again"))
    watch.expect(r"rendered shop\.svg")
    assert b"Back again" in (tmp_path / "shop.svg").read_bytes()
    assert "Traceback" not in watch.terminate()


def ask(port: int, target: bytes, host: bytes | None) -> tuple[int, bytes]:
    """Send one GET with exactly these bytes; the status and body of the answer."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(30)
        sock.connect(("127.0.0.1", port))
        header = b"Host: " + host + b"\r\n" if host is not None else b""
        sock.sendall(b"GET " + target + b" HTTP/1.1\r\n" + header + b"Connection: close\r\n\r\n")
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_only_loopback_host_names_are_answered(served: tuple[Watch, int]) -> None:
    _, port = served
    here = str(port).encode()
    for host in (b"127.0.0.1:" + here, b"localhost:" + here, b"LOCALHOST:" + here, b"[::1]:" + here):
        status, body = ask(port, b"/map/0.svg", host)
        assert status == 200 and body.endswith(b"</svg>\n"), host
    for host in (b"evil.example", b"evil.example:" + here, b"127.0.0.1", b"127.0.0.1:1", b"localhost.evil.example:"
                 + here, b"127.0.0.1:" + here + b".evil.example", None):
        for target in (b"/", b"/map/0.svg", b"/version?since=-1", b"/live.js"):
            status, body = ask(port, target, host)
            assert status == 403 and b"svg" not in body and b"Buying" not in body, (host, target)


def test_malformed_numbers_are_a_400_not_a_dropped_connection(served: tuple[Watch, int]) -> None:
    watch, port = served
    host = b"127.0.0.1:" + str(port).encode()
    for target in (b"/version?since=%C2%B2", b"/version?since=\xb2", b"/version?since=" + b"9" * 5000,
                   b"/version?since=1e3", b"/map/\xb2.svg", b"/map/%C2%B2.svg", b"/map/" + b"7" * 5000 + b".svg",
                   b"/map/x.svg"):
        assert ask(port, target, host)[0] == 400, target
    assert ask(port, b"/map/9.svg", host)[0] == 404
    assert ask(port, b"/map/0.svg", host)[0] == 200
    assert "Traceback" not in watch.terminate()


@pytest.fixture
def small_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[PreviewServer]:
    """The preview server in this process with a 4-connection cap and a half-second idle timeout."""
    monkeypatch.setattr(serve, "MAX_CONNECTIONS", 4)
    monkeypatch.setattr(serve._Handler, "timeout", 0.5)
    board = Board(["a"])
    board.publish(0, b"<svg/>", ())
    server = PreviewServer(0, board)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_held_connections_are_capped_and_closed_when_idle(small_server: PreviewServer) -> None:
    """40 connections that never send a byte: never more than 4 handler threads, and every one is closed."""
    port = small_server.server_address[1]
    baseline = threading.active_count()
    peak = [baseline]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak.append(threading.active_count())
            time.sleep(0.005)

    threading.Thread(target=sample, daemon=True).start()
    held = [socket.socket() for _ in range(40)]
    for sock in held:
        sock.settimeout(10)
        sock.connect(("127.0.0.1", port))
    answers = [sock.recv(100) for sock in held]
    done.set()
    for sock in held:
        sock.close()
    assert max(peak) <= baseline + 1 + 4  # the sampler, and at most four connections served at once
    assert all(a == b"" or a.startswith(b"HTTP/1.0 503 Service Unavailable") for a in answers), answers
    assert answers.count(b"") >= 4  # the first four were served, then closed for idling
    status, body = ask(port, b"/map/0.svg", f"127.0.0.1:{port}".encode())
    assert status == 200 and body == b"<svg/>"
