"""Every hostile test runs with the network blocked: an attempt fails loudly and fails the test."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every way out to the network fails loudly and is recorded; the test fails if anything tried."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args)[:200])
        raise OSError("network access is blocked in journeygen's hostile tests")

    for name, owner in (("connect", socket.socket), ("connect_ex", socket.socket), ("sendto", socket.socket),
                        ("getaddrinfo", socket), ("create_connection", socket), ("gethostbyname", socket)):
        monkeypatch.setattr(owner, name, refuse)
    yield attempts
    assert not attempts, f"something tried the network: {attempts}"
