"""Strings -> widths and wrapped lines, shaped with HarfBuzz and the bundled DejaVu Sans."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import NamedTuple

import uharfbuzz as hb  # type: ignore[import-untyped]

from journeygen.layout.fonts import FONT_FILES
from journeygen.layout.glyphs import drawable

LINE_HEIGHT = 1.3
"""Line spacing as a multiple of the font size."""
_SPACES = re.compile(r"[ \t]+")


class Face(NamedTuple):  # cheaper to create than a frozen dataclass
    """A bundled face loaded into HarfBuzz, with its units per em and vertical metrics (in em)."""

    face: hb.Face
    font: hb.Font
    upem: int
    ascent: float
    descent: float


def _load(path: Path) -> Face:
    face = hb.Face(hb.Blob.from_file_path(str(path)))
    font = hb.Font(face)
    extents = font.get_font_extents("ltr")
    return Face(face, font, face.upem, extents.ascender / face.upem, -extents.descender / face.upem)


@cache
def faces() -> dict[bool, Face]:
    """The regular and bold faces (by ``bold``), loaded once per process: the layout measures with them and
    the PDF's written text layer (``render.pdf.textlayer``) draws with them."""
    return {bold: _load(path) for bold, path in FONT_FILES.items()}


class Measurer:
    """Measures and wraps text; one per prepared spec (its cache of advances lives and dies with it)."""

    def __init__(self) -> None:
        self.faces: dict[bool, Face] = faces()
        self._cache: dict[tuple[str, bool], float] = {}

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """The advance width of ``text`` in pixels, as a browser shaping DejaVu Sans draws it.

        Words are shaped one by one and cached (DejaVu Sans does not kern across spaces), so wrapping a
        paragraph shapes each word once instead of every candidate line.
        """
        words = text.split(" ")
        return (sum(self._units(w, bold) for w in words) + (len(words) - 1) * self._units(" ", bold)) * size

    def _units(self, text: str, bold: bool) -> float:
        key = (text, bold)
        if not text:
            return 0.0
        if key not in self._cache:
            face = self.faces[bold]
            buf = hb.Buffer()
            buf.add_str(text)
            buf.guess_segment_properties()
            hb.shape(face.font, buf, {})
            self._cache[key] = sum(p.x_advance for p in buf.glyph_positions) / face.upem
        return self._cache[key]

    def line_height(self, size: float) -> float:
        return size * LINE_HEIGHT

    def baseline(self, size: float, bold: bool = False) -> float:
        """Distance from the top of a line box to its baseline (the glyph box is centred in the line)."""
        face = self.faces[bold]
        return size * ((LINE_HEIGHT - face.ascent - face.descent) / 2 + face.ascent)

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> tuple[str, ...]:
        """Greedy word wrap into lines no wider than ``width``; words too long for a line are broken."""
        lines: list[str] = []
        for paragraph in drawable(text).split("\n"):
            lines.extend(self._wrap_paragraph(_SPACES.sub(" ", paragraph).strip(), width, size, bold))
        return tuple(lines) or ("",)

    def _wrap_paragraph(self, text: str, width: float, size: float, bold: bool) -> list[str]:
        lines: list[str] = []
        current = ""
        for word in text.split(" "):
            candidate = f"{current} {word}" if current else word
            if self.width(candidate, size, bold) <= width:
                current = candidate
            elif self.width(word, size, bold) <= width:
                lines.append(current)
                current = word
            else:
                # A word longer than a line: break it where it stands, filling the current line first.
                pieces = self._break_word(candidate, width, size, bold)
                lines.extend(pieces[:-1])
                current = pieces[-1]
        lines.append(current)
        return lines

    def _break_word(self, word: str, width: float, size: float, bold: bool) -> list[str]:
        """Split a word wider than the line between grapheme-like clusters (base + combining marks)."""
        pieces: list[str] = []
        current = ""
        for cluster in _clusters(word):
            if current and self.width(current + cluster, size, bold) > width:
                pieces.append(current)
                current = ""
            current += cluster
        return [*pieces, current]


def _clusters(word: str) -> list[str]:
    clusters: list[str] = []
    for char in word:
        if clusters and (unicodedata.combining(char) or char in "\u200d\ufe0f"):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters
