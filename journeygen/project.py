"""A spec's path -> its project root: the folder whose files the spec may name, and nothing above it."""

from __future__ import annotations

from pathlib import Path

ROOT_MARKERS = ("journeygen.toml", "pyproject.toml", ".git")
"""A folder holding any of these is a project's root."""


def project_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` (a file or a folder) holding a root marker.

    Without one, the spec's own folder is the project. The path is resolved (symlinks followed), so a
    spec reached through a link belongs to the project its real file lives in.
    """
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in ROOT_MARKERS):
            return candidate
    return folder


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every symlink resolved, lies in ``root``."""
    return path.resolve().is_relative_to(root.resolve())
