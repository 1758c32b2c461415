"""`journeygen embed`: Markdown files -> their journeygen blocks refreshed in place, or checked."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from journeygen.authoring.embed import Mode, read_markdown, refresh
from journeygen.errors import JourneygenError, SpecError, printable


@click.command("embed")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--as", "mode", type=click.Choice(["mermaid", "svg"]), default="mermaid", show_default=True,
              help="A ```mermaid fence, or an image link to an SVG rendered next to the Markdown file.")
@click.option("--mermaid-style", type=click.Choice(["journey", "swimlane"]), default="journey", show_default=True,
              help="Mermaid journey diagram, or a flowchart that carries every lane.")
@click.option("--check", is_flag=True, help="Change nothing; exit 1 listing the blocks that are out of date.")
@click.option("-q", "--quiet", is_flag=True, help="Do not list the files written.")
def embed(files: tuple[str, ...], mode: Mode, mermaid_style: str, check: bool, quiet: bool) -> None:
    """Refresh the journeygen blocks of Markdown FILES with fresh Mermaid (or SVG image links).

    A block is everything between <!-- journeygen: SPEC --> and <!-- /journeygen -->; SPEC is
    relative to the Markdown file. Everything outside the blocks is kept byte for byte, and
    running it twice changes nothing. With --check (for CI and pre-commit) nothing is written
    and the exit status is 1 if any block is stale.

    \b
    Examples:
      journeygen embed README.md docs/*.md
      journeygen embed docs/*.md --as svg
      journeygen embed docs/*.md --check
    """
    stale = failed = 0
    for name in files:
        try:
            stale += _embed_file(Path(name), mode, mermaid_style, check=check, quiet=quiet)
        except JourneygenError as exc:  # one broken file or spec never stops the others
            failed += 1
            click.echo(str(exc) if isinstance(exc, SpecError) else printable(f"{name}: {exc}"), err=True)
    if check and stale:
        click.echo(f"{stale} stale block(s); run `journeygen embed` on the files above", err=True)
    if failed or (check and stale):
        sys.exit(1)


def _embed_file(path: Path, mode: Mode, style: str, *, check: bool, quiet: bool) -> int:
    """Refresh (or, with check, only report) one Markdown file's blocks; return how many were stale."""
    from journeygen.output import write_atomic

    text = read_markdown(path)
    new, stale, svgs = refresh(path, text, mode, style)
    if check:
        for block in stale:
            click.echo(f"{path}:{block.line}: stale journeygen block for {block.spec}", err=True)
        return len(stale)
    for svg_path, data in svgs:
        if not svg_path.is_file() or svg_path.read_bytes() != data:
            write_atomic(svg_path, data)
    if new != text:
        write_atomic(path, new.encode())
    if stale and not quiet:
        click.echo(f"updated {path} ({len(stale)} block(s))", err=True)
    return len(stale)
