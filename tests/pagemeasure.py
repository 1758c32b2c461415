"""A PDF page -> what a reader of the printout sees: where its words are and how large they print.

Measured with poppler's ``pdftotext -bbox``, independently of journeygen's own idea of the sizes.
"""

from __future__ import annotations

import html
import re
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str = ""


@dataclass(frozen=True)
class Page:
    """One page in points, its words, and the printable area between the margins (left, top, right, bottom)."""

    width: float
    height: float
    words: tuple[Word, ...]

    def inside(self, area: tuple[float, float, float, float]) -> tuple[Word, ...]:
        left, top, right, bottom = area
        return tuple(w for w in self.words if w.x0 >= left - 1 and w.x1 <= right + 1 and w.y0 >= top - 1
                     and w.y1 <= bottom + 1)

    def outside(self, area: tuple[float, float, float, float]) -> tuple[Word, ...]:
        kept = set(self.inside(area))
        return tuple(w for w in self.words if w not in kept)

    def span(self, area: tuple[float, float, float, float]) -> tuple[float, float]:
        """How much of the area's width and height the words inside it span, as fractions."""
        words = self.inside(area)
        left, top, right, bottom = area
        across = (max(w.x1 for w in words) - min(w.x0 for w in words)) / (right - left)
        down = (max(w.y1 for w in words) - min(w.y0 for w in words)) / (bottom - top)
        return across, down

    def median_height(self, area: tuple[float, float, float, float]) -> float:
        """The median height of the words inside the area, in points (a DejaVu Sans word box is 1.16 em high)."""
        return statistics.median(w.y1 - w.y0 for w in self.inside(area))


def page(data: bytes, number: int = 1) -> Page:
    """Page ``number`` (from 1) of the PDF ``data``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(data)
        out = subprocess.run(["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(path), "-"],
                             capture_output=True, check=True, text=True).stdout
    size = _PAGE.search(out)
    assert size, out[:400]
    words = tuple(Word(*map(float, m.groups()[:4]), html.unescape(m.group(5))) for m in _WORD.finditer(out))
    return Page(float(size.group(1)), float(size.group(2)), words)
