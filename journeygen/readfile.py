"""A file named by the user (or ``-``, standard input) -> its bytes, bounded, without blocking on it.

The one read of untrusted input used by the loader, ``fmt``, ``lint`` and the importers: regular
files only (a FIFO, device or folder is refused before a byte is read, and the open never waits for
a writer), the size checked with ``fstat`` before reading and again while reading, and, when asked,
a symlink that leads out of the project refused. Messages name the file and never quote it.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from journeygen.errors import SpecError, single
from journeygen.project import inside, written_root

_KINDS = ((stat.S_ISDIR, "is a folder, not a file"), (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
          (stat.S_ISCHR, "is a device, not a regular file"), (stat.S_ISBLK, "is a device, not a regular file"))


def too_large(name: str, limit: int, size: int | None = None) -> SpecError:
    """The error for input over the byte limit (``JOURNEYGEN_MAX_BYTES``); ``size`` when it is known."""
    what = f"file is {size} bytes, over" if size is not None else "input is over"
    return single(name, f"{what} the limit of {limit} bytes (raise JOURNEYGEN_MAX_BYTES if this is intended)")


def read_limited(source: str | os.PathLike[str], limit: int, *, confine: bool = False) -> bytes:
    """The bytes of ``source`` (``-``: standard input), at most ``limit`` of them; raises SpecError.

    With ``confine``, a path whose real file lies outside the project it is written in (a symlink
    leading out) is refused before it is opened.
    """
    name = str(source)
    if name == "-":
        return _bounded(sys.stdin.buffer.read, "<stdin>", limit)
    path = Path(source)
    if confine and not inside(path, root := written_root(path)):
        raise single(name, f"leads out of its project ({root}) through a symlink; "
                           "journeygen reads only files inside the project")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _open_error(name, exc) from None
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise single(name, next((why for test, why in _KINDS if test(info.st_mode)), "is not a regular file"))
        if info.st_size > limit:
            raise too_large(name, limit, info.st_size)
        return _bounded(handle.read, name, limit)


def _bounded(read: Callable[[int], bytes | None], name: str, limit: int) -> bytes:
    """Read until end of file or one byte past ``limit`` (a file may grow after ``fstat``)."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = read(min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise too_large(name, limit)
    return b"".join(chunks)


def _open_error(name: str, exc: OSError) -> SpecError:
    if exc.errno == errno.ENOENT:
        return single(name, "no such file")
    return single(name, f"cannot read: {exc.strerror or exc}")
