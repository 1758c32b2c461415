"""`journeygen import FORMAT FILE -o OUT`: other tools' diagrams -> journeygen specs (one subcommand each)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from journeygen.errors import single
from journeygen.vcs.commands import import_csv


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
    data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
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
    from journeygen.mermaid.importer import import_text

    text, name = read_source(source)
    fallback = Path(source).stem if source != "-" else "Imported journey"
    imported = import_text(text, name, fallback)
    for note in imported.notes:
        click.echo(f"note: {note}", err=True)
    write_spec(imported.spec, source, output, force)


import_group.add_command(import_csv)
