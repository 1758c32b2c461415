"""YAML texts -> the diagnostics the real YAML language server (VS Code's, Neovim's, Helix's) reports.

The server from tests/editor/ (`npm ci --prefix tests/editor`) runs over stdio, is told to map a
schema to every ``*.yaml``, is sent each text as an open document, and is listened to until it
has published diagnostics for all of them and gone quiet.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

SERVER = Path(__file__).parent / "editor" / "node_modules" / ".bin" / "yaml-language-server"


def server_or_skip() -> Path:
    """The server's executable; a skip (a failure on CI) when it is not installed."""
    if shutil.which("node") is None or not SERVER.is_file():
        message = "the YAML language server is not installed: run `npm ci --prefix tests/editor`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return SERVER


class _Connection:
    """JSON-RPC over the server's standard input and output, with LSP's Content-Length framing."""

    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.buffer = b""

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self, timeout: float) -> dict[str, Any] | None:
        """The next message, or None when none came within ``timeout`` seconds."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        while True:
            head, _, rest = self.buffer.partition(b"\r\n\r\n")
            if _:
                length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                                  if line.lower().startswith(b"content-length")))
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    message: dict[str, Any] = json.loads(rest[:length])
                    return message
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.process.stdout], [], [], left)[0]:
                return None
            chunk = os.read(self.process.stdout.fileno(), 1 << 16)
            if not chunk:
                return None
            self.buffer += chunk

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def diagnostics(schema: Path, documents: dict[Path, str], timeout: float = 120) -> dict[Path, list[dict[str, Any]]]:
    """What the server reports for each document (a path, which need not exist, and its text)."""
    settings = {"yaml": {"validate": True, "yamlVersion": "1.2", "schemaStore": {"enable": False},
                         "schemas": {schema.as_uri(): ["*.yaml", "*.yml"]}}}
    server = _Connection([str(server_or_skip()), "--stdio"])
    try:
        server.send({"id": 0, "method": "initialize", "params": {
            "processId": os.getpid(), "rootUri": schema.parent.as_uri(), "initializationOptions": settings,
            "capabilities": {"workspace": {"configuration": True}}}})
        _answer_until(server, lambda m: m.get("id") == 0, settings, timeout)
        server.send({"method": "initialized", "params": {}})
        server.send({"method": "workspace/didChangeConfiguration", "params": {"settings": settings}})
        for path, text in documents.items():
            server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
                "uri": path.as_uri(), "languageId": "yaml", "version": 1, "text": text}}})
        found: dict[str, list[dict[str, Any]]] = {}
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = server.receive(2 if len(found) == len(documents) else deadline - time.monotonic())
            if message is None:
                break
            _reply(server, message, settings)
            if message.get("method") == "textDocument/publishDiagnostics":
                found[message["params"]["uri"]] = message["params"]["diagnostics"]
    finally:
        server.close()
    assert len(found) == len(documents), "the server did not report on every document"
    return {path: found[path.as_uri()] for path in documents}


def _answer_until(server: _Connection, done: Any, settings: dict[str, Any], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while (message := server.receive(deadline - time.monotonic())) is not None:
        _reply(server, message, settings)
        if done(message):
            return
    raise AssertionError("the YAML language server did not answer")


def _reply(server: _Connection, message: dict[str, Any], settings: dict[str, Any]) -> None:
    """Answer the server's own requests: its settings when it asks for them, nothing otherwise."""
    if "method" in message and "id" in message:
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [settings.get(item.get("section", "")) for item in message["params"]["items"]]
        server.send({"id": message["id"], "result": result})
