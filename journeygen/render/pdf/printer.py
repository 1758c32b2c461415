"""A Journey -> print-ready PDF bytes (map, personas, micro-journeys, action list) through WeasyPrint."""

from __future__ import annotations

from journeygen.layout.prepared import Prepared
from journeygen.render import Output


def render(prepared: Prepared) -> Output:
    """The workshop document of one journey (or its blank template with ``options.blank``), and a note
    when its map would print too small to read."""
    from journeygen.render.pdf.build import document_layout, draft
    from journeygen.render.pdf.layers import print_document
    from journeygen.render.pdf.legibility import notes

    journey = prepared.journey
    layout = document_layout(prepared.options)
    drafted = draft(prepared, layout)
    data = print_document([drafted], layout, prepared.theme, title=journey.title, author=journey.author,
                          lang=journey.locale)
    return Output(data, (*prepared.drawing_notes, *notes(journey, prepared.options, data)), prepared.drawing_warnings)
