"""A journey and its PDF options -> a note when the map would print too small to read, naming a page that fits."""

from __future__ import annotations

from journeygen.layout.prepared import Prepared
from journeygen.render.pdf.document import Layout
from journeygen.render.pdf.paper import PT_MM, Paper

MIN_PT = 4.0
"""Body text smaller than this (fine print is 5-6 pt) cannot be read off a printed map, in points."""
_LADDER = ("A4", "A3", "A2", "A1", "A0")


def body_pt(width_px: float, height_px: float, body_px: float, paper: Paper) -> float:
    """The printed size of the map's body text when the map is fitted to ``paper``, in points."""
    mm_per_px = min(paper.content_width / width_px, paper.content_height / height_px)
    return body_px * mm_per_px / PT_MM


def notes(prepared: Prepared, layout: Layout) -> list[str]:
    """Why and how to print the map larger, when its body text would come out below MIN_PT."""
    options = prepared.options
    if options.blank:
        return []
    scene = prepared.map_scene(options.max_width, micro_journeys=False)  # the map the PDF draws
    theme = prepared.theme
    paper = layout.poster or layout.sheet
    size = body_pt(scene.width, scene.height, theme.font_size, paper)
    if size >= MIN_PT:
        return []
    fits = next((name for name in _LADDER
                 if body_pt(scene.width, scene.height, theme.font_size,
                            Paper.of(name, portrait=options.portrait)) >= MIN_PT), None)
    advice = (f"--page {fits} --tile prints it on A4 sheets to glue together (or --page {fits} on a large-format "
              "printer)" if fits else "even A0 is too small: split the journey into several maps, or lay the "
              "stages out in rows (--max-width) on a tiled poster (--page A0 --tile)")
    return [f"the map's text prints at {size:.1f} pt on {paper.name}, too small to read; {advice}"]
