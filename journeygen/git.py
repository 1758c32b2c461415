"""git arguments -> git's answer, through read-only plumbing that runs none of a repository's commands.

A repository is input like a spec: its ``.git/config`` may name clean filters, hooks, an fsmonitor, a pager
or diff drivers. journeygen asks git only plumbing questions (``rev-parse``, ``cat-file``) that never run
them, turns off what could still run, bounds every call in time and in bytes, and reads a blob only after
git has said how big it is.
"""

from __future__ import annotations

import hashlib
import os
import selectors
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from journeygen.errors import JourneygenError

TIMEOUT = float(os.environ.get("JOURNEYGEN_GIT_TIMEOUT", "") or 20)
"""Seconds one git call may take; a stalled repository (a FIFO among its objects) fails instead of hanging."""
ANSWER_LIMIT = 64 * 1024
"""Bytes of output a plumbing question (not a blob read) may give."""

# Configuration that could run a program is set to something inert on the command line, which wins over
# every config file; no prompt, no lock on the index, no fetch of missing objects from a promisor remote.
_SAFE_CONFIG = ("core.fsmonitor=false", "core.hooksPath=/dev/null", "core.pager=cat", "diff.external=",
                "core.askPass=", "credential.helper=", "protocol.allow=never")
_SAFE_ENV = {"GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "PAGER": "cat",
             "GIT_NO_LAZY_FETCH": "1", "GIT_NO_REPLACE_OBJECTS": "1", "GIT_LITERAL_PATHSPECS": "1",
             "LC_ALL": "C"}
_UNSAFE_ENV = ("GIT_EXTERNAL_DIFF", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_SSH", "GIT_SSH_COMMAND",
               "GIT_PROXY_COMMAND", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT")


class GitError(JourneygenError):
    """git is missing, stalled, or answered more than journeygen asked for."""


class GitMissing(GitError):
    """No git program on PATH."""


@dataclass(frozen=True)
class Answer:
    """What one git call said: its exit status, its output and its complaint."""

    code: int
    out: bytes
    err: bytes

    @property
    def ok(self) -> bool:
        return self.code == 0

    @property
    def text(self) -> str:
        """The output as one stripped line (ids, paths)."""
        return self.out.decode("utf-8", "replace").strip()

    @property
    def complaint(self) -> str:
        """git's message without its ``fatal:`` prefix."""
        return self.err.decode("utf-8", "replace").strip().removeprefix("fatal: ")


def run(folder: Path, *args: str, limit: int = ANSWER_LIMIT) -> Answer:
    """Run ``git -C folder ARGS`` (an argument list, never a shell) with the safe settings.

    Raises GitError when git is not installed, takes longer than TIMEOUT, or writes more than ``limit``
    bytes; the process is killed then, so nothing is left running.
    """
    if any("\0" in arg for arg in args):
        raise GitError("a path or revision given to git holds a NUL character")
    git = shutil.which("git")
    if git is None:
        raise GitMissing("git is not installed")
    safe = [part for item in _SAFE_CONFIG for part in ("-c", item)]
    env = {key: value for key, value in os.environ.items() if key not in _UNSAFE_ENV} | _SAFE_ENV
    with subprocess.Popen([git, "--no-pager", *safe, "-C", str(folder), *args], stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
        try:
            out, err = _collect(process, limit, args[0])
        finally:
            if process.poll() is None:
                process.kill()
        return Answer(process.wait(), out, err)


def _collect(process: subprocess.Popen[bytes], limit: int, what: str) -> tuple[bytes, bytes]:
    """Read both pipes until git closes them, within TIMEOUT and ``limit`` bytes of output."""
    assert process.stdout is not None and process.stderr is not None
    chunks: dict[int, list[bytes]] = {process.stdout.fileno(): [], process.stderr.fileno(): []}
    sizes = dict.fromkeys(chunks, 0)
    deadline = time.monotonic() + TIMEOUT
    with selectors.DefaultSelector() as selector:
        for fd in chunks:
            selector.register(fd, selectors.EVENT_READ)
        while selector.get_map():
            left = deadline - time.monotonic()
            ready = selector.select(left) if left > 0 else []
            if not ready:
                raise GitError(f"git {what} gave no answer within {TIMEOUT:g} s (raise JOURNEYGEN_GIT_TIMEOUT "
                               "if the repository is just slow)")
            for key, _ in ready:
                data = os.read(key.fd, 65536)
                if not data:
                    selector.unregister(key.fd)
                    continue
                chunks[key.fd].append(data)
                sizes[key.fd] += len(data)
                if sizes[key.fd] > limit:
                    raise GitError(f"git {what} answered more than {limit} bytes")
    return b"".join(chunks[process.stdout.fileno()]), b"".join(chunks[process.stderr.fileno()])


def toplevel(folder: Path) -> Path | None:
    """The work tree holding ``folder``, or None outside one."""
    answer = run(folder, "rev-parse", "--show-toplevel")
    return Path(answer.text).resolve() if answer.ok and answer.text else None


def object_id(folder: Path, revision: str) -> str | None:
    """The id of ``revision`` (``HEAD``, ``HEAD:maps/shop.yaml``), or None when it names nothing."""
    answer = run(folder, "rev-parse", "--verify", "--quiet", "--end-of-options", revision)
    return answer.text if answer.ok and answer.text else None


def tree_entry_mode(folder: Path, revision: str, path: str) -> str | None:
    """The mode git records for ``path`` (relative to the top) in ``revision`` (``""``: the index), such as
    ``100644`` for a file or ``120000`` for a symlink; None when it holds no such entry."""
    args = ("ls-files", "--stage", "-z") if revision == "" else ("ls-tree", "-z", revision)
    answer = run(folder, *args, "--", path)
    entries = [entry for entry in answer.out.split(b"\0") if entry.endswith(b"\t" + path.encode())]
    return entries[0].split(b" ", 1)[0].decode() if answer.ok and entries else None


def blob_id(data: bytes, object_id_length: int) -> str:
    """The id git gives a blob of these bytes (SHA-1, or SHA-256 in a repository whose ids are 64 digits)."""
    algorithm = hashlib.sha256 if object_id_length == 64 else hashlib.sha1
    return algorithm(b"blob %d\0" % len(data) + data).hexdigest()


def read_blob(folder: Path, revision: str, limit: int) -> bytes:
    """The bytes of the file ``revision`` (``REV:path``) names, as committed (no filter, no textconv).

    Raises GitError with git's complaint when it names no file, and before reading anything when the file
    is larger than ``limit`` bytes.
    """
    blob = object_id(folder, revision)
    if blob is None:  # ask again for git's reason: no such revision, or no such path in it
        answer = run(folder, "cat-file", "-t", "--end-of-options", revision)
        raise GitError(answer.complaint or f"{revision} names nothing in git")
    if run(folder, "cat-file", "-t", blob).text != "blob":
        raise GitError(f"{revision} is a folder, not a file")
    size = run(folder, "cat-file", "-s", blob)
    if not size.ok or not size.text.isdigit():
        raise GitError(size.complaint or f"git cannot tell the size of {revision}")
    if int(size.text) > limit:
        raise GitError(f"file is {size.text} bytes, over the limit of {limit} "
                       "(raise JOURNEYGEN_MAX_BYTES if this is intended)")
    content = run(folder, "cat-file", "blob", blob, limit=limit)
    if not content.ok:
        raise GitError(content.complaint or f"git cannot read {revision}")
    return content.out
