"""Command line for maps under version control: diff, the git diff driver, report, import csv."""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from journeygen.spec.loaded import Spec

_COLOR = click.Choice(["auto", "always", "never"])


def _colour(choice: str) -> bool | None:
    """click strips ANSI codes when this is False, or when None and stdout is not a terminal."""
    return {"always": True, "never": False}.get(choice)


def _load_pair(old: str, new: str) -> tuple[Spec, Spec]:
    """Both sides, or one SpecError listing the problems of each side that failed."""
    before, after = _load_all((old, new))
    return before, after


@click.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text", show_default=True,
              help="text for a terminal, md for a pull-request comment, json for programs.")
@click.option("--color", "color", type=_COLOR, default="auto", show_default=True,
              help="Colour the text output: auto means only on a terminal.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; the exit status tells equal (0) or not (1).")
def diff(old: str, new: str, fmt: str, color: str, quiet: bool) -> None:
    """Show what changed between two maps: stages, personas, emotions, items, ideas, metrics.

    Stages and personas are matched by id, so a rename is a rename, not a removal plus an addition.
    OLD and NEW are spec files, `-` for standard input, or a git revision REV:PATH (PATH relative
    to the current folder, read from the repository that contains it).

    Exit status: 0 when the maps are equal, 1 when they differ or one is invalid (its problems are
    printed to standard error as FILE:LINE:COL: path: message), 2 for wrong usage.

    \b
    Examples:
      journeygen diff HEAD~3:maps/shop.yaml maps/shop.yaml
      journeygen diff main:maps/shop.yaml maps/shop.yaml --format md > comment.md
      journeygen diff as-is.yaml to-be.yaml --format json
    """
    from journeygen.spec.diff import diff as compare
    from journeygen.vcs.diff_format import Names, to_json, to_markdown, to_text

    before, after = _load_pair(old, new)
    changes = compare(before.journey, after.journey)
    if not quiet:
        names = Names(before.journey, after.journey)
        if fmt == "json":
            click.echo(to_json(changes, old, new), nl=False)
        elif fmt == "md":
            click.echo(to_markdown(changes, names, old, new), nl=False)
        else:
            want = _colour(color) is not False
            click.echo(to_text(changes, names, old, new, colour=want), nl=False, color=_colour(color))
    sys.exit(1 if changes else 0)


@click.command(name="git-diff", hidden=True, context_settings={"ignore_unknown_options": True})
@click.option("--color", "color", type=_COLOR, default="auto")
@click.option("--textconv", is_flag=True, help="Print one fact a line of the one FILE given, for git's textconv.")
@click.option("--install", is_flag=True, help="Configure this repository to use this journeygen as its driver.")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def git_diff(color: str, textconv: bool, install: bool, args: tuple[str, ...]) -> None:
    """git's external diff driver: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE.

    Set it up with `journeygen git-diff --install` in the repository (it records this Python's
    absolute path, so it works from a venv that is not active) and a `*.journey.yaml diff=journeygen`
    line in .gitattributes. Always exits 0 so git goes on to the next file; a side that does not
    load is shown with its problems and a line diff.
    With --textconv FILE it prints the map as one fact a line (`diff.journeygen.textconv`), for
    `git log -p` and `git show`; a file that is not a valid map is printed as it is.
    """
    from journeygen.vcs.gitdriver import external_diff, textconv_file
    from journeygen.vcs.gitdriver import install as install_driver

    if install:
        if args or textconv:
            raise click.UsageError("--install takes no FILE and no other option")
        for key, value in install_driver(Path.cwd(), sys.executable).items():
            click.echo(f"git config {key} {shlex.quote(value)}", err=True)
        return
    if textconv:
        if len(args) != 1:
            raise click.UsageError("--textconv takes one FILE")
        sys.stdout.buffer.write(textconv_file(Path(args[0])))
        return
    if len(args) != 7:
        raise click.UsageError("git passes 7 arguments: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE")
    text = external_diff(args[0], Path(args[1]), Path(args[4]), colour=_colour(color) is not False,
                         old_hex=args[2], new_hex=args[5])
    click.echo(text, nl=False, color=_colour(color))




@click.command()
@click.argument("specs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["md", "json", "csv", "backlog-csv"]), default="md",
              show_default=True, help="md for people, json for programs, csv for a spreadsheet, backlog-csv for "
                                      "an issue tracker's import.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="The date that decides which ideas are overdue (default: today).")
def report(specs: tuple[str, ...], fmt: str, today: dt.datetime | None) -> None:
    """Report what needs attention in one or more maps, per map and in total.

    Stages by emotion (lowest first, per persona), pain points in stages without ideas, ideas by
    owner with due dates (overdue first), and metrics behind their target (the verdict their card
    on the map shows: comparable numbers and a known direction, `better:`). SPEC may be a git
    revision REV:PATH as in `diff`. With no SPEC inside a project (journeygen.toml), every map of
    the project is reported.

    `--format backlog-csv` writes the open ideas instead, one issue per row (title, body, owner,
    due, labels) in the order of the PDF's backlog (RICE, highest first): the body holds the pains
    each idea addresses with their evidence, the labels its impact, effort, status, stage, map and
    RICE score.

    \b
    Examples:
      journeygen report > report.md              # the project's maps
      journeygen report maps/*.yaml > report.md
      journeygen report maps/*.yaml --format csv > actions.csv
      journeygen report maps/shop.yaml --format json --today 2026-03-01
      journeygen report maps/*.yaml --format backlog-csv > backlog.csv
    """
    from journeygen.report.formats import to_backlog_csv, to_csv, to_json, to_markdown
    from journeygen.report.model import report as make_report
    from journeygen.report.model import total

    day = today.date() if today else dt.date.today()
    if not specs:
        from journeygen.cli.project import project_maps

        specs = project_maps("report")[1]
    loaded = _load_all(specs)
    if fmt == "backlog-csv":
        click.echo(to_backlog_csv([(spec, s.journey) for spec, s in zip(specs, loaded, strict=True)]), nl=False)
        return
    maps = [(spec, s.journey.title, make_report(s.journey, spec, day)) for spec, s in zip(specs, loaded, strict=True)]
    everything = total([r for _, _, r in maps])
    if fmt == "json":
        click.echo(to_json(maps, everything, day), nl=False)
    elif fmt == "csv":
        click.echo(to_csv([r for _, _, r in maps]), nl=False)
    else:
        click.echo(to_markdown(maps, everything, day), nl=False)


def _load_all(specs: tuple[str, ...]) -> tuple[Spec, ...]:
    """Every spec (files or REV:path), or one SpecError with the problems of all that failed."""
    from journeygen.api import load_all
    from journeygen.vcs.revisions import load_any

    return load_all(specs, load_any)


@click.command(hidden=True)
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option("-o", "--output", metavar="FILE|-", help="Where to write the SVG (default: NEW's folder, "
                                                       "<stem>-compare.svg); `-` prints it.")
@click.option("--theme", metavar="NAME|PATH", help="Theme name (see `journeygen themes`) or theme file.")
@click.option("--max-width", type=click.IntRange(min=400), metavar="PX",
              help="Wrap stages into rows so the map is at most PX wide.")
def compare(old: str, new: str, output: str | None, theme: str | None, max_width: int | None) -> None:
    """Draw the to-be map NEW over the as-is map OLD: one SVG, both emotion curves.

    The as-is curve is drawn faded under the to-be one, each emotion label carries its change
    (`hopeful (+1)`), added items are marked +, removed items are kept and marked −, and a metric
    whose value changed names the old value. OLD and NEW are files, `-`, or git revisions REV:PATH.

    \b
    Examples:
      journeygen compare maps/as-is.journey.yaml maps/to-be.journey.yaml
      journeygen compare HEAD~5:maps/shop.journey.yaml maps/shop.journey.yaml -o plan.svg
    """
    write_compare(old, new, output, theme=theme, max_width=max_width)


def write_compare(old: str, new: str, output: str | None, *, theme: str | None = None,
                  max_width: int | None = None, outdir: bool = False) -> None:
    """Render the compare map of OLD and NEW to the file ``output`` (``-``: stdout; None: beside NEW).

    With ``outdir`` (as `render -o DIR` means it) ``output`` is the folder for ``<stem>-compare.svg``.
    """
    from journeygen.api import compare as render_compare
    from journeygen.cli.output import refuse_overwrite
    from journeygen.output import write_atomic
    from journeygen.project import stem
    from journeygen.vcs.revisions import split_revision

    if output and not outdir:
        refuse_overwrite(output, [(split_revision(spec) or ("", spec))[1] for spec in (old, new)], "-o")
    before, after = _load_pair(old, new)
    data = render_compare(before, after, theme=theme, max_width=max_width)
    if output == "-":
        sys.stdout.buffer.write(data)
        return
    path_of_new = (split_revision(new) or ("", new))[1]
    name = f"{stem(path_of_new)}-compare.svg"
    target = Path(output) / name if output and outdir else Path(output) if output else Path(path_of_new).parent / name
    write_atomic(target, data)
    click.echo(f"wrote {target}", err=True)
