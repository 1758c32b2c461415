"""Markdown with ``<!-- journeygen: SPEC -->`` blocks -> the same Markdown with each block rendered afresh."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote

import click

from journeygen.errors import JourneygenError, Problem, SpecError, printable

_OPEN = re.compile(r"[ \t]*<!--[ \t]*journeygen:[ \t]*(?P<spec>.*?)[ \t]*-->[ \t]*")
_CLOSE = re.compile(r"[ \t]*<!--[ \t]*/journeygen[ \t]*-->[ \t]*")
_FENCE = re.compile(r"[ \t]{0,3}(?P<fence>`{3,}|~{3,})")
_ALT_SPECIAL = re.compile(r"([\\\[\]<>*_`])")
Mode = Literal["mermaid", "svg"]


@dataclass(frozen=True)
class Block:
    """The lines strictly between an opening marker and its closing marker."""

    spec: str
    line: int
    """1-based line of the opening marker."""
    start: int
    end: int
    newline: str


@dataclass(frozen=True)
class Fresh:
    """What a block should hold now, and the SVG file it links to (for ``--as svg``)."""

    text: str
    svg: tuple[Path, bytes] | None = None


def find_blocks(lines: list[str], name: str) -> list[Block]:
    """Every journeygen block outside fenced code; an unclosed or nested marker is a SpecError."""
    blocks: list[Block] = []
    fence: str | None = None
    opened: tuple[int, str, str] | None = None
    for n, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if opened is None and fence is None and (match := _OPEN.fullmatch(body)):
            opened = (n, match.group("spec"), line[len(body):] or "\n")
        elif opened is not None and _OPEN.fullmatch(body):
            raise _error(name, n + 1, f"a journeygen block opened on line {opened[0] + 1} is not closed before "
                                      "this one; add <!-- /journeygen -->")
        elif opened is not None and _CLOSE.fullmatch(body):
            blocks.append(Block(opened[1], opened[0] + 1, opened[0] + 1, n, opened[2]))
            opened = None
        elif opened is None:
            fence = _fence(body, fence)
    if opened is not None:
        raise _error(name, opened[0] + 1, "this journeygen block is never closed; add <!-- /journeygen -->")
    return blocks


def _fence(body: str, fence: str | None) -> str | None:
    """The open code fence after this line (markers inside fenced code are examples, not blocks)."""
    match = _FENCE.match(body)
    if not match:
        return fence
    mark = match.group("fence")
    if fence is None:
        return mark
    return None if mark[0] == fence[0] and len(mark) >= len(fence) and not body.strip()[len(mark):] else fence


def _error(name: str, line: int, message: str) -> SpecError:
    return SpecError([Problem(name, line, 1, "embed", message)])


def fresh(markdown: Path, block: Block, mode: Mode, style: str) -> Fresh:
    """Render the block's spec (path relative to the Markdown file) into the block's new content."""
    from journeygen.api import load_spec, render

    spec_path = markdown.parent / block.spec
    loaded = load_spec(spec_path)
    nl = block.newline
    if mode == "mermaid":
        data = render(loaded.journey, "mermaid", options=loaded.options(mermaid_style=style))
        body = data.decode().replace("\n", nl)
        return Fresh(f"```mermaid{nl}{body}```{nl}")
    from journeygen.output import stem

    svg_path = markdown.parent / (stem(str(spec_path)) + ".svg")
    svg = render(loaded.journey, "svg", options=loaded.options())
    alt = _ALT_SPECIAL.sub(r"\\\1", " ".join(loaded.journey.title.split()))
    return Fresh(f"![{alt}]({quote(svg_path.name)}){nl}", (svg_path, svg))


def refresh(markdown: Path, text: str, mode: Mode, style: str) -> tuple[str, list[Block], list[tuple[Path, bytes]]]:
    """The Markdown with every block rendered, the blocks that were stale, and SVG files to write."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    stale: list[Block] = []
    svgs: list[tuple[Path, bytes]] = []
    done = 0
    for block in find_blocks(lines, str(markdown)):
        new = fresh(markdown, block, mode, style)
        old = "".join(lines[block.start:block.end])
        svg_stale = new.svg is not None and (not new.svg[0].is_file() or new.svg[0].read_bytes() != new.svg[1])
        if old != new.text or svg_stale:
            stale.append(block)
        if new.svg is not None:
            svgs = _add_svg(svgs, new.svg, markdown, block)
        out += [*lines[done:block.start], new.text]
        done = block.end
    return "".join(out + lines[done:]), stale, svgs


def _add_svg(svgs: list[tuple[Path, bytes]], svg: tuple[Path, bytes], markdown: Path,
             block: Block) -> list[tuple[Path, bytes]]:
    """Two different maps may not share one image file (one would always look stale)."""
    if any(path == svg[0] and data != svg[1] for path, data in svgs):
        raise _error(str(markdown), block.line, f"another block already renders a different map to {svg[0].name}; "
                                                "rename one of the specs")
    return [*svgs, svg]


@click.command("embed")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--as", "mode", type=click.Choice(["mermaid", "svg"]), default="mermaid", show_default=True,
              help="A ```mermaid fence, or an image link to an SVG rendered next to the Markdown file.")
@click.option("--mermaid-style", type=click.Choice(["journey", "swimlane", "flowchart"]), default="journey",
              show_default=True, help="Mermaid journey diagram; swimlane: every lane as a grid (Mermaid 10.8+); "
                                      "flowchart: every lane, older Mermaid.")
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

    text = _read(path)
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


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _error(str(path), 1, f"not UTF-8 text (byte {exc.start})") from None
