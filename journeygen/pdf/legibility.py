"""A journey and its PDF options -> a note when the map would print too small to read, naming a page that fits."""

from __future__ import annotations

from journeygen.pdf.paper import OFFICE_SHEET, US_SIZES
from journeygen.render import RenderOptions
from journeygen.spec.model import Journey

GOOD_PT = 9.0
"""Body text this large reads from a step away: the size the note's advice aims for, in points."""
_LADDER = ("A4", "A3", "A2", "A1", "A0")


def notes(journey: Journey, options: RenderOptions) -> list[str]:
    """Why and how to print the map larger, when its body text would print under ``options.min_text_pt``."""
    if options.blank or options.only == "actions":
        return []
    from journeygen.pdf.build import document_layout, orientation
    from journeygen.pdf.fit import Arranger
    from journeygen.theme import theme_for

    arranger = Arranger(journey, theme_for(journey, options), options.max_width)  # as build.drawings does
    layout = document_layout(options)
    paper = layout.poster or layout.sheet
    size = arranger.best(paper.name, orientation(options)).text_pt
    if size >= options.min_text_pt:
        return []
    sizes = {name: arranger.best(name, orientation(options)).text_pt for name in _LADDER}
    fits = next((name for name in _LADDER if sizes[name] >= GOOD_PT), None)
    sheet = OFFICE_SHEET[paper.name in US_SIZES]
    advice = (f"--page {fits} prints it at {sizes[fits]:.1f} pt on a large-format printer (or --page {fits} --tile "
              f"on {sheet} sheets to glue together)" if fits else
              f"even A0 prints it at {sizes['A0']:.1f} pt: split the journey into several maps, or print it as a "
              "tiled poster (--page A0 --tile)")
    return [f"the map's body text prints at {size:.1f} pt on {paper.name}, under {options.min_text_pt:g} pt; {advice}"]
