"""`journeygen import FORMAT FILE -o OUT`: other tools' diagrams -> journeygen specs (one subcommand each)."""

from __future__ import annotations

from pathlib import Path

import click

from journeygen.errors import single
from journeygen.readfile import read_limited
from journeygen.spec.loader import Limits


@click.group("import")
def import_group() -> None:
    """Turn a diagram from another tool into a journeygen spec.

    \b
    Example:
      journeygen import mermaid diagram.mmd -o map.journey.yaml
    """


def read_source(source: str) -> tuple[str, str]:
    """The text of FILE (or stdin for `-`) and the name used in messages; bad UTF-8 is a SpecError."""
    name = "<stdin>" if source == "-" else source
    data = read_limited(source, Limits().max_bytes)
    try:
        return data.decode("utf-8-sig"), name
    except UnicodeDecodeError as exc:
        raise single(name, f"not UTF-8 text (byte {exc.start})") from None


def write_spec(text: str, source: str, output: str | None, force: bool) -> None:
    """Write the spec to OUT (default: next to FILE as <stem>.journey.yaml), or stdout for `-`."""
    from journeygen.output import write_atomic

    if output == "-":
        click.echo(text, nl=False)
        return
    path = Path(output) if output else _default_output(source)
    if path.exists() and not force:
        raise click.ClickException(f"{path} exists; use --force to overwrite it")
    write_atomic(path, text.encode())
    click.echo(f"wrote {path}", err=True)


def _default_output(source: str) -> Path:
    if source == "-":
        raise click.UsageError("reading stdin: give -o OUT (or -o - for stdout)")
    return Path(source).with_name(Path(source).stem + ".journey.yaml")


@import_group.command("mermaid")
@click.argument("source", metavar="FILE", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("-o", "--output", metavar="OUT|-", help="Spec to write (default: FILE's stem + .journey.yaml); "
                                                      "`-` prints it.")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def mermaid(source: str, output: str | None, force: bool) -> None:
    """Turn a Mermaid `journey` diagram into a spec: sections -> stages, tasks -> actions, actors -> personas.

    Scores become emotions, entity codes (#58;) are decoded; title, accTitle, accDescr and the
    configuration (front matter, %%{init}%% directives) are kept, so `render -f mermaid` gives the
    diagram back. Problems are printed as FILE:LINE:COL.

    \b
    Examples:
      journeygen import mermaid diagram.mmd -o map.journey.yaml
      journeygen import mermaid diagram.mmd -o - | journeygen render - -f svg -o out/
    """
    from journeygen.importers.mermaid import import_text

    text, name = read_source(source)
    fallback = Path(source).stem if source != "-" else "Imported journey"
    imported = import_text(text, name, fallback)
    for note in imported.notes:
        click.echo(f"note: {note}", err=True)
    write_spec(imported.spec, source, output, force)


@click.command(name="csv")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", metavar="OUT.yaml|-",
              help="Where to write the spec (default: <stem>.journey.yaml beside FILE); `-` prints it.")
@click.option("--force", is_flag=True, help="Replace OUT if it exists, instead of merging into it.")
def import_csv(file: str, output: str | None, force: bool) -> None:
    """Turn a workshop spreadsheet saved as CSV into a journey spec, in canonical form.

    Stages are columns and lanes are rows (Actions, Touchpoints, Emotions, Pain points, Ideas,
    Metrics, or `Custom: Title` for a custom lane); a cell holds one item a line. The layout is
    the one `journeygen render -f csv` writes; see docs/version-control.md. A problem is reported
    as FILE:LINE:COL: CELL: message, and nothing is written. When OUT exists, the sheet is merged
    into it: its comments stay, and so does the spelling of what did not change.

    \b
    Examples:
      journeygen import csv workshop.csv -o maps/shop.journey.yaml
      journeygen render maps/shop.journey.yaml -f csv -o -   # the same layout, back out
    """
    from journeygen.authoring.merge import fresh, merged
    from journeygen.importers.spreadsheet import read_file, to_yaml

    data = read_file(file)
    target = None if output == "-" else Path(output) if output else _default_output(file)
    if target is not None and target.is_file() and not force and target.suffix.lower() != ".json":
        text = merged(target.read_text(encoding="utf-8-sig"), data, str(target))
        force = True
    else:
        text = fresh(to_yaml(data, file), str(target or "<stdout>"))
    write_spec(text, file, output, force)


import_group.add_command(import_csv)
