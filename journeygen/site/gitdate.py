"""A file -> the date of the last git commit that touched it (None outside a repository or without git)."""

from __future__ import annotations

from pathlib import Path

from journeygen.git import GitError, run


def last_commit(path: Path) -> str | None:
    """``2026-03-14``: the committer date of the last commit that changed ``path``; None when there is none.

    Asked through the one hardened git runner: ``git log`` without a patch runs no filter, driver or hook.
    """
    try:
        answer = run(path.parent, "log", "-1", "--format=%cs", "--", path.name)
    except GitError:
        return None  # no git on this machine, or a stalled repository: the index just shows no date
    return (answer.text or None) if answer.ok else None
