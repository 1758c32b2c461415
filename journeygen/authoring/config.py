"""``[tool.journeygen]`` in pyproject.toml, ``journeygen.toml`` or ``.journeygen.toml`` -> lint settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from journeygen.errors import SpecError, single
from journeygen.projectfile import PROJECT_FILE, load_toml, pyproject_table

Level = Literal["error", "warning"]
DEFAULT_MAX_ITEMS = 6


@dataclass(frozen=True)
class LintConfig:
    """What the project asks of ``journeygen lint``; the defaults when no config file is found."""

    disable: frozenset[str] = frozenset()
    levels: Mapping[str, Level] = field(default_factory=lambda: MappingProxyType({}))
    max_items: int = DEFAULT_MAX_ITEMS
    source: Path | None = None
    profiles: frozenset[str] = frozenset()
    """Rule profiles turned on (``research``): their rules are off otherwise."""


def find_config(start: Path, known: frozenset[str] = frozenset()) -> LintConfig:
    """The nearest config walking up from ``start``: ``.journeygen.toml`` first, ``journeygen.toml``, then a pyproject
    with a ``[tool.journeygen]`` table (a pyproject without one does not stop the walk). Rule codes
    not in ``known`` (when given) are reported, so a typo does not silently leave a rule on."""
    folder = start if start.is_dir() else start.parent
    for here in (folder.resolve(), *folder.resolve().parents):
        for name in (".journeygen.toml", PROJECT_FILE):
            own = here / name
            if own.is_file():
                return _parse(own, load_toml(own), known)
        pyproject = here / "pyproject.toml"
        table = pyproject_table(pyproject)
        if table is not None:
            return _parse(pyproject, table, known)
    return LintConfig()


def _parse(path: Path, table: dict[str, Any], known: frozenset[str]) -> LintConfig:
    lint = table.get("lint", {})
    where = "[tool.journeygen.lint]" if path.name == "pyproject.toml" else "[lint]"
    if not isinstance(lint, dict):
        raise _bad(path, f"{where} must be a table")
    unknown = set(lint) - {"disable", "max-items", "error", "warning", "profiles"}
    if unknown:
        raise _bad(path, f"{where}: unknown setting(s) {', '.join(sorted(unknown))}; "
                         "known: disable, max-items, error, warning, profiles")
    profiles = lint.get("profiles", [])
    if not isinstance(profiles, list) or not set(profiles) <= {"research"}:
        raise _bad(path, f"{where} profiles must be a list of profile names; known: research")
    levels: dict[str, Level] = {}
    for level in ("warning", "error"):
        levels.update(dict.fromkeys(_codes(path, lint, level, known), level))
    max_items = lint.get("max-items", DEFAULT_MAX_ITEMS)
    if isinstance(max_items, bool) or not isinstance(max_items, int) or max_items < 1:
        raise _bad(path, f"{where} max-items must be a whole number of at least 1, got {max_items!r}")
    return LintConfig(frozenset(_codes(path, lint, "disable", known)), MappingProxyType(levels), max_items, path,
                      frozenset(profiles))


def _codes(path: Path, lint: dict[str, Any], key: str, known: frozenset[str]) -> list[str]:
    codes = lint.get(key, [])
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise _bad(path, f"lint setting {key!r} must be a list of rule codes such as [\"JG103\"]")
    found = [c.strip().upper() for c in codes]
    unknown = sorted(set(found) - known) if known else []
    if unknown:
        raise _bad(path, f"lint setting {key!r}: unknown rule code(s) {', '.join(unknown)}; "
                         "`journeygen lint --rules` lists them")
    return found


def _bad(path: Path, message: str) -> SpecError:
    return single(str(path), message)
