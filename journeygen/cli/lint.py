"""`journeygen lint`: spec files -> findings on stdout (text or JSON) and an exit status."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import asdict

import click

from journeygen.authoring.lint import CODES, lint_file
from journeygen.authoring.rules import PROFILES, RULES


def _split(values: tuple[str, ...]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _print_rules() -> None:
    for rule in RULES:
        click.echo(f"{rule.code}  {rule.level:<7}  {rule.name:<22}  {rule.summary}")


@click.command(short_help="Check specs for what a good journey map should have.")
@click.argument("specs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: FILE:LINE:COL: CODE message; json: a list of findings with their level.")
@click.option("--disable", multiple=True, metavar="CODE[,CODE...]", help="Turn rules off for this run.")
@click.option("--profile", "profiles", multiple=True, type=click.Choice(sorted(PROFILES)),
              help="Turn on a profile's rules: research checks that pains, emotions and metrics name evidence.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="The date overdue ideas are judged against (default: today).")
@click.option("--rules", "list_rules", is_flag=True, help="List every rule with its code, level and meaning.")
def lint(specs: tuple[str, ...], output: str, disable: tuple[str, ...], profiles: tuple[str, ...], strict: bool,
         today: dt.datetime | None, list_rules: bool) -> None:
    """Check each SPEC for what a good journey map should have; print FILE:LINE:COL: CODE message.

    Exits 1 when a rule at error level fires (any rule with --strict), or a spec is invalid: a
    shared persona or linked map (`use:`) that is missing, broken or in a cycle is an error. With no
    SPEC inside a project (journeygen.toml), every map of the project is checked.
    Turn rules off per project in pyproject.toml ([tool.journeygen.lint] disable = ["JG103"]) or
    .journeygen.toml ([lint] disable = [...]), per file with a comment `# journeygen: disable=JG103`,
    and per line with `# journeygen: ignore=JG103` on the line the finding points at.

    \b
    Examples:
      journeygen lint examples/*.journey.yaml
      journeygen lint                          # every map of the project
      journeygen lint map.yaml --format json --disable JG104
      journeygen lint map.yaml --profile research
      journeygen lint --rules
    """
    if list_rules:
        _print_rules()
        return
    if not specs:
        from journeygen.cli.project import project_maps

        specs = project_maps("lint")[1]
    unknown = sorted({c.upper() for c in _split(disable)} - CODES)
    if unknown:
        raise click.BadParameter(f"unknown rule code(s) {', '.join(unknown)}; see --rules", param_hint="--disable")
    day = today.date() if today else dt.date.today()
    findings = [f for spec in specs for f in lint_file(spec, today=day, disable=_split(disable), profiles=profiles)]
    if output == "json":
        click.echo(json.dumps([asdict(f) for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(str(finding))
    errors = sum(1 for f in findings if f.level == "error")
    click.echo(f"{errors} error(s), {len(findings) - errors} warning(s) in {len(specs)} spec(s)", err=True)
    if errors or (strict and findings):
        sys.exit(1)
