"""A page size name and orientation -> sheet geometry in millimetres, and a poster -> tiles."""

from __future__ import annotations

import math
from dataclasses import dataclass

from journeygen.numbers import column_name

# ISO 216 and US sizes, upright (width, height) in millimetres.
SIZES_MM: dict[str, tuple[float, float]] = {
    "A4": (210, 297), "A3": (297, 420), "A2": (420, 594), "A1": (594, 841), "A0": (841, 1189),
    "letter": (215.9, 279.4), "tabloid": (279.4, 431.8),
}
US_SIZES = frozenset({"letter", "tabloid"})
OFFICE_SHEET = {True: "letter", False: "A4"}
"""The sheet an office printer takes, by whether the poster is a US size."""

PT_MM = 25.4 / 72
"""Millimetres in a typographic point."""
MARGIN_A4_MM = 10.0
FOOTER_A4_MM = 7.0
OVERLAP_MM = 10.0
"""How much neighbouring tiles repeat, so they can be glued after trimming one edge."""

BLEED_MM = 3.0
"""The bleed a print shop asks for (PDF/X): the page's background runs this far past the trim."""


@dataclass(frozen=True)
class Paper:
    """A sheet of one size and orientation; lengths in millimetres."""

    name: str
    width: float
    height: float

    @classmethod
    def of(cls, name: str, *, portrait: bool = False) -> Paper:
        """``Paper.of("A3")`` is A3 landscape; unknown names fall back to the case-insensitive match."""
        key = next((k for k in SIZES_MM if k.lower() == name.lower()), None)
        if key is None:
            raise ValueError(f"unknown page size {name!r}; known: {', '.join(SIZES_MM)}")
        short, long = SIZES_MM[key]
        return cls(key, short, long) if portrait else cls(key, long, short)

    @property
    def scale(self) -> float:
        """How much bigger than A4 the short edge is: type and margins grow with the sheet."""
        return min(self.width, self.height) / SIZES_MM["A4"][0]

    @property
    def margin(self) -> float:
        return MARGIN_A4_MM * math.pow(self.scale, 0.8)

    @property
    def footer(self) -> float:
        """Height of the bottom margin that carries the footer."""
        return self.margin + FOOTER_A4_MM * math.pow(self.scale, 0.8)

    @property
    def font_pt(self) -> float:
        """Base type size: 9.5 pt on A4, larger on posters so a wall map reads from a step away."""
        return 9.5 * math.pow(self.scale, 0.8)

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin

    @property
    def content_height(self) -> float:
        return self.height - self.margin - self.footer


@dataclass(frozen=True)
class Tile:
    """One sheet of a tiled poster: which part of the poster it shows, in millimetres."""

    row: int
    col: int
    x: float
    y: float

    @property
    def label(self) -> str:
        """``B3``: row letter and column number, as on a map grid, for assembling the poster."""
        return f"{column_name(self.row)}{self.col + 1}"  # rows lettered like a spreadsheet's columns


@dataclass(frozen=True)
class TileGrid:
    """A poster of ``width`` x ``height`` mm cut into sheets that overlap by OVERLAP_MM."""

    sheet: Paper
    width: float
    height: float
    rows: int
    cols: int

    @property
    def tiles(self) -> tuple[Tile, ...]:
        step_x, step_y = _step(self.sheet.content_width), _step(self.sheet.content_height)
        return tuple(Tile(r, c, c * step_x, r * step_y) for r in range(self.rows) for c in range(self.cols))


def _step(view: float) -> float:
    return view - OVERLAP_MM


def _count(length: float, view: float) -> int:
    return max(1, math.ceil((length - OVERLAP_MM) / _step(view) - 1e-9))


def tile_grid(width: float, height: float, sheet_name: str) -> TileGrid:
    """Cut a poster into office sheets, turning the sheets whichever way needs fewer of them."""
    grids = []
    for portrait in (False, True):
        sheet = Paper.of(sheet_name, portrait=portrait)
        rows, cols = _count(height, sheet.content_height), _count(width, sheet.content_width)
        grids.append(TileGrid(sheet, width, height, rows, cols))
    return min(grids, key=lambda g: g.rows * g.cols)
