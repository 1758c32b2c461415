"""`journeygen fmt`: spec files -> rewritten in canonical form, checked, or diffed."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from journeygen.authoring.fmt import format_text, source_text
from journeygen.errors import JourneygenError, SpecError, printable
from journeygen.output import write_atomic


def _diff(spec: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"{spec} (before)", f"{spec} (formatted)")
    return "".join(lines)


def _format_one(spec: str, *, check: bool, diff: bool) -> bool:
    """Format one spec as asked; True if its text is not canonical."""
    text = source_text(spec)
    name = "<stdin>" if spec == "-" else spec
    result = format_text(text, name, json_syntax=spec.lower().endswith(".json"),
                         base_dir=None if spec == "-" else Path(spec).resolve().parent)
    changed = result != text
    if diff and changed:
        click.echo(_diff(name, text, result), nl=False)
    if check or diff:
        if changed and check:
            click.echo(f"would reformat {name}", err=True)
    elif spec == "-":
        click.echo(result, nl=False)
    elif changed:
        write_atomic(Path(spec), result.encode("utf-8"))
        click.echo(f"formatted {spec}", err=True)
    return changed


@click.command(short_help="Rewrite specs in canonical form, keeping comments and meaning.")
@click.argument("specs", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if any SPEC is not canonical (for CI).")
@click.option("--diff", is_flag=True, help="Change nothing; print a unified diff of what would change.")
def fmt(specs: tuple[str, ...], check: bool, diff: bool) -> None:
    """Rewrite each SPEC in canonical form, keeping every comment and never changing its meaning.

    Canonical form: keys in the order of the format reference, 2-space indentation, short forms
    where they mean the same ({text: X} -> X, {score: 3} -> 3). A formatted spec always loads to
    the same journey as before; a spec that does not validate is reported and left alone.
    `-` reads standard input and writes the result to standard output.

    \b
    Examples:
      journeygen fmt maps/*.journey.yaml
      journeygen fmt --check maps/*.journey.yaml      # in CI or a pre-commit hook
      journeygen fmt --diff map.journey.yaml
    """
    changed = failed = 0
    for spec in specs:
        try:
            changed += _format_one(spec, check=check, diff=diff)
        except JourneygenError as exc:
            failed += 1
            click.echo(str(exc) if isinstance(exc, SpecError) else printable(str(exc)), err=True)
    verb = "would be reformatted" if check or diff else "reformatted"
    click.echo(f"{changed} of {len(specs)} spec(s) {verb}" + (f", {failed} failed" if failed else ""), err=True)
    if failed or (check and changed):
        sys.exit(1)
