"""Spec files -> journey-quality findings (``FILE:LINE:COL: CODE message``) and the ``lint`` command."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from journeygen.authoring.config import Level, LintConfig, find_config
from journeygen.authoring.rules import RULES, Context, Rule
from journeygen.errors import SpecError, printable
from journeygen.spec.checks import Finding as Hit
from journeygen.spec.loader import Document, read_source
from journeygen.validate import build

INVALID = "JG001"
CODES = frozenset(rule.code for rule in RULES)
_DIRECTIVE = re.compile(r"#\s*journeygen:\s*(disable|ignore)\s*=\s*([A-Za-z0-9_, ]+)")


@dataclass(frozen=True, order=True)
class Finding:
    """One lint finding, pinned to a place in a spec file."""

    file: str
    line: int
    col: int
    code: str
    level: Level
    message: str

    def __str__(self) -> str:
        return printable(f"{self.file}:{self.line}:{self.col}: {self.code} {self.message}")


@dataclass(frozen=True)
class Directives:
    """``# journeygen: disable=JG103`` (whole file) and ``# journeygen: ignore=JG103`` (that line)."""

    disable: frozenset[str]
    ignore: Mapping[int, frozenset[str]]

    @classmethod
    def parse(cls, text: str) -> Directives:
        disable: set[str] = set()
        ignore: dict[int, frozenset[str]] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            for kind, codes in _DIRECTIVE.findall(line):
                found = {c.strip().upper() for c in codes.split(",") if c.strip()}
                if kind == "disable":
                    disable |= found
                else:
                    ignore[number] = ignore.get(number, frozenset()) | found
        return cls(frozenset(disable), ignore)

    def allows(self, finding: Finding) -> bool:
        return finding.code not in self.disable and finding.code not in self.ignore.get(finding.line, ())


def lint_document(doc: Document, text: str, config: LintConfig, today: dt.date) -> list[Finding]:
    """Every finding of every enabled rule in one parsed document (its problems if it is invalid)."""
    try:
        journey = build(doc)
    except SpecError as exc:
        return [Finding(p.file, p.line, p.col, INVALID, "error", f"{p.path}: {p.message}") for p in exc.problems]
    ctx = Context(journey, doc.data, config.max_items, today)
    directives = Directives.parse(text)
    found = [_finding(doc, rule, hit, config) for rule in RULES if rule.code not in config.disable
             and (rule.profile is None or rule.profile in config.profiles) for hit in rule.check(ctx)]
    return sorted(f for f in found if directives.allows(f))


def _finding(doc: Document, rule: Rule, hit: Hit, config: LintConfig) -> Finding:
    line, col = doc.positions.key(hit.path) if hit.at_key else doc.positions.value(hit.path)
    return Finding(doc.name, line, col, rule.code, config.levels.get(rule.code, rule.level), hit.message)


def lint_file(spec: str, *, today: dt.date, disable: Iterable[str] = (),
              profiles: Iterable[str] = ()) -> list[Finding]:
    """Read, validate and lint one spec with the project config found above it (``-``: stdin)."""
    try:
        text, doc = read_source(spec)
        config = find_config(Path(spec) if spec != "-" else Path.cwd(), CODES)
    except SpecError as exc:
        return [Finding(p.file, p.line, p.col, INVALID, "error", f"{p.path}: {p.message}") for p in exc.problems]
    config = replace(config, disable=config.disable | {c.upper() for c in disable},
                     profiles=config.profiles | set(profiles))
    return lint_document(doc, text, config, today)

