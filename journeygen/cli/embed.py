"""`journeygen embed`: Markdown files -> their journeygen blocks refreshed in place, or checked."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import get_args

import click

from journeygen.authoring.embed import Chosen, Mode, Style, holds, markdown_files, read_markdown, refresh
from journeygen.errors import JourneygenError, SpecError, printable


@click.command("embed")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--as", "mode", type=click.Choice(get_args(Mode)),
              help="A ```mermaid fence, or an image link to an SVG rendered next to the Markdown file "
                   "[default: what the block's marker says, else mermaid].")
@click.option("--mermaid-style", type=click.Choice(get_args(Style)),
              help="Mermaid journey diagram; swimlane: every lane as a grid (Mermaid 10.8+); flowchart: every lane, "
                   "older Mermaid "
                   "[default: what the block's marker says, else journey].")
@click.option("--check", is_flag=True, help="Change nothing; exit 1 listing the blocks that are out of date.")
@click.option("-q", "--quiet", is_flag=True, help="Do not list the files written.")
def embed(files: tuple[str, ...], mode: Mode | None, mermaid_style: Style | None, check: bool, quiet: bool) -> None:
    """Refresh the journeygen blocks of Markdown FILES with fresh Mermaid (or SVG image links).

    A block is everything between <!-- journeygen: SPEC --> and <!-- /journeygen -->; SPEC is
    relative to the Markdown file and must lie inside its project. The marker remembers the
    options a block was rendered with (<!-- journeygen: SPEC as=svg -->), so a later run or
    --check renders it the same way. Everything outside the blocks is kept byte for byte, and
    running it twice changes nothing. With --check (for CI and pre-commit) nothing is written
    and the exit status is 1 if any block is stale. Without FILES, every Markdown file below the
    current folder is refreshed (hidden folders, node_modules and virtual environments skipped).

    \b
    Examples:
      journeygen embed README.md docs/*.md
      journeygen embed docs/*.md --as svg
      journeygen embed --check
    """
    chosen = Chosen()
    if mode is not None:
        chosen["mode"] = mode
    if mermaid_style is not None:
        chosen["style"] = mermaid_style
    stale = failed = 0
    for path in map(Path, files) if files else markdown_files(Path()):
        try:
            stale += _embed_file(path, chosen, check=check, quiet=quiet)
        except JourneygenError as exc:  # one broken file or spec never stops the others
            failed += 1
            click.echo(str(exc) if isinstance(exc, SpecError) else printable(f"{path}: {exc}"), err=True)
    if check and stale:
        click.echo(f"{stale} stale block(s); run `journeygen embed` on the files above", err=True)
    if failed or (check and stale):
        sys.exit(1)


def _embed_file(path: Path, chosen: Chosen, *, check: bool, quiet: bool) -> int:
    """Refresh (or, with check, only report) one Markdown file's blocks; return how many were stale."""
    from journeygen.output import write_atomic

    text = read_markdown(path)
    new, stale, svgs = refresh(path, text, chosen)
    if check:
        for block in stale:
            click.echo(f"{path}:{block.line}: stale journeygen block for {block.spec}", err=True)
        return len(stale)
    for svg_path, data in svgs:
        if not holds(svg_path, data):
            write_atomic(svg_path, data)
    if new != text:
        write_atomic(path, new.encode())
    if stale and not quiet:
        click.echo(f"updated {path} ({len(stale)} block(s))", err=True)
    return len(stale)
