"""A Journey -> print-ready PDF bytes (map, personas, micro-journeys, action list) through WeasyPrint."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from journeygen.render import RenderOptions
from journeygen.spec.model import Journey

# fontTools (WeasyPrint's fallback subsetter when libharfbuzz-subset is missing) stamps the current
# time into fonts unless this is set; any fixed value makes the bytes repeatable.
_EPOCH = "SOURCE_DATE_EPOCH"


@contextmanager
def _fixed_epoch() -> Iterator[None]:
    if _EPOCH in os.environ:
        yield
        return
    os.environ[_EPOCH] = "0"
    try:
        yield
    finally:
        os.environ.pop(_EPOCH, None)


def write_pdf(html: str) -> bytes:
    """The HTML document as PDF bytes: only data: URLs load, no dates, same input -> same bytes."""
    from weasyprint import HTML  # type: ignore[import-untyped]

    from journeygen.pdf.fetcher import DataOnlyFetcher

    with _fixed_epoch():
        pdf: bytes = HTML(string=html, url_fetcher=DataOnlyFetcher()).write_pdf()
    return pdf


def render(journey: Journey, options: RenderOptions) -> bytes:
    """The workshop document of one journey (or its blank template with ``options.blank``)."""
    from journeygen.pdf.build import build_part, document_layout
    from journeygen.pdf.document import html_document
    from journeygen.theme import theme_for

    layout = document_layout(options)
    theme = theme_for(journey, options)
    part = build_part(journey, options, layout, theme)
    html = html_document([part], layout, theme, title=journey.title, author=journey.author, lang=journey.locale)
    return write_pdf(html)
