"""Markdown with ``<!-- journeygen: SPEC -->`` blocks -> the same Markdown with each block rendered afresh."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from journeygen.errors import Problem, SpecError

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
    from journeygen.project import stem

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






def read_markdown(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _error(str(path), 1, f"not UTF-8 text (byte {exc.start})") from None
