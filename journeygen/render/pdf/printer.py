"""A Journey -> print-ready PDF bytes (map, personas, micro-journeys, action list) through WeasyPrint."""

from __future__ import annotations

from journeygen.layout.prepared import Prepared
from journeygen.render import Output


def render(prepared: Prepared) -> Output:
    """The workshop document of one journey (or its blank template with ``options.blank``), tagged and meeting
    ``options.pdf_standard``, and a note when its map would print too small to read."""
    from journeygen.render.pdf.build import document_layout, draft
    from journeygen.render.pdf.layers import print_document
    from journeygen.render.pdf.legibility import notes
    from journeygen.render.pdf.standards import conformance

    journey, options = prepared.journey, prepared.options
    layout = document_layout(options)
    standard = conformance(options, rtl=journey.rtl, specs=[(options.base_dir, options.source_name)],
                           tiled=layout.poster is not None)
    drafted = draft(prepared, layout)
    data = print_document([drafted], layout, prepared.theme, title=journey.title, author=journey.author,
                          lang=journey.locale, conformance=standard)
    size = drafted.drawings.text_pt if drafted.drawings else None
    return Output(data, (*prepared.drawing_notes, *notes(options, size)), prepared.drawing_warnings)
