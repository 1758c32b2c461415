"""Spec files -> journey-quality findings (``FILE:LINE:COL: CODE message``) and the ``lint`` command."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import click

from journeygen.authoring.config import Level, LintConfig, find_config
from journeygen.authoring.rules import RULES, Context, Rule
from journeygen.errors import SpecError, printable
from journeygen.spec.build import build
from journeygen.spec.checks import Finding as Hit
from journeygen.spec.loader import Document, read_source

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
             for hit in rule.check(ctx)]
    return sorted(f for f in found if directives.allows(f))


def _finding(doc: Document, rule: Rule, hit: Hit, config: LintConfig) -> Finding:
    line, col = doc.positions.key(hit.path) if hit.at_key else doc.positions.value(hit.path)
    return Finding(doc.name, line, col, rule.code, config.levels.get(rule.code, rule.level), hit.message)


def lint_file(spec: str, *, today: dt.date, disable: Iterable[str] = ()) -> list[Finding]:
    """Read, validate and lint one spec with the project config found above it (``-``: stdin)."""
    try:
        text, doc = read_source(spec)
        config = find_config(Path(spec) if spec != "-" else Path.cwd(), CODES)
    except SpecError as exc:
        return [Finding(p.file, p.line, p.col, INVALID, "error", f"{p.path}: {p.message}") for p in exc.problems]
    config = replace(config, disable=config.disable | {c.upper() for c in disable})
    return lint_document(doc, text, config, today)


def _split(values: tuple[str, ...]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _print_rules() -> None:
    for rule in RULES:
        click.echo(f"{rule.code}  {rule.level:<7}  {rule.name:<20}  {rule.summary}")


@click.command(short_help="Check specs for what a good journey map should have.")
@click.argument("specs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: FILE:LINE:COL: CODE message; json: a list of findings with their level.")
@click.option("--disable", multiple=True, metavar="CODE[,CODE...]", help="Turn rules off for this run.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="The date overdue ideas are judged against (default: today).")
@click.option("--rules", "list_rules", is_flag=True, help="List every rule with its code, level and meaning.")
def lint(specs: tuple[str, ...], output: str, disable: tuple[str, ...], strict: bool,
         today: dt.datetime | None, list_rules: bool) -> None:
    """Check each SPEC for what a good journey map should have; print FILE:LINE:COL: CODE message.

    Exits 1 when a rule at error level fires (any rule with --strict), or a spec is invalid.
    Turn rules off per project in pyproject.toml ([tool.journeygen.lint] disable = ["JG103"]) or
    .journeygen.toml ([lint] disable = [...]), per file with a comment `# journeygen: disable=JG103`,
    and per line with `# journeygen: ignore=JG103` on the line the finding points at.

    \b
    Examples:
      journeygen lint examples/*.journey.yaml
      journeygen lint map.yaml --format json --disable JG104
      journeygen lint --rules
    """
    if list_rules:
        _print_rules()
        return
    if not specs:
        raise click.UsageError("give at least one SPEC (or --rules to list the rules)")
    unknown = sorted({c.upper() for c in _split(disable)} - CODES)
    if unknown:
        raise click.BadParameter(f"unknown rule code(s) {', '.join(unknown)}; see --rules", param_hint="--disable")
    day = today.date() if today else dt.date.today()
    findings = [f for spec in specs for f in lint_file(spec, today=day, disable=_split(disable))]
    if output == "json":
        click.echo(json.dumps([asdict(f) for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(str(finding))
    errors = sum(1 for f in findings if f.level == "error")
    click.echo(f"{errors} error(s), {len(findings) - errors} warning(s) in {len(specs)} spec(s)", err=True)
    if errors or (strict and findings):
        sys.exit(1)
