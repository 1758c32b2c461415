"""Markdown with ``<!-- journeygen: SPEC -->`` blocks -> the same Markdown with each block rendered afresh."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, TypedDict, cast, get_args
from urllib.parse import quote

from journeygen.errors import Problem, SpecError
from journeygen.project import inside, written_root
from journeygen.readfile import read_limited
from journeygen.spec.loader import Limits

_OPEN = re.compile(r"[ \t]*<!--[ \t]*journeygen:[ \t]*(?P<spec>.*?)(?P<options>(?:[ \t]+[a-z][a-z-]*=\S*)*)[ \t]*-->"
                   r"[ \t]*")
_CLOSE = re.compile(r"[ \t]*<!--[ \t]*/journeygen[ \t]*-->[ \t]*")
_FENCE = re.compile(r"[ \t]{0,3}(?P<fence>`{3,}|~{3,})")
_ALT_SPECIAL = re.compile(r"([\\\[\]<>*_`])")
Mode = Literal["mermaid", "svg"]
Style = Literal["journey", "swimlane", "flowchart"]


@dataclass(frozen=True)
class Options:
    """How a block is rendered; a marker remembers the ones that differ from these defaults."""

    mode: Mode = "mermaid"
    style: Style = "journey"

    def marker(self) -> str:
        """The options as a marker writes them (``as=svg``), defaults left out."""
        return "".join(f" {key}={getattr(self, field)}" for key, (field, _) in _KEYS.items()
                       if getattr(self, field) != getattr(Options, field))


class Chosen(TypedDict, total=False):
    """Options given on the command line: they override a marker's."""

    mode: Mode
    style: Style


_KEYS: dict[str, tuple[str, tuple[str, ...]]] = {"as": ("mode", get_args(Mode)),
                                                 "mermaid-style": ("style", get_args(Style))}
"""A marker's option names -> the Options field each sets, and the values it takes."""


@dataclass(frozen=True)
class Block:
    """The lines strictly between an opening marker and its closing marker."""

    spec: str
    line: int
    """1-based line of the opening marker."""
    start: int
    end: int
    newline: str
    options: Options = Options()
    """What the marker says (defaults where it says nothing)."""

    def opening(self, options: Options) -> str:
        """The opening marker line for a block rendered with ``options``."""
        return f"<!-- journeygen: {self.spec}{options.marker()} -->{self.newline}"


@dataclass(frozen=True)
class Fresh:
    """What a block should hold now, and the SVG file it links to (for ``--as svg``)."""

    text: str
    svg: tuple[Path, bytes] | None = None


def find_blocks(lines: list[str], name: str) -> list[Block]:
    """Every journeygen block outside fenced code; an unclosed or nested marker is a SpecError."""
    blocks: list[Block] = []
    fence: str | None = None
    opened: tuple[int, str, str, Options] | None = None
    for n, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if opened is None and fence is None and (match := _OPEN.fullmatch(body)):
            opened = (n, match.group("spec"), line[len(body):] or "\n", _options(match.group("options"), name, n + 1))
        elif opened is not None and _OPEN.fullmatch(body):
            raise _error(name, n + 1, f"a journeygen block opened on line {opened[0] + 1} is not closed before "
                                      "this one; add <!-- /journeygen -->")
        elif opened is not None and _CLOSE.fullmatch(body):
            blocks.append(Block(opened[1], opened[0] + 1, opened[0] + 1, n, opened[2], opened[3]))
            opened = None
        elif opened is None:
            fence = _fence(body, fence)
    if opened is not None:
        raise _error(name, opened[0] + 1, "this journeygen block is never closed; add <!-- /journeygen -->")
    return blocks


def _options(text: str, name: str, line: int) -> Options:
    """The ``key=value`` options written in a marker; an unknown key or value is a SpecError."""
    given: dict[str, str] = {field: getattr(Options, field) for field, _ in _KEYS.values()}
    for pair in text.split():
        key, _, value = pair.partition("=")
        field, allowed = _KEYS.get(key, ("", ()))
        if value not in allowed:
            known = "; ".join(f"{k}={'|'.join(values)}" for k, (_, values) in _KEYS.items())
            raise _error(name, line, f"unknown marker option {pair[:40]!r}; a marker takes {known}")
        given[field] = value
    return Options(cast(Mode, given["mode"]), cast(Style, given["style"]))


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


def fresh(markdown: Path, block: Block, options: Options) -> Fresh:
    """Render the block's spec (path relative to the Markdown file) into the block's new content."""
    from journeygen.api import load_spec, render

    spec_path = markdown.parent / block.spec
    root = written_root(markdown)
    if not inside(spec_path, root):
        raise _error(str(markdown), block.line, f"{block.spec} is outside the project ({root}); a block may only "
                                                "name a map inside the project its Markdown file is in")
    loaded = load_spec(spec_path)
    nl = block.newline
    if options.mode == "mermaid":
        data = render(loaded.journey, "mermaid", options=loaded.options(mermaid_style=options.style))
        body = data.decode().replace("\n", nl)
        return Fresh(f"```mermaid{nl}{body}```{nl}")
    from journeygen.project import stem

    svg_path = markdown.parent / (stem(str(spec_path)) + ".svg")
    svg = render(loaded.journey, "svg", options=loaded.options())
    alt = _ALT_SPECIAL.sub(r"\\\1", " ".join(loaded.journey.title.split()))
    return Fresh(f"![{alt}]({quote(svg_path.name)}){nl}", (svg_path, svg))


def holds(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a regular file, not a symlink, holding exactly ``data`` (sizes compared first)."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
        return False
    return read_limited(path, len(data)) == data


def refresh(markdown: Path, text: str, chosen: Chosen) -> tuple[str, list[Block], list[tuple[Path, bytes]]]:
    """The Markdown with every block rendered, the blocks that were stale, and SVG files to write.

    Each block is rendered with the options its marker names, overridden by ``chosen`` (Options
    fields given on the command line); a marker whose options change is rewritten to remember them.
    """
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    stale: list[Block] = []
    svgs: list[tuple[Path, bytes]] = []
    done = 0
    for block in find_blocks(lines, str(markdown)):
        options = replace(block.options, **chosen)
        new = fresh(markdown, block, options)
        marker = lines[block.line - 1] if options == block.options else block.opening(options)
        old = "".join(lines[block.line - 1:block.end])
        if old != marker + new.text or (new.svg is not None and not holds(*new.svg)):
            stale.append(block)
        if new.svg is not None:
            svgs = _add_svg(svgs, new.svg, markdown, block)
        out += [*lines[done:block.line - 1], marker, new.text]
        done = block.end
    return "".join(out + lines[done:]), stale, svgs


def _add_svg(svgs: list[tuple[Path, bytes]], svg: tuple[Path, bytes], markdown: Path,
             block: Block) -> list[tuple[Path, bytes]]:
    """Two different maps may not share one image file (one would always look stale)."""
    if any(path == svg[0] and data != svg[1] for path, data in svgs):
        raise _error(str(markdown), block.line, f"another block already renders a different map to {svg[0].name}; "
                                                "rename one of the specs")
    return [*svgs, svg]




def markdown_files(folder: Path) -> list[Path]:
    """The Markdown files below ``folder``, sorted; hidden folders, node_modules, virtual environments
    and symlinks are not entered."""
    found: list[Path] = []
    for top, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules"
                         and not (Path(top) / d / "pyvenv.cfg").exists())
        found += [Path(top) / n for n in sorted(names) if n.lower().endswith((".md", ".markdown"))
                  and not (Path(top) / n).is_symlink()]
    return found




def read_markdown(path: Path) -> str:
    try:
        return read_limited(path, Limits().max_bytes, confine=True).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _error(str(path), 1, f"not UTF-8 text (byte {exc.start})") from None
