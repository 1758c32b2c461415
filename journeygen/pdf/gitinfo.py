"""A spec file -> the git commit it was rendered from, so a printout can be traced to its version."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from journeygen.pdf.words import PdfWords

# No optional locks (a render must not write the index), no fsmonitor hook from a repository's
# config (rendering a cloned spec must not run the repository's commands), never a prompt.
_ENV = {"GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
_SAFE = ("-c", "core.fsmonitor=false")


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(folder), *_SAFE, *args], capture_output=True, text=True,
                              env={**os.environ, **_ENV}, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None  # no git on this machine: the footer just has no commit
    return done.stdout.strip() if done.returncode == 0 else None


def describe(folder: Path | None, filename: str | None, words: PdfWords | None = None) -> str | None:
    """``commit 1a2b3c4``, with ``(modified)`` when the file differs from it, in the language of ``words``
    (English by default); None outside a work tree."""
    if folder is None or not filename or not (folder / filename).is_file():
        return None  # standard input, or text: no file whose version could be named
    commit = _git(folder, "rev-parse", "--short", "HEAD")
    if not commit:
        return None
    state = _git(folder, "status", "--porcelain", "--", filename)
    words = words or PdfWords()
    wording = words.untracked if state and state.startswith("??") else words.modified if state else words.commit
    return wording.format(id=commit)


def committed(folder: Path, filename: str) -> str | None:
    """When ``filename``'s last commit was made (ISO 8601), or None outside a work tree or when never committed."""
    return _git(folder, "log", "-1", "--format=%cI", "--", filename) or None
