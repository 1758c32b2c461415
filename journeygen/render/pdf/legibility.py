"""A journey's PDF and its options -> a note when the map prints too small to read, naming a page that fits."""

from __future__ import annotations

import math

from journeygen.options import RenderOptions
from journeygen.render.pdf.paper import OFFICE_SHEET, US_SIZES, Paper

GOOD_PT = 9.0
"""Body text this large reads from a step away: the size the note's advice aims for, in points."""
_LADDER = ("A4", "A3", "A2", "A1", "A0")


def notes(options: RenderOptions, size: float | None) -> list[str]:
    """Why and how to print the map larger, when its body text prints at ``size`` points (the size the fit
    chose, None without a map) under ``options.min_text_pt``."""
    if size is None or size >= options.min_text_pt:
        return []
    from journeygen.render.pdf.build import document_layout

    layout = document_layout(options)
    paper = layout.poster or layout.sheet
    # The same arrangement on a larger sheet grows with its printable area (the fit may do better still).
    sizes = {name: size * _growth(paper.name, name) for name in _LADDER}
    fits = next((name for name in _LADDER if sizes[name] >= GOOD_PT), None)
    # A print shop's PDF (x-4) is printed whole on its own paper: tiling it is refused, so it is not advised.
    tiles = options.pdf_standard != "x-4"
    sheet = OFFICE_SHEET[paper.name in US_SIZES]
    glued = f" (or --page {fits} --tile on {sheet} sheets to glue together)" if fits and tiles else ""
    advice = (f"--page {fits} prints it at {sizes[fits]:.1f} pt or more on a large-format printer{glued}" if fits else
              f"even A0 prints it at about {sizes['A0']:.1f} pt: split the journey into several maps"
              + (", or print it as a tiled poster (--page A0 --tile)" if tiles else ""))
    # Rounded down: 6.96 pt is "6.9 pt, under 7 pt", never "7.0 pt, under 7 pt".
    shown = math.floor(size * 10) / 10
    return [f"the map's body text prints at {shown:.1f} pt on {paper.name}, under {options.min_text_pt:g} pt; {advice}"]


def _growth(page: str, larger: str) -> float:
    """How much larger the printable area of ``larger`` is than that of ``page`` (the lesser of its two sides)."""
    one, other = Paper.of(page), Paper.of(larger)
    return min(other.content_width / one.content_width, other.content_height / one.content_height)
