"""HTML -> PDF bytes through WeasyPrint: only data: URLs load, no dates, same input -> same bytes."""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeygen.render.pdf.standards import Conformance

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


@contextmanager
def _no_library_search() -> Iterator[None]:
    """On Linux, ctypes' library search finds nothing while WeasyPrint loads Pango and friends.

    WeasyPrint tries names such as ``libpango-1.0-0`` before ``libpango-1.0.so.0``; each miss makes
    ctypes run ``ldconfig``, ``gcc`` and ``ld`` (Kozea/WeasyPrint#1125), about 0.3 s of a PDF render
    on a machine with a compiler. Without the search the ``.so`` names load directly, as they would anyway.
    """
    if sys.platform != "linux":
        yield
        return
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = search


def _weasyprint() -> ModuleType:
    try:
        with _no_library_search():
            import weasyprint  # type: ignore[import-untyped]
    except OSError:  # libraries only the full search finds: take the slow road
        import weasyprint
    module: ModuleType = weasyprint
    return module


@dataclass(frozen=True)
class Printed:
    """A PDF and the page each of its figure sheets (HTML ids ``sheet-...``) starts on, counted from 0."""

    data: bytes
    sheets: dict[str, int]


@dataclass(frozen=True)
class Spot:
    """Where an element landed: its border box and its page's size, in CSS px."""

    left: float
    top: float
    right: float
    bottom: float
    page_width: float
    page_height: float


def locate(html: str, anchors: Collection[str]) -> dict[str, Spot]:
    """Where WeasyPrint lays out the elements with the HTML ids ``anchors`` (laid out, not printed)."""
    html_class = _weasyprint().HTML
    from journeygen.render.pdf.fetcher import DataOnlyFetcher

    document = html_class(string=html, url_fetcher=DataOnlyFetcher()).render()
    wanted = set(anchors)
    return {name: Spot(left, top, right, bottom, page.width, page.height)
            for page in document.pages for name, (left, top, right, bottom) in page.anchors.items() if name in wanted}


def print_html(html: str, conformance: Conformance | None = None) -> Printed:
    """The HTML document as PDF, tagged and meeting ``conformance`` (None: untagged, for a text layer):
    only data: URLs load, no clock, same input -> same bytes."""
    html_class = _weasyprint().HTML
    from journeygen.render.pdf.fetcher import DataOnlyFetcher

    writing = conformance.writer_options(html) if conformance else {}
    with _fixed_epoch():
        document = html_class(string=html, url_fetcher=DataOnlyFetcher()).render(pdf_tags=conformance is not None)
        sheets: dict[str, int] = {}
        for index, page in enumerate(document.pages):
            for name in page.anchors:
                if name.startswith("sheet-"):
                    sheets.setdefault(name, index)
        # custom_metadata: the map's body text size (``<meta name="BodyTextSize">``) goes into the PDF's properties.
        return Printed(document.write_pdf(custom_metadata=True, **writing), sheets)
