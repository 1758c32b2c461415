"""A file -> the date of the last git commit that touched it (None outside a repository or without git)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# No optional locks, no fsmonitor hook from the repository's config (a cloned repository must not run its
# commands), no pager, never a prompt; `git log` itself runs no hooks.
_ENV = {"GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C"}
_SAFE = ("--no-pager", "-c", "core.fsmonitor=false")


def last_commit(path: Path) -> str | None:
    """``2026-03-14``: the committer date of the last commit that changed ``path``; None when there is none."""
    try:
        done = subprocess.run(["git", *_SAFE, "-C", str(path.parent), "log", "-1", "--format=%cs", "--", path.name],
                              capture_output=True, text=True, env={**os.environ, **_ENV}, timeout=20,
                              stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.SubprocessError):
        return None  # no git on this machine: the index just shows no date
    return (done.stdout.strip() or None) if done.returncode == 0 else None
