"""A spec's path -> its project: the root folder whose files it may name, and the project's settings."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

ROOT_MARKERS = ("journeygen.toml", "pyproject.toml", ".git")
"""A folder holding any of these is a project's root."""


_SPEC_SUFFIXES = (".journey.yaml", ".journey.yml", ".journey.json", ".persona.yaml", ".persona.yml",
                  ".yaml", ".yml", ".json")


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


def written_root(path: Path) -> Path:
    """The project ``path`` lies in as written, before any symlink on the way is followed.

    A symlink inside a project may not lead a reader out of it: compare the real file against this
    root with :func:`inside`.
    """
    folder = Path(os.path.abspath(path)).parent
    return next((c for c in (folder, *folder.parents) if any((c / m).exists() for m in ROOT_MARKERS)), folder)
def stem(spec: str) -> str:
    """``maps/shop.journey.yaml`` -> ``shop``; standard input is ``journey``."""
    name = Path(spec).name if spec != "-" else "journey"
    for suffix in _SPEC_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def rendered_href(use: str, suffix: str = ".svg") -> str:
    """A relative link from one map to another's rendering: the file ``render`` writes beside the spec
    that ``use`` names (``detail/checkout.journey.yaml`` -> ``detail/checkout.svg``)."""
    folder = PurePosixPath(use.replace("\\", "/")).parent
    return str(folder / (stem(use) + suffix))
