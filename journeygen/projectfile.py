"""A project's journeygen.toml (or [tool.journeygen] in pyproject.toml) -> its maps, theme, locale, output
and lint settings, and the commands' specs when none are given."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from journeygen.errors import JourneygenError, single
from journeygen.project import inside
from journeygen.readfile import read_limited

CONFIG_LIMIT = 1024 * 1024
"""Bytes a project file may hold: far more than any settings need."""


PROJECT_FILE = "journeygen.toml"


SETTINGS = ("maps", "theme", "locale", "output", "lint")
"""The keys of ``journeygen.toml`` (and of ``[tool.journeygen]`` in pyproject.toml)."""


@dataclass(frozen=True)
class Project:
    """A folder with ``journeygen.toml`` (or ``[tool.journeygen]`` in pyproject.toml) and its settings.

    ``output`` is resolved against the project file's folder; ``theme`` is kept as written (a built-in
    name, or a theme file relative to the project file).
    """

    file: Path
    maps: tuple[str, ...] = ()
    theme: str | None = None
    locale: str | None = None
    output: Path | None = None
    lint: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def root(self) -> Path:
        return self.file.parent

    def specs(self) -> list[Path]:
        """Every file the ``maps`` globs match inside the project, sorted, each once."""
        found: set[Path] = set()
        for pattern in self.maps:
            found.update(p for p in self.root.glob(pattern) if p.is_file() and inside(p, self.root))
        return sorted(found)


def mirrored_folders(specs: Sequence[Path], outdir: Path) -> dict[Path, Path]:
    """Each spec's output folder under ``outdir``, keeping the maps' folders below their common folder,
    so that the relative links between maps (``ro/account.svg``) hold in the output as beside the specs."""
    if not specs:
        return {}
    base = Path(os.path.commonpath([spec.resolve().parent for spec in specs]))
    return {spec: outdir / spec.resolve().parent.relative_to(base) for spec in specs}


def find_project(start: Path) -> Project | None:
    """The project holding ``start``: the nearest ``journeygen.toml``, or pyproject.toml with a
    ``[tool.journeygen]`` table, at or above it (a pyproject without one does not stop the walk)."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for here in (folder, *folder.parents):
        own = here / PROJECT_FILE
        if own.is_file():
            return _parse(own, load_toml(own))
        pyproject = here / "pyproject.toml"
        table = pyproject_table(pyproject)
        if table is not None:
            return _parse(pyproject, table)
    return None


def pyproject_table(path: Path) -> dict[str, Any] | None:
    """The ``[tool.journeygen]`` table of a pyproject.toml; None without the file or the table.

    A pyproject.toml that is not valid TOML belongs to some other tool unless it names journeygen's table:
    only then is it an error (a broken project file of another language must not stop a render)."""
    if not path.is_file():
        return None
    try:
        data = load_toml(path)
    except JourneygenError as error:
        try:
            ours = b"tool.journeygen" in read_limited(path, CONFIG_LIMIT, confine=True)
        except JourneygenError:
            ours = False
        if ours:
            raise error from None
        return None
    table = data.get("tool", {}).get("journeygen")
    return table if isinstance(table, dict) else None


def project_specs(start: Path) -> list[Path]:
    """The maps of the project holding ``start`` (empty without a project): what commands given no SPEC do."""
    project = find_project(start)
    return project.specs() if project is not None else []


def load_toml(path: Path) -> dict[str, Any]:
    """A TOML file's table; a syntax error or unreadable file is a SpecError naming it."""
    try:
        return tomllib.loads(read_limited(path, CONFIG_LIMIT, confine=True).decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise single(str(path), f"invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise single(str(path), f"cannot read the config: {exc}") from None


def _parse(path: Path, table: dict[str, Any]) -> Project:
    unknown = sorted(set(table) - set(SETTINGS))
    if unknown:
        raise _bad(path, unknown[0], f"unknown setting {unknown[0]!r}; known: {', '.join(SETTINGS)}")
    maps = table.get("maps", [])
    if isinstance(maps, str):
        maps = [maps]
    if not isinstance(maps, list) or not all(isinstance(m, str) and m for m in maps):
        raise _bad(path, "maps", 'maps must be a list of globs such as ["maps/**/*.journey.yaml"]')
    if any(Path(m).is_absolute() or ".." in Path(m).parts for m in maps):
        raise _bad(path, "maps", "a maps glob is relative to the project file and stays inside the project")
    texts = {key: table.get(key) for key in ("theme", "locale", "output")}
    for key, value in texts.items():
        if value is not None and (not isinstance(value, str) or not value):
            raise _bad(path, key, f"{key} must be text, got {value!r}")
    lint = table.get("lint", {})
    theme, output = texts["theme"], texts["output"]
    return Project(path.resolve(), tuple(maps), theme, texts["locale"],
                   path.resolve().parent / output if output else None,
                   MappingProxyType(lint) if isinstance(lint, dict) else lint)


def _bad(path: Path, key: str, message: str) -> Exception:
    """A problem with one setting, at the line that sets it (TOML keeps no positions; the key is searched)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    line = next((n for n, text in enumerate(lines, 1) if pattern.match(text)), 1)
    where = "tool.journeygen." if path.name == "pyproject.toml" else ""
    return single(str(path), message, line=line, path=f"{where}{key}")
