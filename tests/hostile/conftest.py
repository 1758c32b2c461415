"""Every hostile test runs with the network blocked: an attempt fails loudly and fails the test."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

LOOPBACK = ("127.0.0.1", "::1")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Every way out to the network fails loudly and is recorded; the test fails if anything tried.

    A test marked ``loopback`` (the preview server's) may connect to 127.0.0.1 and ::1 by address.
    """
    attempts: list[str] = []
    loopback = request.node.get_closest_marker("loopback") is not None
    connect = socket.socket.connect

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args)[:200])
        raise OSError("network access is blocked in journeygen's hostile tests")

    def local_only(sock: socket.socket, address: tuple[str, int]) -> None:
        if not (loopback and isinstance(address, tuple) and address[0] in LOOPBACK):
            refuse(sock, address)
        connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", local_only)
    for name, owner in (("connect_ex", socket.socket), ("sendto", socket.socket),
                        ("getaddrinfo", socket), ("create_connection", socket), ("gethostbyname", socket)):
        monkeypatch.setattr(owner, name, refuse)
    yield attempts
    assert not attempts, f"something tried the network: {attempts}"
