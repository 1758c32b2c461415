"""Markdown with ```journeygen fenced YAML and ``![alt](map.journey.yaml)`` images -> the same Markdown with
each map drawn as inline SVG (what the MkDocs plugin does to every page)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path

from journeygen.api import load_spec
from journeygen.errors import Problem, SpecError
from journeygen.options import RenderOptions
from journeygen.site.inline import PageMaps
from journeygen.spec.loader import parse_text
from journeygen.validate import build

_FENCE = re.compile(r"^(?P<indent>[ \t]{0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\s]*)[^`]*$")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<path>[^)\s]+\.(?:ya?ml|json))\)", re.I)


@dataclass(frozen=True)
class Drawn:
    """The page's Markdown with its maps drawn, and the map files it drew (to re-render when they change)."""

    markdown: str
    maps: frozenset[Path]


def draw_maps(markdown: str, page: Path) -> Drawn:
    """Replace every journeygen block and map image of ``page`` (its path, for names and relative paths).

    An invalid map raises one SpecError: a fenced block's problems at their line in the Markdown file,
    a map file's at their line in that file. Two maps of the page never share an element id.
    """
    lines = markdown.splitlines(keepends=True)
    inline = PageMaps()
    out: list[str] = []
    maps: set[Path] = set()
    problems: list[Problem] = []
    for kind, start, chunk in _chunks(lines):
        try:
            if kind == "block":
                out.append(_figure(_block_svg(chunk, page, start, inline), "journey map"))
            elif kind == "text":
                out.append(_images("".join(chunk), page, start, maps, inline))
            else:
                out.extend(chunk)
        except SpecError as exc:
            problems.extend(exc.problems)
    if problems:
        raise SpecError(problems)
    return Drawn("".join(out), frozenset(maps))


def _chunks(lines: list[str]) -> Iterator[tuple[str, int, list[str]]]:
    """(kind, first line number, lines): ``block`` (a journeygen fence's YAML, with the line of its first
    YAML line), ``code`` (any other fenced code, left alone) or ``text``."""
    n = 0
    while n < len(lines):
        match = _FENCE.match(lines[n].rstrip("\r\n"))
        if match is None:
            start = n
            while n < len(lines) and not _FENCE.match(lines[n].rstrip("\r\n")):
                n += 1
            yield "text", start + 1, lines[start:n]
            continue
        fence = match["fence"]
        close = next((k for k in range(n + 1, len(lines))
                      if lines[k].strip().startswith(fence) and not lines[k].strip().strip(fence[0])), len(lines))
        if match["info"].lower() == "journeygen":
            yield "block", n + 2, lines[n + 1:close]
        else:
            yield "code", n + 1, lines[n:close + 1]
        n = close + 1


def _block_svg(yaml_lines: list[str], page: Path, first_line: int, inline: PageMaps) -> str:
    try:
        doc = parse_text("".join(yaml_lines), str(page), base_dir=page.parent)
        journey = build(doc)
    except SpecError as exc:  # lines counted from the block's first line -> lines of the Markdown file
        raise SpecError(Problem(p.file, p.line + first_line - 1, p.col, p.path, p.message)
                        for p in exc.problems) from None
    return _svg(inline.svg(journey, RenderOptions(base_dir=page.parent)))


def _images(text: str, page: Path, start: int, maps: set[Path], inline: PageMaps) -> str:
    """Text lines (the first is line ``start``) with every map image drawn."""
    return _IMAGE.sub(lambda m: _image(m, page, start + text.count("\n", 0, m.start()), maps, inline), text)


def _image(match: re.Match[str], page: Path, line: int, maps: set[Path], inline: PageMaps) -> str:
    """A map image drawn inline; a missing map file is a problem at the image's line."""
    path = (page.parent / match["path"]).resolve()
    if not path.is_file():
        raise SpecError([Problem(str(page), line, 1, "(image)", f"no such map file: {match['path']}")])
    maps.add(path)
    spec = load_spec(path)
    svg = inline.svg(spec.journey, spec.options())
    return _figure(_svg(svg), match["alt"] or spec.journey.title)


def _svg(data: bytes) -> str:
    """The SVG as HTML: no XML declaration, no blank line (which would end Markdown's raw HTML block)."""
    text = data.decode("utf-8").split("?>", 1)[-1].strip()
    return "\n".join(line for line in text.splitlines() if line.strip())


def _figure(svg: str, label: str) -> str:
    return (f'\n<figure class="journeygen" role="group" aria-label="{escape(label, quote=True)}">\n{svg}\n'
            "</figure>\n\n")
