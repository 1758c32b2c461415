"""Loaded by child processes in the hostile tests: any network use fails loudly and is recorded."""

import os
import socket


def _refuse(*args: object, **kwargs: object) -> None:
    with open(os.environ["JOURNEYGEN_NET_LOG"], "a", encoding="utf-8") as log:
        log.write(f"network attempt: {args!r}\n")
    raise OSError("network access is blocked in journeygen's hostile tests")


socket.socket.connect = _refuse  # type: ignore[method-assign]
socket.socket.connect_ex = _refuse  # type: ignore[method-assign,assignment]
socket.getaddrinfo = _refuse  # type: ignore[assignment]
socket.create_connection = _refuse  # type: ignore[assignment]
